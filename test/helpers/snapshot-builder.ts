// Builds Snapshots for view and rule tests, with every field explicit and overridable.
import type { Snapshot } from '../../src/store/snapshot.js';
import type { OperationStats } from '../../src/timing/types.js';

export function buildSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    atMs: 1_000_000,
    startedAtMs: 1_000_000 - 185_000,
    cpu: { percent: 73.24, history: [10, 50, 73.24] },
    memory: { percent: 41.5, usedBytes: 3 * 1024 ** 3, totalBytes: 8 * 1024 ** 3, history: [40, 41.5] },
    gpu: { state: 'unavailable', reason: 'no GPU found: nvidia-smi not installed' },
    self: { pid: 10, cpuPercent: 1.5, rssBytes: 60 * 1024 ** 2, atMs: 1_000_000 },
    app: { pid: 11, cpuPercent: 150.2, rssBytes: 140 * 1024 ** 2, atMs: 1_000_000 },
    appFigures: { fps: 29.7, frameTimeMs: 21.25, cameras: 3, camerasActive: 2 },
    operations: [],
    statsd: { enabled: true, address: '127.0.0.1:8125', lines: 0, rejected: 0 },
    ...overrides,
  };
}

export function buildStats(component: string, operation: string, overrides: Partial<OperationStats> = {}): OperationStats {
  return {
    component,
    operation,
    count: 1200,
    errors: 0,
    ratePerSec: 30,
    lastMs: 12.5,
    avgMs: 11.04,
    minMs: 2,
    maxMs: 48.9,
    p50Ms: 10.5,
    p95Ms: 20.25,
    p99Ms: 30,
    windowCount: 1800,
    window: { label: 'last 60 s', startMs: 940_000, endMs: 1_000_000 },
    ...overrides,
  };
}
