// zoomtop plan: prints the change an action would make as a unified diff, and writes nothing.
import { LOWER_FPS_ACTION_ID } from '../actions/fps-planners.js';
import { LOWER_RESOLUTION_ACTION_ID } from '../actions/lower-resolution.js';
import { preparePlan } from '../actions/prepare-plan.js';
import type { Prepared } from '../actions/prepare-plan.js';
import { parseCommandArgs } from './command-args.js';
import { loadCommandConfig } from './command-config.js';
import { EXIT, resolveAppConfigFile } from './command-io.js';
import type { CommandIo } from './command-io.js';

export const PLAN_USAGE = `Usage: zoomtop plan [--app-config FILE] [--config FILE] [--action ID]

Prints the change an optimizer action would make to the app config, as a unified diff. Writes nothing.
Without --action: the first of ${LOWER_RESOLUTION_ACTION_ID}, ${LOWER_FPS_ACTION_ID} that has something to do.
zoomtop.yaml (--config FILE, else ~/.config/zoomtop/zoomtop.yaml when present) gives the app
config when --app-config is not given (else the demo's copy) and the
action settings (resolution ladder, fps step, floor, ceiling), as for the dashboard.
Exit codes: 0 planned, 1 error, 2 nothing to do or zoomtop.yaml invalid.
`;

/** Tried in order when no --action is given. */
export const DEFAULT_PLAN_ACTIONS = [LOWER_RESOLUTION_ACTION_ID, LOWER_FPS_ACTION_ID];

export async function planCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs('plan', args, { 'app-config': { type: 'string' }, config: { type: 'string' }, action: { type: 'string' } });
  if (!parsed.ok) return fail(io, parsed.error);
  if (parsed.values.help) {
    io.stdout.write(PLAN_USAGE);
    return EXIT.done;
  }
  const config = await loadCommandConfig(parsed.values.config as string | undefined, io);
  if (config === null) return EXIT.invalidConfig;
  const resolved = resolveAppConfigFile(parsed.values['app-config'] as string | undefined, io, config.appConfig);
  if (!resolved.ok) return fail(io, resolved.error);
  const action = parsed.values.action as string | undefined;
  const refusals: string[] = [];
  for (const actionId of action === undefined ? DEFAULT_PLAN_ACTIONS : [action]) {
    const prepared = await preparePlan({ file: resolved.file, actionId, settings: config.actions });
    if (prepared.ok) {
      io.stdout.write(describePrepared(prepared));
      return EXIT.done;
    }
    if (!prepared.nothingToDo) return fail(io, prepared.error);
    refusals.push(prepared.error);
  }
  for (const refusal of refusals) io.stderr.write(`zoomtop plan: ${refusal}\n`);
  return EXIT.nothingToDo;
}

/** The action, summary, each change's reason, then the diff. */
export function describePrepared(prepared: Prepared): string {
  const { plan } = prepared;
  const reasons = plan.patches.map((p) => `# ${p.path.map(String).join('.')}: ${p.reason}\n`).join('');
  return `# ${plan.actionId}: ${plan.summary}\n${reasons}${prepared.diff}`;
}

function fail(io: CommandIo, error: string): number {
  io.stderr.write(`zoomtop plan: ${error}\n`);
  return EXIT.error;
}
