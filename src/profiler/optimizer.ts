// The Optimizer: plans structured changes for the current automated suggestions, applies them, records and verifies them.
import { ACTION_IDS, findAction, type PlanContext } from '../actions/action-table.js';
import type { ConfigPatch, RunStep } from '../actions/types.js';
import type { MetricId } from '../rules/types.js';
import { getAt, setAt, toAppConfig, type ConfigValue, type ZoomcamConfig } from './optimizer-config.js';
import type { Profiler } from './profiler.js';
import type { SnapshotMetric, SnapshotRecord } from './snapshot-record.js';

export type OptimizerOptions = {
  /** Resolution steps, any WxH strings. @default DEFAULT_LADDER (1920x1080, 1280x720, 640x480) */
  ladder?: readonly string[];
  /** fps taken off streaming.target_fps per step. @default 5 */
  fpsStep?: number;
  /** Floor of streaming.target_fps. @default 15 */
  minFps?: number;
  /** Suggestions with a priority number up to this are acted on. @default 1 */
  maxPriority?: number;
  /** An action applied this recently is not planned again (its effect is still being judged), ms. @default 60000 */
  cooldownMs?: number;
  /** How long after applying the effect is judged against the value before, ms. @default 30000 */
  verifyAfterMs?: number;
  /** What "reclaim-memory" runs in this process. @default global.gc when node runs with --expose-gc, else none (the action is refused) */
  collectGarbage?: (() => void) | null;
  /** Name of the config in plans and refusals. @default "config" */
  configName?: string;
};

/** One action for one suggestion: config patches, or a step run in this process (a garbage collection). */
export type PlannedChange = {
  suggestionId: string;
  actionId: string;
  /** The figure its suggestion watches; judged verifyAfterMs after applying. */
  metric: MetricId;
  summary: string;
  patches: ConfigPatch[];
  run?: RunStep;
};
export type SkippedAction = { suggestionId: string; actionId: string; reason: string };
export type OptimizationPlan = { atMs: number; changes: PlannedChange[]; skipped: SkippedAction[] };

export type AppliedChange = { path: (string | number)[]; key: string; from: ConfigValue; to: ConfigValue };

/** One applied action: what, when, before/after values, and whether it helped. */
export type HistoryEntry = {
  id: number;
  atMs: number;
  suggestionId: string;
  actionId: string;
  summary: string;
  changes: AppliedChange[];
  metric: MetricId;
  /** The watched figure in the latest snapshot when applied; null when unknown. */
  valueBefore: number | null;
  /** Filled verifyAfterMs later: improved means the figure went down. */
  verification: { atMs: number; valueAfter: number | null; improved: boolean | null } | null;
  undoneAtMs: number | null;
};

export type ApplyOutcome = { config: ZoomcamConfig; applied: HistoryEntry[]; skipped: SkippedAction[] };

const METRIC_FIELD: Partial<Record<MetricId, SnapshotMetric>> = {
  cpuPercent: 'cpuPercent',
  memoryPercent: 'memoryPercent',
  diskWriteBytesPerSec: 'diskWriteBytesPerSec',
  appFps: 'fps',
  socTemperatureC: 'socTemperatureC',
};

export class Optimizer {
  private readonly entries: HistoryEntry[] = [];
  private readonly unsubscribe: () => void;
  private readonly settings: Required<Omit<OptimizerOptions, 'ladder'>> & { ladder: readonly string[] | undefined };
  private nextId = 1;

  /** Verifies applied actions on each of the profiler's snapshots until dispose(). */
  constructor(private readonly profiler: Profiler, options: OptimizerOptions = {}) {
    this.settings = {
      ladder: options.ladder,
      fpsStep: options.fpsStep ?? 5,
      minFps: options.minFps ?? 15,
      maxPriority: options.maxPriority ?? 1,
      cooldownMs: options.cooldownMs ?? 60_000,
      verifyAfterMs: options.verifyAfterMs ?? 30_000,
      collectGarbage: options.collectGarbage === undefined ? exposedGc() : options.collectGarbage,
      configName: options.configName ?? 'config',
    };
    this.unsubscribe = profiler.on('snapshot', () => this.verify());
  }

