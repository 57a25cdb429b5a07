// What the keys that act on the world do: quit, actions, the interval, export, the alert log, the theme.
import type { RulesEngine, RulesOutcome } from '../rules/rules-engine.js';
import type { Suggestion } from '../rules/types.js';
import type { Sampler } from '../sampler/sampler.js';
import type { Snapshot } from '../store/snapshot.js';
import type { CameraOperationStats } from '../timing/operation-registry.js';
import type { ViewContext } from '../views/dashboard-model.js';
import { suggestionRows } from '../views/suggestion-rows.js';
import { formatInterval } from '../views/status-model.js';
import type { ActionController } from './action-controller.js';
import type { ExitGuard } from './exit-guard.js';
import { exportSnapshot } from './export-snapshot.js';
import { stepInterval } from './interval-steps.js';
import type { Logger } from './log-file.js';
import type { KeyEffect } from './ui-reducer.js';
import type { Dialog, UiState } from './ui-state.js';
import { formatHistoryEntry, type HistoryEntry } from '../actions/audit-records.js';

/** The audit log as an overlay: newest first, each action with its effect or undo. */
function historyDialog({ entries, problems }: { entries: HistoryEntry[]; problems: string[] }): Dialog {
  const lines = entries.length === 0 ? ['nothing applied yet'] : [...entries].reverse().slice(0, 20).map(formatHistoryEntry);
  return { kind: 'message', title: 'Action history', tone: 'ok', lines: [...lines, ...problems, '', 'any key closes this'] };
}

/** What is on screen: frozen while paused. */
export type Frame = { snapshot: Snapshot; outcome: RulesOutcome; cameraStats: CameraOperationStats[] };

export type KeyEffectDeps = {
  guard: Pick<ExitGuard, 'exit'>;
  actions: ActionController;
  log: Logger;
  /** Where exports go (the zoomtop data directory). */
  dataDir: string;
  ui: { nextTheme?(): string };
  rules: Pick<RulesEngine, 'log' | 'current' | 'clearLog'>;
  sampler: Pick<Sampler, 'setInterval'>;
  /** Its intervalMs is updated in place by + and -. */
  context: ViewContext;
  getState(): UiState;
  /** Sets the state and repaints (used when an action's result arrives later). */
  setState(state: UiState): void;
  getFrame(): Frame;
  setFrame(frame: Frame): void;
  /** The sources view's lines (i); default: none known. */
  sources?(): string[];
  /** Says something in the status line for a few seconds (what t switched to); default: nowhere. */
  notify?(text: string): void;
};

/** Sources whose interval + and - change; the GPU keeps its own slower one. */
const STEPPED_SOURCES = ['system', 'process', 'disk', 'network'];

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const message = (title: string, tone: 'ok' | 'warning' | 'critical', ...lines: string[]): Dialog => ({ kind: 'message', title, tone, lines: [...lines, '', 'any key closes this'] });

export function createKeyEffects(deps: KeyEffectDeps) {
  const withDialog = (dialog: Dialog) => ({ ...deps.getState(), dialog });
  const setDialog = (dialog: Dialog) => deps.setState(withDialog(dialog));

  // An action that throws is the operator's business, not a crash: it is shown and logged.
  const failed = (title: string) => (error: unknown) => {
    deps.log.error(`${title}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    setDialog(message(title, 'critical', error instanceof Error ? error.message : String(error)));
  };

  const changeInterval = (direction: 1 | -1) => {
    const next = stepInterval(deps.context.intervalMs, direction);
    if (next === deps.context.intervalMs) return;
    for (const source of STEPPED_SOURCES) deps.sampler.setInterval(source, next);
    deps.context.intervalMs = next;
    deps.log.info(`interval now ${formatInterval(next)}`);
  };

  const exportNow = () => {
    const { snapshot, outcome, cameraStats } = deps.getFrame();
    try {
      const file = exportSnapshot(deps.dataDir, { snapshot, rules: outcome, cameraStats, host: deps.context.host, intervalMs: deps.context.intervalMs });
      deps.log.info(`snapshot exported to ${file}`);
      setDialog(message('Snapshot exported', 'ok', file, [plural(snapshot.operations.length, 'operation'), plural(outcome.alerts.length, 'alert'), plural(outcome.suggestions.length, 'suggestion')].join(', ')));
    } catch (error) {
      setDialog(message('Export failed', 'critical', (error as Error).message));
    }
  };

  const nextTheme = () => {
    try {
      const name = deps.ui.nextTheme?.();
      if (name) {
        deps.log.info(`theme ${name}`);
        // Nothing else on screen names the theme, and the next t depends on which one this is.
        deps.notify?.(`theme ${name}`);
      }
    } catch (error) {
      setDialog(message('Theme not loaded', 'critical', (error as Error).message.split('\n')[0] ?? ''));
    }
  };

  const toggleAuto = () => {
    const state = deps.getState();
    if (!state.autoMode && deps.actions.readOnly) return setDialog(message('Read-only mode', 'warning', 'Auto mode would write the app config; zoomtop runs with --read-only.'));
    deps.log.info(`auto mode ${state.autoMode ? 'off' : 'on'}`);
    deps.setState({ ...state, autoMode: !state.autoMode });
  };

  return {
    /** Runs `effect`; `suggestions` are the ones on screen, so `a` acts on what the operator sees. */
    run(effect: KeyEffect, suggestions: readonly Suggestion[]): void {
      switch (effect) {
        case 'quit':
          return void deps.guard.exit(0, undefined, 'q pressed');
        case 'interrupt':
          return void deps.guard.exit(130, undefined, 'Ctrl-C pressed');
        case 'plan-selected': {
          const rows = suggestionRows(suggestions);
          const selected = rows[Math.min(deps.getState().selectedSuggestion, rows.length - 1)];
          return void deps.actions.preview(selected?.suggestion, selected?.actionId).then(setDialog, failed('Preview failed'));
        }
        case 'apply-confirmed': {
          const dialog = deps.getState().dialog;
          if (dialog?.kind === 'confirm') void deps.actions.apply(dialog).then(setDialog, failed('Apply failed'));
          return;
        }
        case 'interval-longer':
          return changeInterval(1);
        case 'interval-shorter':
          return changeInterval(-1);
        case 'export':
          return exportNow();
        case 'clear-alerts':
          deps.rules.clearLog();
          // A paused screen shows the cleared log too: clearing is the operator's own act.
          deps.setFrame({ ...deps.getFrame(), outcome: deps.rules.current() });
          return;
        case 'next-theme':
          return nextTheme();
        case 'undo':
          return void deps.actions.undo().then(setDialog, failed('Undo failed'));
        case 'toggle-auto':
          return toggleAuto();
        case 'show-sources':
          return setDialog(message('Sources', 'ok', ...(deps.sources?.() ?? ['no sources known']), '', 'i again refreshes'));
        case 'show-history':
          return void deps.actions.history().then((history) => setDialog(historyDialog(history)), failed('History not read'));
        case 'none':
          return;
      }
    },
  };
}
