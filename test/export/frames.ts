// A scripted run for recording tests: frames whose histories, rows, alerts and Pi figures change like a real run's.
import type { RecordedFrame } from '../../src/export/frame-encoder.js';
import type { AlertEntry } from '../../src/rules/types.js';
import type { PiHealthFigures } from '../../src/store/snapshot.js';
import { buildStats } from '../helpers/snapshot-builder.js';
import { SUGGESTION, fullSnapshot } from './fixtures.js';

export const START_MS = 1_000_000;
const HISTORY = 5;

/** Frame i of a run sampled every second: cpu climbs, a row appears at 3 and goes at 6, an alert holds 2..4 of every 10, the GPU drops out at 5. */
export function scriptedFrames(count: number): RecordedFrame[] {
  const frames: RecordedFrame[] = [];
  const cpu: (number | null)[] = [];
  const temperature: (number | null)[] = [];
  // The alert log, newest first: a cleared entry stays, as in AlertLog.
  let log: AlertEntry[] = [];
  for (let i = 0; i < count; i++) {
    const atMs = START_MS + i * 1000;
    cpu.push(i === 1 ? null : 10 + (i % 7) * 10);
    temperature.push(50 + (i % 3));
    while (cpu.length > HISTORY) cpu.shift();
    while (temperature.length > HISTORY) temperature.shift();
    const window = { label: `last ${Math.min(i + 1, 60)} s`, startMs: START_MS, endMs: atMs };
    const operations = [buildStats('camera', 'capture', { count: 10 * i, lastMs: i, window })];
    if (i % 10 >= 3 && i % 10 < 6) operations.push(buildStats('encoder', 'encode', { count: 1, window }));
    const latest = log[0];
    if (i % 10 === 2) {
      log = [{ ruleId: 'cpu-high', level: 'warning', message: 'CPU at 91%', value: 91, firstAtMs: atMs, lastAtMs: atMs, lastSeenMs: atMs, clearedAtMs: null, count: 1 }, ...log];
    } else if (latest && latest.clearedAtMs === null) {
      log = [{ ...latest, lastSeenMs: atMs, clearedAtMs: i % 10 === 5 ? atMs : null }, ...log.slice(1)];
    }
    const pi: PiHealthFigures = {
      board: { state: 'ok', atMs: START_MS, model: 'Raspberry Pi 4 Model B', raspberryPi: true, gpuMemoryBytes: 76 * 1024 * 1024 },
      temperature: { state: 'ok', atMs, celsius: temperature[temperature.length - 1] ?? 0, zoneType: 'cpu-thermal', history: [...temperature] },
      throttle: { state: 'unavailable', reason: 'vcgencmd not found' },
      clock: { state: 'ok', atMs, currentHz: 1_500_000_000, maxHz: 1_800_000_000 },
    };
    const snapshot = fullSnapshot({
      atMs,
      startedAtMs: START_MS,
      cpu: { percent: cpu[cpu.length - 1] ?? null, history: [...cpu] },
      gpu: i % 10 < 5 ? { state: 'ok', name: 'VideoCore', usagePercent: i, memoryUsedBytes: null, memoryTotalBytes: null, history: [i] } : { state: 'unavailable', reason: 'gone' },
      operations,
      pi,
      processTargets: [{ atMs, target: '--process camera', status: 'running', pid: 42, command: 'camera', state: 'S (sleeping)', cpuPercent: 5, rssBytes: 1000, threadCount: 3, openFdCount: 9, restartCount: 0 }],
    });
    frames.push({
      snapshot,
      outcome: { alerts: log.map((a) => ({ ...a })), suggestions: i % 2 === 0 ? [SUGGESTION] : [] },
      cameraStats: [{ ...buildStats('camera', 'capture', { count: 5 * i, window }), camera: 'front_door' }],
    });
  }
  return frames;
}
