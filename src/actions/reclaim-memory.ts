// Plans asking the app to free memory: the way its config names (signal or command), or global.gc when zoomtop is embedded.
import type { AppConfig } from '../config/app-config.js';
import { describeRunStep } from './run-step.js';
import type { PlanResult, RunStep } from './types.js';

export const RECLAIM_MEMORY_ACTION_ID = 'reclaim-memory';

/**
 * Where the app runs relative to zoomtop. `external` (the dashboard and the CLI): only what
 * the app config names. `embedded` (the app loads the zoomtop library): a garbage collection.
 */
export type ReclaimHost = { kind: 'external' } | { kind: 'embedded'; gcExposed: boolean };

export type ReclaimMemoryInput = {
  /** Config file the plan is about; named in the plan and in refusals. */
  file: string;
  config: AppConfig;
  /** Default `{ kind: 'external' }`. */
  host?: ReclaimHost;
};

/** A run step, never a fake: refused when the app gives no way to reclaim memory. */
export function planReclaimMemory(input: ReclaimMemoryInput): PlanResult {
  const { file, config } = input;
  const host = input.host ?? { kind: 'external' };
  const refuse = (reason: string): PlanResult => ({ ok: false, refusal: { actionId: RECLAIM_MEMORY_ACTION_ID, file, reason } });
  let run: RunStep;
  let reason: string;
  if (host.kind === 'embedded') {
    if (!host.gcExposed) return refuse('global.gc is not exposed in this process; start the app with node --expose-gc so zoomtop can run a garbage collection');
    run = { kind: 'gc' };
    reason = 'the app embeds zoomtop and exposes global.gc';
  } else {
    const how = config.reclaimMemory;
    if (how === undefined) {
      return refuse(`the app config names no way to reclaim the app's memory, and zoomtop does not fake one; add "zoomtop: {reclaim_memory: {signal: SIGUSR1, pid_file: /run/zoomcam.pid}}" (or command: [...]) to offer it`);
    }
    run = how.kind === 'signal' ? { kind: 'signal', signal: how.signal, pidFile: how.pidFile } : { kind: 'command', argv: [...how.argv] };
    reason = 'named in the app config under zoomtop.reclaim_memory';
  }
  return { ok: true, plan: { actionId: RECLAIM_MEMORY_ACTION_ID, file, patches: [], summary: `${describeRunStep(run)} (${reason})`, run } };
}