  /** Everything applied, oldest first. */
  get history(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** Structured changes for every action of the current automated suggestions, and why others are skipped. */
  plan(config: ZoomcamConfig): OptimizationPlan {
    const atMs = this.profiler.clock.now();
    const context: PlanContext = {
      file: this.settings.configName,
      config: toAppConfig(config, this.settings.configName),
      costByCamera: new Map(this.profiler.registry.cameraCosts(atMs).map((c) => [c.camera, c.totalMs])),
      settings: { ladder: this.settings.ladder, fpsStep: this.settings.fpsStep, fpsFloor: this.settings.minFps },
      // The app embeds the library, so reclaiming memory is a garbage collection here.
      host: { kind: 'embedded', gcExposed: this.settings.collectGarbage !== null },
    };
    const plan: OptimizationPlan = { atMs, changes: [], skipped: [] };
    const seen = new Set<string>();
    for (const suggestion of this.profiler.suggestions({ maxPriority: this.settings.maxPriority })) {
      if (!suggestion.automated) continue;
      for (const actionId of suggestion.actionIds) {
        if (seen.has(actionId)) continue;
        seen.add(actionId);
        const skip = (reason: string) => plan.skipped.push({ suggestionId: suggestion.id, actionId, reason });
        const action = findAction(actionId);
        if (!action) {
          skip(`no action "${actionId}"; known actions: ${ACTION_IDS.join(', ')}`);
          continue;
        }
        if (!action.automated) {
          skip(`"${actionId}" is offered to an operator, never applied automatically`);
          continue;
        }
        const recent = this.lastApplied(actionId);
        if (recent && atMs - recent.atMs < this.settings.cooldownMs) {
          skip(`applied ${Math.round((atMs - recent.atMs) / 1000)} s ago; not again before its effect is judged (cooldown ${this.settings.cooldownMs / 1000} s)`);
          continue;
        }
        const result = action.plan(context);
        if (result.ok && result.plan.run && result.plan.run.kind !== 'gc') {
          skip(`${result.plan.summary}: only a garbage collection runs inside the app; send signals or run commands with the zoomtop CLI`);
        } else if (result.ok) {
          const { summary, patches, run } = result.plan;
          plan.changes.push({ suggestionId: suggestion.id, actionId, metric: suggestion.metric, summary, patches, ...(run ? { run } : {}) });
        } else {
          skip(result.refusal.reason);
        }
      }
    }
    return plan;
  }

  /** Applies a plan (default: a fresh one) to a copy of config; every applied action lands in history. */
  apply(config: ZoomcamConfig, plan: OptimizationPlan = this.plan(config)): ApplyOutcome {
    const next = structuredClone(config) as Record<string, unknown>;
    const outcome: ApplyOutcome = { config: next, applied: [], skipped: [...plan.skipped] };
    const latest = this.profiler.latest();
    for (const change of plan.changes) {
      const stale = change.patches.find((p) => getAt(next, p.path) !== p.from);
      if (stale) {
        const now = getAt(next, stale.path);
        outcome.skipped.push({ ...pick(change), reason: `${stale.path.join('.')} is now ${String(now)}, not ${String(stale.from)} as planned; plan again` });
        continue;
      }
      if (change.run?.kind === 'gc') this.settings.collectGarbage?.();
      for (const patch of change.patches) setAt(next, patch.path, patch.to);
      const entry: HistoryEntry = {
        id: this.nextId++,
        atMs: this.profiler.clock.now(),
        ...pick(change),
        summary: change.summary,
        changes: change.patches.map((p) => ({ path: [...p.path], key: p.path.join('.'), from: p.from, to: p.to })),
        metric: change.metric,
        valueBefore: valueOf(latest, change.metric),
        verification: null,
        undoneAtMs: null,
      };
      this.entries.push(entry);
      outcome.applied.push(entry);
    }
    return outcome;
  }

  /** Reverts the latest applied (not undone) config change on a copy of config; undefined entry when there is none. */
  undo(config: ZoomcamConfig): { config: ZoomcamConfig; entry: HistoryEntry | undefined } {
    const entry = [...this.entries].reverse().find((e) => e.undoneAtMs === null && e.changes.length > 0);
    if (!entry) return { config: structuredClone(config), entry: undefined };
    const next = structuredClone(config) as Record<string, unknown>;
    for (const change of entry.changes) {
      const now = getAt(next, change.path);
      if (now !== change.to) {
        throw new Error(`Optimizer.undo: ${change.key} is ${String(now)}, not ${String(change.to)} as applied; it changed since, so it is left as it is`);
      }
    }
    for (const change of entry.changes) setAt(next, change.path, change.from);
    entry.undoneAtMs = this.profiler.clock.now();
    return { config: next, entry };
  }

  /** Judges applied actions older than verifyAfterMs against the latest snapshot; returns those judged now. */
  verify(): HistoryEntry[] {
    const nowMs = this.profiler.clock.now();
    const latest = this.profiler.latest();
    const judged: HistoryEntry[] = [];
    for (const entry of this.entries) {
      if (entry.verification !== null || entry.undoneAtMs !== null || nowMs - entry.atMs < this.settings.verifyAfterMs) continue;
      if (!latest || latest.atMs - entry.atMs < this.settings.verifyAfterMs) continue;
      const valueAfter = valueOf(latest, entry.metric);
      const improved = entry.valueBefore === null || valueAfter === null ? null : valueAfter < entry.valueBefore;
      entry.verification = { atMs: latest.atMs, valueAfter, improved };
      judged.push(entry);
    }
    return judged;
  }

  /** Stops following the profiler's snapshots. */
  dispose(): void {
    this.unsubscribe();
  }

  private lastApplied(actionId: string): HistoryEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i] as HistoryEntry;
      if (entry.actionId === actionId && entry.undoneAtMs === null) return entry;
    }
    return undefined;
  }
}

/** The garbage collector when node runs with --expose-gc, else null. */
function exposedGc(): (() => void) | null {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? () => void (gc as () => void)() : null;
}

function pick(change: PlannedChange): { suggestionId: string; actionId: string } {
  return { suggestionId: change.suggestionId, actionId: change.actionId };
}

function valueOf(record: SnapshotRecord | undefined, metric: MetricId): number | null {
  const field = METRIC_FIELD[metric];
  return record && field ? record[field] : null;
}
