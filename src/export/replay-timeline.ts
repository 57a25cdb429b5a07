// Rebuilds what the operator saw at each recorded frame from the records: histories, operation rows, the alert log.
import type { RulesOutcome } from '../rules/rules-engine.js';
import type { AlertEntry, Suggestion } from '../rules/types.js';
import type { Snapshot } from '../store/snapshot.js';
import type { CameraOperationStats } from '../timing/operation-registry.js';
import type { OperationStats, StatsWindow } from '../timing/types.js';
import { rowKey } from './frame-encoder.js';
import type { HistoryDelta, HistoryPoint } from './history-delta.js';
import { HISTORY_NAMES, type ActionRecord, type FrameRecord, type HistoryName, type OperationRow, type RecordingRecord } from './recording-types.js';

/** One frame as the dashboard draws it (its Frame type), plus the actions recorded with it. */
export type ReplayFrame = {
  atMs: number;
  snapshot: Snapshot;
  outcome: RulesOutcome;
  cameraStats: CameraOperationStats[];
  actions: ActionRecord[];
};

type Range = { start: number; end: number };

const NO_CHANGE: HistoryDelta = { drop: 0, append: [] };

type TimelineFrame = {
  atMs: number;
  figures: FrameRecord['snapshot'];
  ranges: Record<HistoryName, Range>;
  suggestions: Suggestion[];
  window: StatsWindow | null;
  operations: readonly OperationRow[];
  cameras: readonly OperationRow[];
  alerts: readonly AlertEntry[];
  actions: ActionRecord[];
};

/**
 * A history kept as one growing array of points: every frame's history is a contiguous slice of it (a delta
 * drops from the front and appends at the end), so frames share points instead of copying 600 of them each.
 */
class PointLog {
  readonly points: HistoryPoint[] = [];
  private start = 0;

  reset(): void {
    this.start = this.points.length;
  }

  apply(delta: HistoryDelta): Range {
    // A delta that does not fit (a record lost to a crash) keeps what is known rather than failing the replay.
    this.start = Math.min(this.start + Math.max(0, delta.drop), this.points.length);
    for (const point of delta.append) this.points.push(point);
    return { start: this.start, end: this.points.length };
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byRow = (a: OperationRow, b: OperationRow): number =>
  compare(a.component, b.component) || compare(a.operation, b.operation) || compare(a.camera ?? '', b.camera ?? '');

export class ReplayTimeline {
  readonly frames: TimelineFrame[] = [];
  private readonly logs: Record<HistoryName, PointLog> = { cpu: new PointLog(), memory: new PointLog(), gpu: new PointLog(), temperature: new PointLog() };

  /** @param alertCapacity entries the alert log held (AlertLog's capacity). */
  constructor(records: readonly RecordingRecord[], private readonly alertCapacity = 100) {
    this.build(records);
  }

  private build(records: readonly RecordingRecord[]): void {
    let rows = new Map<string, OperationRow>();
    let alerts = new Map<string, { entry: AlertEntry; seq: number }>();
    let pending: TimelineFrame | null = null;
    let orphanActions: ActionRecord[] = [];
    let rowsDirty = false;
    let alertsDirty = false;
    let seq = 0;
    const finish = (): void => {
      if (!pending) return;
      const previous = this.frames[this.frames.length - 1];
      if (rowsDirty || !previous) {
        const all = [...rows.values()].sort(byRow);
        pending.operations = all.filter((r) => r.camera === undefined);
        pending.cameras = all.filter((r) => r.camera !== undefined);
      } else {
        pending.operations = previous.operations;
        pending.cameras = previous.cameras;
      }
      if (alertsDirty || !previous) {
        const kept = [...alerts.entries()].sort(([, a], [, b]) => b.entry.lastAtMs - a.entry.lastAtMs || b.seq - a.seq).slice(0, this.alertCapacity);
        alerts = new Map(kept);
        pending.alerts = kept.map(([, a]) => a.entry);
      } else {
        pending.alerts = previous.alerts;
      }
      this.frames.push(pending);
      rowsDirty = alertsDirty = false;
    };
    for (const record of records) {
      switch (record.type) {
        case 'frame': {
          finish();
          if (record.keyframe) {
            for (const name of HISTORY_NAMES) this.logs[name].reset();
            rows = new Map();
            alerts = new Map();
            rowsDirty = alertsDirty = true;
          }
          const previous = this.frames[this.frames.length - 1];
          pending = {
            atMs: record.atMs,
            figures: record.snapshot,
            ranges: Object.fromEntries(HISTORY_NAMES.map((name) => [name, this.logs[name].apply(record.history[name] ?? NO_CHANGE)])) as Record<HistoryName, Range>,
            suggestions: record.suggestions,
            window: previous?.window ?? null,
            operations: [],
            cameras: [],
            alerts: [],
            actions: orphanActions,
          };
          orphanActions = [];
          break;
        }
        case 'operations':
          for (const key of record.removed) rows.delete(key.join('\u0000'));
          for (const row of record.changed) rows.set(rowKey(row), row);
          if (pending) pending.window = record.window;
          rowsDirty = true;
          break;
        case 'alert': {
          const key = `${record.entry.ruleId}\u0000${record.entry.firstAtMs}`;
          alerts.set(key, { entry: record.entry, seq: seq++ });
          alertsDirty = true;
          break;
        }
        case 'action':
          (pending ? pending.actions : orphanActions).push(record);
          break;
        case 'header':
          break;
      }
    }
    finish();
  }

  /** The full snapshot, rules outcome and camera rows of frame i. */
  materialize(i: number): ReplayFrame {
    const frame = this.frames[i];
    if (!frame) throw new Error(`replay: frame ${i} does not exist (the recording has ${this.frames.length})`);
    const { figures, ranges } = frame;
    const window = frame.window ?? { label: '', startMs: frame.atMs, endMs: frame.atMs };
    const history = (name: HistoryName): HistoryPoint[] => this.logs[name].points.slice(ranges[name].start, ranges[name].end);
    const { pi, ...rest } = figures;
    const snapshot: Snapshot = {
      ...rest,
      cpu: { percent: figures.cpu.percent, history: history('cpu') },
      memory: { ...figures.memory, history: history('memory') },
      gpu: figures.gpu.state === 'ok' ? { ...figures.gpu, history: history('gpu') } : figures.gpu,
      operations: frame.operations.map((row): OperationStats => ({ ...row, window: { ...window } })),
    };
    if (pi) {
      const temperature = pi.temperature.state === 'ok' ? { ...pi.temperature, history: history('temperature') } : pi.temperature;
      snapshot.pi = { ...pi, temperature };
    }
    const cameraStats = frame.cameras.map((row) => ({ ...row, camera: row.camera ?? '', window: { ...window } }));
    return {
      atMs: frame.atMs,
      snapshot,
      outcome: { alerts: frame.alerts.map((a) => ({ ...a })), suggestions: frame.suggestions.map((s) => ({ ...s, actionIds: [...s.actionIds] })), raised: [] },
      cameraStats,
      actions: frame.actions,
    };
  }
}
