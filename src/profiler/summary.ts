// Pure summaries of a time window of snapshots: averages, peaks, the current values and counts.
import type { AlertEntry } from '../rules/types.js';
import { SNAPSHOT_METRICS, type MetricFigures, type SnapshotRecord } from './snapshot-record.js';

const HOUR_MS = 3_600_000;

export type ProfilerSummary = {
  periodHours: number;
  /** The window: snapshots with fromMs < atMs <= toMs. */
  fromMs: number;
  toMs: number;
  snapshotCount: number;
  /** Mean of the known values of each figure in the window; null when none is known. */
  averages: MetricFigures;
  /** Largest known value of each figure in the window; null when none is known. */
  peaks: MetricFigures;
  /** The newest snapshot in the window. */
  current: SnapshotRecord;
  /** Alert log entries raised (or raised again) inside the window. */
  alertCount: number;
  /** Suggestions active now. */
  suggestionCount: number;
  /** Components with operation statistics. */
  componentCount: number;
};

export type SummaryInputs = {
  nowMs: number;
  hours: number;
  alerts: readonly AlertEntry[];
  suggestionCount: number;
  componentCount: number;
};

/** The summary of the snapshots inside the last `hours`; undefined when the window holds none. */
export function summarize(records: readonly SnapshotRecord[], inputs: SummaryInputs): ProfilerSummary | undefined {
  const { nowMs, hours } = inputs;
  if (!(typeof hours === 'number' && hours > 0 && hours < Infinity)) {
    throw new Error(`Profiler.summary: hours ${String(hours)} is not a positive number; use e.g. { hours: 1 } (the default) or { hours: 0.25 }`);
  }
  const fromMs = nowMs - hours * HOUR_MS;
  const inWindow = records.filter((r) => r.atMs > fromMs && r.atMs <= nowMs);
  const current = inWindow[inWindow.length - 1];
  if (!current) return undefined;
  const averages = {} as MetricFigures;
  const peaks = {} as MetricFigures;
  for (const key of SNAPSHOT_METRICS) {
    let sum = 0;
    let known = 0;
    let peak = -Infinity;
    for (const record of inWindow) {
      const value = record[key];
      if (value === null) continue;
      sum += value;
      known++;
      if (value > peak) peak = value;
    }
    averages[key] = known === 0 ? null : sum / known;
    peaks[key] = known === 0 ? null : peak;
  }
  return {
    periodHours: hours,
    fromMs,
    toMs: nowMs,
    snapshotCount: inWindow.length,
    averages,
    peaks,
    current,
    alertCount: inputs.alerts.filter((a) => a.lastAtMs > fromMs && a.lastAtMs <= nowMs).length,
    suggestionCount: inputs.suggestionCount,
    componentCount: inputs.componentCount,
  };
}
