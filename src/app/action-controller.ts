// Turns "a" into a previewed plan and "y" into an atomic write; every outcome becomes a dialog the operator reads.
import { PLANNERS } from '../actions/action-table.js';
import { writeConfigAtomically } from '../actions/config-writer.js';
import { unifiedDiff } from '../actions/diff.js';
import { applyPatches } from '../actions/yaml-edit.js';
import { readAppConfig } from '../config/app-config.js';
import { formatMetric, metricLabel } from '../rules/metrics.js';
import type { Suggestion } from '../rules/types.js';
import { formatElapsed } from '../views/format.js';
import type { Dialog } from './ui-state.js';

export type ActionControllerOptions = {
  /** The app config actions edit; null when zoomtop was not told one. */
  appConfigFile: string | null;
  costByCamera: () => ReadonlyMap<string, number>;
  now: () => number;
  /** Called after a successful write, e.g. to log it in the alert log. */
  onApplied?: (summary: string, file: string, backupFile: string) => void;
};

const message = (title: string, tone: 'ok' | 'warning' | 'critical', ...lines: string[]): Dialog => ({ kind: 'message', title, tone, lines: [...lines, '', 'any key closes this'] });

export function createActionController(options: ActionControllerOptions) {
  return {
    /** Plans the first action of the suggestion and returns the preview, or a message saying why not. */
    async preview(suggestion: Suggestion | undefined): Promise<Dialog> {
      if (!suggestion) return message('Nothing to apply', 'warning', 'There is no suggestion selected: zoomtop suggests actions when a rule holds.');
      const actionId = suggestion.actionIds[0];
      const planner = actionId === undefined ? undefined : PLANNERS[actionId];
      if (!actionId || !planner) return message('Advice only', 'warning', `"${suggestion.text}" has no automated action; it is advice to act on by hand.`);
      const file = options.appConfigFile;
      if (!file) return message('No app config', 'warning', 'zoomtop does not know the app\'s config file; start it with --app-config FILE (or --demo).');
      const read = await readAppConfig(file);
      if (!read.ok) return message('Cannot read the app config', 'critical', read.error);
      const planned = planner({ file, config: read.config, costByCamera: options.costByCamera() });
      if (!planned.ok) return message(`Nothing to do for ${actionId}`, 'warning', planned.refusal.reason);
      const edited = applyPatches(read.text, planned.plan.patches, { file });
      if (!edited.ok) return message('Cannot edit the app config', 'critical', edited.error);
      const evidence = `${metricLabel(suggestion.metric)} ${formatMetric(suggestion.metric, suggestion.value)} for ${formatElapsed(options.now() - suggestion.sinceMs)}`;
      return {
        kind: 'confirm',
        plan: planned.plan,
        diff: unifiedDiff(file, read.text, edited.text),
        evidence,
        newText: edited.text,
        expectedHash: read.sha256,
      };
    },

    /** Writes a confirmed plan; a file changed since the preview is refused, never overwritten. */
    async apply(dialog: Extract<Dialog, { kind: 'confirm' }>): Promise<Dialog> {
      const result = await writeConfigAtomically(dialog.plan.file, dialog.newText, { expectedHash: dialog.expectedHash });
      if (!result.ok) return message('Not applied', 'critical', result.error, 'Press a again to preview against the file as it is now.');
      options.onApplied?.(dialog.plan.summary, result.file, result.backupFile);
      return message('Applied', 'ok', `${dialog.plan.actionId}: ${dialog.plan.summary}`, `written to ${result.file}`, `previous version kept as ${result.backupFile}`, 'The app reloads its config; watch the CPU graph for the effect.');
    },
  };
}

export type ActionController = ReturnType<typeof createActionController>;
