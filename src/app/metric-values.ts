// A rule metric's recorded values over a time range, from the profiler's snapshot history (for measuring effects).
import type { SnapshotMetric, SnapshotRecord } from '../profiler/snapshot-record.js';
import type { MetricId } from '../rules/types.js';

/** Where each rule metric lives in a snapshot record. */
const RECORD_FIELD: Partial<Record<MetricId, SnapshotMetric>> = {
  cpuPercent: 'cpuPercent',
  memoryPercent: 'memoryPercent',
  diskWriteBytesPerSec: 'diskWriteBytesPerSec',
  appFps: 'fps',
  socTemperatureC: 'socTemperatureC',
};

export type SnapshotSource = { snapshots(sinceMs?: number): readonly SnapshotRecord[] };

/** Known values of `metric` with fromMs <= atMs <= toMs, oldest first; unknown readings are left out, not zeros. */
export function metricValues(source: SnapshotSource, metric: MetricId, fromMs: number, toMs: number): number[] {
  const field = RECORD_FIELD[metric];
  const values: number[] = [];
  // Flags are not kept in the history: their effect is not measured.
  if (field === undefined) return values;
  for (const record of source.snapshots(fromMs)) {
    const value = record[field];
    if (record.atMs <= toMs && value !== null) values.push(value);
  }
  return values;
}
