// The profiler's flat snapshot: every field of the original PerformanceSnapshot, with units in the names and null for unknown.
import { readMetric } from '../rules/metrics.js';
import type { Snapshot } from '../store/snapshot.js';

/** The numeric figures of a snapshot, in a fixed order (summaries and exports walk it). */
export const SNAPSHOT_METRICS = [
  'cpuPercent',
  'memoryPercent',
  'memoryUsedBytes',
  'processRssBytes',
  'processCpuPercent',
  'diskReadBytesPerSec',
  'diskWriteBytesPerSec',
  'networkSentBytesPerSec',
  'networkReceivedBytesPerSec',
  'gpuUsagePercent',
  'gpuMemoryUsedBytes',
  'processCount',
  'threadCount',
  'fps',
  'frameTimeMs',
  'cameraCount',
  'activeCameras',
  'socTemperatureC',
] as const;

export type SnapshotMetric = (typeof SNAPSHOT_METRICS)[number];

/** One figure per metric; null where it is not known (never a made-up 0). */
export type MetricFigures = Record<SnapshotMetric, number | null>;

/**
 * The machine and the app at one moment. CPU % is of the whole machine (all cores, 0..100),
 * processCpuPercent of one core; rates are per second over the real time between two readings.
 */
export type SnapshotRecord = Readonly<MetricFigures & { atMs: number }>;

/** Flattens the store's snapshot; `self` is the process that embeds the profiler. */
export function toSnapshotRecord(snapshot: Snapshot): SnapshotRecord {
  const gpu = snapshot.gpu.state === 'ok' ? snapshot.gpu : null;
  const app = snapshot.appFigures;
  return Object.freeze({
    atMs: snapshot.atMs,
    cpuPercent: snapshot.cpu.percent,
    memoryPercent: snapshot.memory.percent,
    memoryUsedBytes: snapshot.memory.usedBytes,
    processRssBytes: snapshot.self?.rssBytes ?? null,
    processCpuPercent: snapshot.self?.cpuPercent ?? null,
    diskReadBytesPerSec: snapshot.disk?.readBytesPerSec ?? null,
    diskWriteBytesPerSec: snapshot.disk?.writeBytesPerSec ?? null,
    networkSentBytesPerSec: snapshot.network?.sentBytesPerSec ?? null,
    networkReceivedBytesPerSec: snapshot.network?.receivedBytesPerSec ?? null,
    gpuUsagePercent: gpu?.usagePercent ?? null,
    gpuMemoryUsedBytes: gpu?.memoryUsedBytes ?? null,
    processCount: snapshot.processCounts?.processCount ?? null,
    threadCount: snapshot.processCounts?.threadCount ?? null,
    fps: app.fps,
    frameTimeMs: app.frameTimeMs,
    cameraCount: app.cameras,
    activeCameras: app.camerasActive,
    socTemperatureC: readMetric(snapshot, 'socTemperatureC'),
  });
}

/**
 * The baseline with its unknown figures taken from a later snapshot. Figures that need two readings
 * (CPU %, rates) are unknown in the first snapshot after start(); filling them from the first one
 * that knows them gives a baseline that is never a made-up 0 and never stays empty.
 */
export function completeBaseline(baseline: SnapshotRecord, later: SnapshotRecord): SnapshotRecord {
  let changed = false;
  const out: Record<string, number | null> = { ...baseline };
  for (const key of SNAPSHOT_METRICS) {
    if (baseline[key] === null && later[key] !== null) {
      out[key] = later[key];
      changed = true;
    }
  }
  return changed ? Object.freeze(out as SnapshotRecord) : baseline;
}
