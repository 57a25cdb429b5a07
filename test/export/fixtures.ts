// Frames for export tests: a full snapshot with every optional figure, alerts and a suggestion.
import type { NdjsonFrame } from '../../src/export/ndjson.js';
import type { AlertEntry, Suggestion } from '../../src/rules/types.js';
import type { Snapshot } from '../../src/store/snapshot.js';
import type { CameraOperationStats } from '../../src/timing/operation-registry.js';
import { buildSnapshot, buildStats } from '../helpers/snapshot-builder.js';

export const AT_MS = 1_000_000;

export function fullSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return buildSnapshot({
    operations: [buildStats('camera', 'capture'), buildStats('encoder', 'encode', { avgMs: null, minMs: null, maxMs: null, p50Ms: null, p95Ms: null, p99Ms: null, windowCount: 0, ratePerSec: 0 })],
    disk: { readBytesPerSec: 1024, writeBytesPerSec: 52_428_800.5, atMs: AT_MS },
    network: { receivedBytesPerSec: 4000, sentBytesPerSec: null, atMs: AT_MS },
    processCounts: { processCount: 120, threadCount: 11, systemThreadCount: 300, atMs: AT_MS },
    ...overrides,
  });
}

export function alertEntry(ruleId: string, clearedAtMs: number | null, atMs = AT_MS - 5000): AlertEntry {
  return { ruleId, level: 'warning', message: `${ruleId} at 91.0%`, value: 91, firstAtMs: atMs, lastAtMs: atMs, lastSeenMs: atMs, clearedAtMs, count: 1 };
}

export const SUGGESTION: Suggestion = {
  id: 'cpu-lower-resolution',
  text: 'Lower the resolution of the most expensive camera',
  impact: 'high',
  effort: 'low',
  priority: 1,
  automated: false,
  actionIds: ['lower-resolution'],
  metric: 'cpuPercent',
  value: 96.5,
  sinceMs: AT_MS - 30_000,
};

export const CAMERA_STATS: CameraOperationStats[] = [{ ...buildStats('camera', 'capture', { count: 600 }), camera: 'front_door' }];

export function fullFrame(): NdjsonFrame {
  return {
    snapshot: fullSnapshot(),
    outcome: { alerts: [alertEntry('cpu-high', null), alertEntry('memory-high', AT_MS - 1000, AT_MS - 9000)], suggestions: [SUGGESTION], raised: ['cpu-high'] },
    cameraStats: CAMERA_STATS,
  };
}

/** A Pi snapshot: board, temperature with history, throttling now and since boot, clock, three process targets. */
export function piSnapshot(): Snapshot {
  const flags = { underVoltage: true, armFrequencyCapped: false, throttled: true, softTemperatureLimit: false };
  return fullSnapshot({
    pi: {
      board: { state: 'ok', atMs: AT_MS, model: 'Raspberry Pi 4 Model B', raspberryPi: true, gpuMemoryBytes: 76 * 1024 * 1024 },
      temperature: { state: 'ok', atMs: AT_MS, celsius: 61.5, zoneType: 'cpu-thermal', history: [60, null, 61.5] },
      throttle: { state: 'ok', atMs: AT_MS, raw: 0x50005, via: 'sysfs', now: flags, sinceBoot: flags },
      clock: { state: 'ok', atMs: AT_MS, currentHz: 1_500_000_000, maxHz: 1_800_000_000 },
    },
    processTargets: [
      { atMs: AT_MS, target: '--process camera', status: 'running', pid: 42, command: 'camera', state: 'S (sleeping)', cpuPercent: 5, rssBytes: 1000, threadCount: 3, openFdCount: null, restartCount: 1 },
      { atMs: AT_MS, target: '--pid 99', status: 'exited', pid: 99, command: 'x', exitedAtMs: AT_MS - 10, restartCount: 0 },
      { atMs: AT_MS, target: '--process "gone"', status: 'missing', reason: 'no process named gone' },
    ],
  });
}
