// Turns dashboard frames into recording records: a keyframe first, then only what changed (histories, rows, alerts).
import type { AlertEntry, Suggestion } from '../rules/types.js';
import type { Snapshot } from '../store/snapshot.js';
import type { CameraOperationStats } from '../timing/operation-registry.js';
import type { OperationStats } from '../timing/types.js';
import { diffHistory, type HistoryPoint } from './history-delta.js';
import { HISTORY_NAMES, RECORDING_VERSION, type ActionRecord, type HistoryName, type AlertRecord, type FrameRecord, type OperationKey, type OperationRow, type RecordingRecord } from './recording-types.js';
import { toSnapshotFigures } from './snapshot-figures.js';

/** What the dashboard shows at one moment (its Frame type fits). */
export type RecordedFrame = {
  snapshot: Snapshot;
  outcome: { alerts: readonly AlertEntry[]; suggestions: readonly Suggestion[] };
  cameraStats?: readonly CameraOperationStats[];
};

export type RecordedAction = Omit<ActionRecord, 'v' | 'type'>;

type Histories = Record<HistoryName, readonly HistoryPoint[]>;
const EMPTY: Histories = { cpu: [], memory: [], gpu: [], temperature: [] };

/** The chart histories a snapshot carries; a reading that is not ok has none. */
export function snapshotHistories(snapshot: Snapshot): Histories {
  const temperature = snapshot.pi?.temperature;
  return {
    cpu: snapshot.cpu.history,
    memory: snapshot.memory.history,
    gpu: snapshot.gpu.state === 'ok' ? snapshot.gpu.history : [],
    temperature: temperature?.state === 'ok' ? temperature.history : [],
  };
}

export function rowKey(row: { component: string; operation: string; camera?: string }): string {
  return row.camera === undefined ? `${row.component}\u0000${row.operation}` : `${row.component}\u0000${row.operation}\u0000${row.camera}`;
}

function toRow(stats: OperationStats, camera?: string): OperationRow {
  const { window: _window, ...row } = stats;
  return camera === undefined ? row : { ...row, camera };
}

/** The alert's identity in the log: a merged repeat keeps its first time. */
const alertKey = (entry: AlertEntry): string => `${entry.ruleId}\u0000${entry.firstAtMs}`;
// lastSeenMs moves on every tick while an alert holds and is never shown: recording it would write every second.
const alertSignature = ({ lastSeenMs: _seen, ...shown }: AlertEntry): string => JSON.stringify(shown);

export class FrameEncoder {
  private histories: Histories = EMPTY;
  private rows = new Map<string, string>();
  private alerts = new Map<string, string>();
  private keyframe = true;

  /** The next frame is written whole (a new file, or after a lost write). */
  restart(): void {
    this.keyframe = true;
  }

  encode(frame: RecordedFrame): RecordingRecord[] {
    const keyframe = this.keyframe;
    this.keyframe = false;
    if (keyframe) {
      this.histories = EMPTY;
      this.rows = new Map();
      this.alerts = new Map();
    }
    const { snapshot } = frame;
    const atMs = snapshot.atMs;
    const { operations: _operations, ...figures } = toSnapshotFigures(snapshot);
    const histories = snapshotHistories(snapshot);
    const records: RecordingRecord[] = [
      {
        v: RECORDING_VERSION,
        type: 'frame',
        atMs,
        keyframe,
        snapshot: figures,
        history: Object.fromEntries(HISTORY_NAMES.map((name) => [name, diffHistory(this.histories[name], histories[name])])) as FrameRecord['history'],
        suggestions: frame.outcome.suggestions.map((s) => ({ ...s, actionIds: [...s.actionIds] })),
      },
    ];
    // Copies: the store's arrays are rebuilt each snapshot today, but nothing promises they are not reused.
    this.histories = { cpu: [...histories.cpu], memory: [...histories.memory], gpu: [...histories.gpu], temperature: [...histories.temperature] };
    const operations = this.encodeOperations(frame, atMs);
    if (operations) records.push(operations);
    records.push(...this.encodeAlerts(frame.outcome.alerts, atMs));
    return records;
  }

  private encodeOperations(frame: RecordedFrame, atMs: number): RecordingRecord | null {
    const rows = [...frame.snapshot.operations.map((s) => toRow(s)), ...(frame.cameraStats ?? []).map((s) => toRow(s, s.camera))];
    const window = frame.snapshot.operations[0]?.window ?? frame.cameraStats?.[0]?.window;
    const next = new Map<string, string>();
    const changed: OperationRow[] = [];
    for (const row of rows) {
      const key = rowKey(row);
      const signature = JSON.stringify(row);
      next.set(key, signature);
      if (this.rows.get(key) !== signature) changed.push(row);
    }
    const removed: OperationKey[] = [];
    for (const key of this.rows.keys()) {
      if (!next.has(key)) removed.push(key.split('\u0000') as OperationKey);
    }
    this.rows = next;
    // The window moves every frame, so a record is written whenever there are rows, even unchanged ones.
    if (window === undefined && removed.length === 0) return null;
    return { v: RECORDING_VERSION, type: 'operations', atMs, window: window ?? { label: '', startMs: atMs, endMs: atMs }, changed, removed };
  }

  private encodeAlerts(entries: readonly AlertEntry[], atMs: number): AlertRecord[] {
    const out: AlertRecord[] = [];
    // Only entries still in the log are remembered, so this stays as small as the log.
    const next = new Map<string, string>();
    // Oldest first, so a reader that orders by record sequence breaks ties the way the log does.
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i] as AlertEntry;
      const key = alertKey(entry);
      const signature = alertSignature(entry);
      next.set(key, signature);
      if (this.alerts.get(key) !== signature) out.push({ v: RECORDING_VERSION, type: 'alert', atMs, entry: { ...entry } });
    }
    this.alerts = next;
    return out;
  }
}

export function encodeAction(action: RecordedAction): ActionRecord {
  return { v: RECORDING_VERSION, type: 'action', ...action };
}
