// Turns "a" into a previewed plan, "y" into an atomic write and "u" into an undo; every outcome becomes a dialog the operator reads.
import type { ActionSettings } from '../actions/action-table.js';
import { findAction } from '../actions/action-table.js';
import { applyPlan } from '../actions/apply-plan.js';
import { AuditLog, memoryAuditFs } from '../actions/audit-log.js';
import { joinHistory } from '../actions/audit-records.js';
import type { ApplyRecord, HistoryEntry, UndoRecord } from '../actions/audit-records.js';
import type { Effect } from '../actions/effect.js';
import { EffectTracker } from '../actions/effect-tracker.js';
import { preparePlan } from '../actions/prepare-plan.js';
import type { ReclaimHost } from '../actions/reclaim-memory.js';
import type { RunStepOptions } from '../actions/run-step.js';
import { undoLast } from '../actions/undo.js';
import { formatMetric, metricLabel } from '../rules/metrics.js';
import type { MetricId, Suggestion } from '../rules/types.js';
import { formatElapsed } from '../views/format.js';
import type { Dialog } from './ui-state.js';

export type ActionControllerOptions = {
  /** The app config actions edit; null when zoomtop was not told one. */
  appConfigFile: string | null;
  costByCamera: () => ReadonlyMap<string, number>;
  now: () => number;
  /** Called after a successful apply, e.g. to log it in the alert log; backupFile is null for a run step. */
  onApplied?: (summary: string, file: string, backupFile: string | null, record: ApplyRecord) => void;
  /** Called after a successful undo. */
  onUndone?: (record: UndoRecord, apply: ApplyRecord) => void;
  /** Called when an apply's effect has been measured (and recorded). */
  onEffect?: (apply: ApplyRecord, effect: Effect) => void;
  /** Previews, but never writes or runs anything (--read-only); default false. */
  readOnly?: boolean;
  /** Where applies, undos and effects are recorded; default an in-memory log that ends with the process. */
  audit?: AuditLog;
  /** Ladder, steps, floors; default the planners' defaults. */
  settings?: ActionSettings;
  /** For reclaim-memory; default external. */
  host?: ReclaimHost;
  /** The metric's recorded values in [fromMs, toMs]; without it no effect is measured. */
  metricValues?: (metric: MetricId, fromMs: number, toMs: number) => number[];
  /** How long an effect is watched; default 15 000 ms. */
  settleMs?: number;
  /** For reclaim-memory's signal or command. */
  run?: RunStepOptions;
};

type ConfirmDialog = Extract<Dialog, { kind: 'confirm' }>;
/** `app`: the app's own frame rate, watched beside the suggestion's metric (see startTracking). */
type Tracked = { apply: ApplyRecord; tracker: EffectTracker; app: EffectTracker | null };

/** Actions whose success shows as more frames per second when the machine was saturated; lowering fps lowers it by design. */
const FPS_EVIDENCE_ACTIONS = new Set(['lower-resolution', 'disable-camera', 'reclaim-memory']);

/**
 * One verdict from both trackers: on a machine kept saturated by other work, machine CPU stays at
 * 100 % while the app recovers its frame rate, and that is the fix working.
 */
function combineEffects(main: Effect, app: Effect | null): Effect {
  if (!app || !app.known) return main;
  // One "over 15 s" for both when they cover the same time.
  const first = main.settleMs === app.settleMs ? main.text.replace(/ over \d+ s$/, '') : main.text;
  const text = `${first}; ${app.text.replace(/^no effect: /, '')}`;
  return { ...main, helped: main.helped || app.helped, text: !main.helped && app.helped ? text.replace(/^no effect: /, '') : text } as Effect;
}
export type MeasuredApply = { apply: ApplyRecord; effect: Effect };

export const READ_ONLY_MESSAGE = 'read-only mode (--read-only): nothing written';

const message = (title: string, tone: 'ok' | 'warning' | 'critical', ...lines: string[]): Dialog => ({ kind: 'message', title, tone, lines: [...lines, '', 'any key closes this'] });

