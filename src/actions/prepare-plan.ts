// Read the app config, plan one action, make the edit and its diff: the preview, shared by the dashboard and the CLI.
import { readAppConfig } from '../config/app-config.js';
import type { ReadAppConfigResult } from '../config/app-config.js';
import { ACTION_IDS, findAction } from './action-table.js';
import type { ActionSettings } from './action-table.js';
import { unifiedDiff } from './diff.js';
import type { ReclaimHost } from './reclaim-memory.js';
import { describeRunStep } from './run-step.js';
import type { ActionPlan } from './types.js';
import { applyPatches } from './yaml-edit.js';

export type PrepareInput = {
  file: string;
  actionId: string;
  /** Milliseconds per camera in the recent window; default none (pixels decide). */
  costByCamera?: ReadonlyMap<string, number>;
  /** Ladder, steps, floors; default the planners' defaults. */
  settings?: ActionSettings;
  /** Default external. */
  host?: ReclaimHost;
  /** Default readAppConfig (node:fs). */
  read?: (file: string) => Promise<ReadAppConfigResult>;
};

/** A previewable change: what would be written (or run), the diff, and the hash it was planned from. */
export type Prepared = { ok: true; plan: ActionPlan; diff: string; newText: string; expectedHash: string };

/**
 * `nothingToDo`: the action has nothing to do now (a refusal, exit 2); otherwise an error (exit 1).
 * `error` is the one line naming the file; `reason` the same without it, for a dialog that shows the file.
 */
export type PrepareFailure = { ok: false; nothingToDo: boolean; title: string; error: string; reason: string };

export async function preparePlan(input: PrepareInput): Promise<Prepared | PrepareFailure> {
  const { file, actionId } = input;
  const spec = findAction(actionId);
  if (spec === undefined) {
    const error = `unknown action "${actionId}"; use one of ${ACTION_IDS.join(', ')}`;
    return { ok: false, nothingToDo: false, title: 'Unknown action', error, reason: error };
  }
  const read = await (input.read ?? readAppConfig)(file);
  if (!read.ok) return { ok: false, nothingToDo: false, title: 'Cannot read the app config', error: read.error, reason: read.error };
  const planned = spec.plan({ file, config: read.config, costByCamera: input.costByCamera ?? new Map(), settings: input.settings, host: input.host });
  if (!planned.ok) {
    const { reason } = planned.refusal;
    return { ok: false, nothingToDo: true, title: `Nothing to do for ${actionId}`, error: `${file}: ${actionId}: ${reason}`, reason };
  }
  const { plan } = planned;
  if (plan.run !== undefined) {
    return { ok: true, plan, diff: `(no change to ${file}; zoomtop will ${describeRunStep(plan.run)})\n`, newText: read.text, expectedHash: read.sha256 };
  }
  const edited = applyPatches(read.text, plan.patches, { file });
  if (!edited.ok) return { ok: false, nothingToDo: false, title: 'Cannot edit the app config', error: edited.error, reason: edited.error };
  return { ok: true, plan, diff: unifiedDiff(file, read.text, edited.text), newText: edited.text, expectedHash: read.sha256 };
}