export function createActionController(options: ActionControllerOptions) {
  const readOnly = options.readOnly ?? false;
  const clock = { now: options.now };
  const audit = options.audit ?? new AuditLog({ file: '(in memory)', fs: memoryAuditFs() });
  // Which suggestion a preview came from, so its apply can watch that suggestion's metric. Keyed by
  // the plan, which the dialog keeps while it is scrolled (each scroll makes a new dialog object).
  const origins = new WeakMap<ConfirmDialog['plan'], Suggestion>();
  let tracked: Tracked[] = [];

  const startTracking = (apply: ApplyRecord, suggestion: Suggestion | undefined, appliedAtMs: number) => {
    if (!suggestion || !options.metricValues) return;
    const beforeValues = options.metricValues(suggestion.metric, suggestion.sinceMs, appliedAtMs);
    const expect = findAction(apply.action)?.expect;
    const tracker = new EffectTracker({ metric: suggestion.metric, appliedAtMs, beforeValues, clock, settleMs: options.settleMs, expect });
    const fpsBefore = FPS_EVIDENCE_ACTIONS.has(apply.action) ? options.metricValues('appFps', suggestion.sinceMs, appliedAtMs) : [];
    const app = fpsBefore.length > 0 ? new EffectTracker({ metric: 'appFps', appliedAtMs, beforeValues: fpsBefore, clock, settleMs: options.settleMs, expect: 'increase' }) : null;
    tracked.push({ apply, tracker, app });
  };

  return {
    readOnly,

    /**
     * Plans `actionId` (default: the suggestion's first action) and returns the preview, or a
     * message saying why not. A reverse action may be previewed without a suggestion.
     */
    async preview(suggestion: Suggestion | undefined, actionId: string | undefined = suggestion?.actionIds[0]): Promise<Dialog> {
      if (!suggestion && actionId === undefined) return message('Nothing to apply', 'warning', 'There is no suggestion selected: zoomtop suggests actions when a rule holds.');
      if (actionId === undefined || findAction(actionId) === undefined) {
        return message('Advice only', 'warning', `"${suggestion?.text ?? actionId}" has no automated action; it is advice to act on by hand.`);
      }
      const file = options.appConfigFile;
      if (!file) return message('No app config', 'warning', 'zoomtop does not know the app\'s config file; start it with --app-config FILE (or --demo).');
      const prepared = await preparePlan({ file, actionId, costByCamera: options.costByCamera(), settings: options.settings, host: options.host });
      if (!prepared.ok) return message(prepared.title, prepared.nothingToDo ? 'warning' : 'critical', prepared.reason);
      const evidence = suggestion
        ? `${metricLabel(suggestion.metric)} ${formatMetric(suggestion.metric, suggestion.value)} for ${formatElapsed(options.now() - suggestion.sinceMs)}`
        : 'chosen by the operator';
      const dialog: ConfirmDialog = { kind: 'confirm', plan: prepared.plan, diff: prepared.diff, evidence, newText: prepared.newText, expectedHash: prepared.expectedHash };
      if (suggestion) origins.set(dialog.plan, suggestion);
      return dialog;
    },

    /** Writes (or runs) a confirmed plan; a file changed since the preview is refused, never overwritten. */
    async apply(dialog: ConfirmDialog, how: { trigger?: 'key' | 'auto' } = {}): Promise<Dialog> {
      if (readOnly) return message('Read-only mode', 'warning', READ_ONLY_MESSAGE);
      const appliedAtMs = options.now();
      const result = await applyPlan({ plan: dialog.plan, newText: dialog.newText, expectedHash: dialog.expectedHash, trigger: how.trigger ?? 'key', evidence: dialog.evidence, audit, clock, run: options.run });
      if (!result.ok) return message('Not applied', 'critical', result.error, 'Press a again to preview against the file as it is now.');
      const { record } = result;
      options.onApplied?.(dialog.plan.summary, dialog.plan.file, record.backup, record);
      startTracking(record, origins.get(dialog.plan), appliedAtMs);
      const watch = tracked.some((t) => t.apply === record) ? `zoomtop measures the effect over the next ${Math.round((options.settleMs ?? 15_000) / 1000)} s.` : 'The app reloads its config; watch the CPU graph for the effect.';
      return message('Applied', 'ok', `${dialog.plan.actionId}: ${dialog.plan.summary}`, ...result.detail.split('; '), ...(result.auditError ? [result.auditError] : []), watch);
    },

    /** Restores the file the last apply wrote, byte for byte, unless it changed on disk since. */
    async undo(): Promise<Dialog> {
      if (readOnly) return message('Read-only mode', 'warning', READ_ONLY_MESSAGE);
      const file = options.appConfigFile;
      if (!file) return message('Nothing to undo', 'warning', 'zoomtop does not know the app\'s config file; start it with --app-config FILE (or --demo).');
      const result = await undoLast({ file, audit, clock, trigger: 'key' });
      if (!result.ok) return message(result.nothingToDo ? 'Nothing to undo' : 'Not undone', result.nothingToDo ? 'warning' : 'critical', result.error);
      tracked = tracked.filter((t) => t.apply.id !== result.apply.id);
      options.onUndone?.(result.record, result.apply);
      return message(
        'Undone',
        'ok',
        `${result.apply.action}: ${result.apply.summary}, undone`,
        `${result.record.file} restored byte for byte from ${result.apply.backup}`,
        `the undone version is kept as ${result.record.backup}`,
        ...(result.auditError ? [result.auditError] : []),
      );
    },

    /** Feeds the latest metric values to the effects being measured; returns those that finished (and records them). */
    async observe(atMs: number, values: Partial<Record<MetricId, number | null>>): Promise<MeasuredApply[]> {
      const finished: MeasuredApply[] = [];
      for (const { apply, tracker, app } of tracked) {
        const value = values[tracker.metric];
        if (typeof value === 'number') tracker.add(atMs, value);
        const fps = values.appFps;
        if (app && typeof fps === 'number') app.add(atMs, fps);
        const effect = tracker.result();
        if (effect !== null) finished.push({ apply, effect: combineEffects(effect, app?.result() ?? null) });
      }
      if (finished.length === 0) return finished;
      tracked = tracked.filter((t) => !finished.some((f) => f.apply === t.apply));
      for (const { apply, effect } of finished) {
        const nowMs = options.now();
        await audit
          .append({ v: 1, type: 'effect', id: `${apply.id}-effect`, time: new Date(nowMs).toISOString(), action: apply.action, file: apply.file, of: apply.id, effect })
          .catch(() => undefined); // The effect is still shown; only its record is lost.
        options.onEffect?.(apply, effect);
      }
      return finished;
    },

    /** Effects still settling, for a "measuring…" hint beside the action. */
    settling(): { apply: ApplyRecord; remainingMs: number }[] {
      return tracked.map((t) => ({ apply: t.apply, remainingMs: t.tracker.remainingMs() }));
    },

    /** The audit log joined for the history panel, newest last, with any damage it skipped. */
    async history(): Promise<{ entries: HistoryEntry[]; problems: string[] }> {
      const read = await audit.read();
      return { entries: joinHistory(read.records), problems: read.problems };
    },
  };
}

export type ActionController = ReturnType<typeof createActionController>;
