// The Profiler on a fake clock and a fake machine: snapshots, baseline, schedule, summary, alerts, suggestions, events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Profiler } from '../../src/profiler/profiler.js';
import { StatsdIngest } from '../../src/statsd/ingest.js';
import { OperationRegistry } from '../../src/timing/operation-registry.js';
import type { AlertRule } from '../../src/rules/types.js';
import type { Sample } from '../../src/sampler/types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { advance, fakeProfiler, MIB, T0 } from './fake-machine.js';

test('construction samples nothing and starts no timer; baseline waits for start()', () => {
  const clock = new FakeClock(T0);
  let built = 0;
  const profiler = new Profiler({ clock, sources: () => (built++, []) });
  assert.equal(clock.pendingCount(), 0);
  assert.equal(built, 0);
  assert.equal(profiler.running, false);
  assert.equal(profiler.baseline, undefined);
  assert.deepEqual(profiler.snapshots(), []);
  assert.throws(() => profiler.start(), /sources option returned no source; give at least one/);
});

test('defect 9: every snapshot field is filled, fps, frame time and camera counts from the app gauges', async () => {
  const { clock, state, profiler } = fakeProfiler();
  state.gpu = { usagePercent: 40, memoryUsedBytes: 512 * MIB };
  state.socTemperatureC = 61.5;
  profiler.gauge('fps', 29.5);
  profiler.gauge('frame_time_ms', 21.25);
  profiler.gauge('cameras', 3);
  profiler.gauge('cameras_active', 2);
  profiler.start({ intervalMs: 1000 });
  await advance(clock, 50);
  assert.deepEqual(profiler.snapshots(), [
    {
      atMs: T0,
      cpuPercent: 20,
      memoryPercent: 50,
      memoryUsedBytes: 500 * MIB,
      processRssBytes: 100 * MIB,
      processCpuPercent: 5,
      diskReadBytesPerSec: 1 * MIB,
      diskWriteBytesPerSec: 2 * MIB,
      networkSentBytesPerSec: 3000,
      networkReceivedBytesPerSec: 4000,
      gpuUsagePercent: 40,
      gpuMemoryUsedBytes: 512 * MIB,
      processCount: 120,
      threadCount: 11,
      fps: 29.5,
      frameTimeMs: 21.25,
      cameraCount: 3,
      activeCameras: 2,
      socTemperatureC: 61.5,
    },
  ]);
  profiler.stop();
});

test('defect 9: app figures also come from StatsD gauges (zoomcam.*); gauge() wins where both are set', async () => {
  const ingest = new StatsdIngest({ registry: new OperationRegistry() });
  ingest.ingest('zoomcam.fps:12|g\nzoomcam.frame_time_ms:80|g\nzoomcam.cameras:4|g\nzoomcam.cameras_active:1|g', T0);
  const { clock, profiler } = fakeProfiler({ statsdGauges: ingest.gauges });
  profiler.gauge('cameras_active', 3);
  profiler.start();
  await advance(clock, 50);
  const record = profiler.latest()!;
  assert.deepEqual([record.fps, record.frameTimeMs, record.cameraCount, record.activeCameras], [12, 80, 4, 3]);
  profiler.stop();
});

test('defect 7, defect 8: the baseline never holds a made-up 0: unknown CPU is null, then filled from the next snapshot; no GPU is null', async () => {
  const { clock, state, profiler } = fakeProfiler();
  state.cpuPercent = null;
  profiler.start();
  await advance(clock, 50);
  assert.equal(profiler.baseline?.cpuPercent, null);
  assert.equal(profiler.baseline?.gpuUsagePercent, null);
  assert.equal(profiler.baseline?.gpuMemoryUsedBytes, null);
  state.cpuPercent = 37.5;
  state.rssBytes = 999 * MIB;
  await advance(clock, 1000);
  assert.equal(profiler.baseline?.atMs, T0);
  assert.equal(profiler.baseline?.cpuPercent, 37.5);
  // Known figures keep their value at start.
  assert.equal(profiler.baseline?.processRssBytes, 100 * MIB);
  profiler.stop();
});

test('defect 11: snapshots stay on the start + k * interval grid though every system read takes 300 ms', async () => {
  const { clock, profiler } = fakeProfiler({ systemReadMs: 300 });
  profiler.start({ intervalMs: 1000 });
  await advance(clock, 20_000, 50);
  const times = profiler.snapshots().map((s) => s.atMs - T0);
  assert.deepEqual(times, Array.from({ length: 20 }, (_, k) => 300 + k * 1000));
  profiler.stop();
});

test('the history is bounded by maxSnapshots and filtered by sinceMs; stop cancels every timer', async () => {
  const { clock, profiler } = fakeProfiler({ maxSnapshots: 3 });
  profiler.start({ intervalMs: 1000 });
  await advance(clock, 4500);
  assert.deepEqual(profiler.snapshots().map((s) => s.atMs - T0), [2000, 3000, 4000]);
  assert.deepEqual(profiler.snapshots(T0 + 3000).map((s) => s.atMs - T0), [3000, 4000]);
  profiler.stop();
  assert.equal(profiler.running, false);
  assert.equal(clock.pendingCount(), 0);
  assert.throws(() => new Profiler({ maxSnapshots: 0 }), /maxSnapshots is 0; it must be a whole number >= 1\. The default is 1000\./);
});

test('start twice with the same interval is harmless, with another is refused; a stopped profiler starts again', async () => {
  const { clock, profiler } = fakeProfiler();
  profiler.start({ intervalMs: 1000 });
  profiler.start({ intervalMs: 1000 });
  assert.throws(() => profiler.start({ intervalMs: 500 }), /already running every 1000 ms; call stop\(\) before starting with intervalMs 500/);
  assert.throws(() => new Profiler().start({ intervalMs: -1 }), /intervalMs -1 is not a positive number of ms/);
  await advance(clock, 1500);
  profiler.stop();
  profiler.stop();
  await advance(clock, 5000);
  assert.equal(profiler.snapshots().length, 2);
  profiler.start({ intervalMs: 2000 });
  await advance(clock, 2500);
  assert.equal(profiler.snapshots().length, 4);
  assert.equal(profiler.baseline?.atMs, T0 + 6500);
  profiler.stop();
});

test('summary: exact averages and peaks over the window, current values, counts; undefined without data', async () => {
  const { clock, state, profiler } = fakeProfiler();
  assert.equal(profiler.summary(), undefined);
  profiler.record('camera', 'capture', 10);
  profiler.record('encoder', 'encode', 5);
  for (const [i, value] of [10, 20, 30, 40].entries()) {
    state.cpuPercent = value;
    state.rssBytes = (100 + i) * MIB;
    if (i === 0) profiler.start();
    else await advance(clock, 1000);
  }
  const summary = profiler.summary({ hours: 1 })!;
  assert.equal(summary.snapshotCount, 4);
  assert.equal(summary.averages.cpuPercent, 25);
  assert.equal(summary.peaks.cpuPercent, 40);
  assert.equal(summary.averages.processRssBytes, 101.5 * MIB);
  assert.equal(summary.peaks.processRssBytes, 103 * MIB);
  assert.equal(summary.averages.gpuUsagePercent, null);
  assert.equal(summary.current.cpuPercent, 40);
  assert.equal(summary.current.atMs, T0 + 3000);
  assert.deepEqual([summary.periodHours, summary.fromMs, summary.toMs], [1, T0 + 3000 - 3_600_000, T0 + 3000]);
  assert.deepEqual([summary.alertCount, summary.suggestionCount, summary.componentCount], [0, 0, 2]);
  // A window that ends before the data is a window without data.
  profiler.stop();
  clock.advance(2 * 3_600_000);
  assert.equal(profiler.summary({ hours: 1 }), undefined);
  assert.equal(profiler.summary({ hours: 3 })?.snapshotCount, 4);
  assert.throws(() => profiler.summary({ hours: 0 }), /hours 0 is not a positive number; use e\.g\. \{ hours: 1 \}/);
});

test('alerts: CPU above 85 % for 3 s raises one warning; a repeat within 60 s merges with a count; events fire', async () => {
  const { clock, state, profiler } = fakeProfiler();
  const alerts: string[] = [];
  profiler.on('alert', (a) => alerts.push(`${a.ruleId} x${a.count} ${a.message}`));
  profiler.start();
  state.cpuPercent = 90;
  await advance(clock, 4000);
  state.cpuPercent = 50;
  await advance(clock, 2000);
  state.cpuPercent = 91;
  await advance(clock, 4000);
  assert.deepEqual(alerts, ['cpu-high x1 machine CPU high: 90.0 %', 'cpu-high x2 machine CPU high: 91.0 %']);
  const [entry] = profiler.recentAlerts();
  assert.deepEqual(
    { ruleId: entry?.ruleId, level: entry?.level, count: entry?.count, firstAtMs: entry?.firstAtMs, lastAtMs: entry?.lastAtMs },
    { ruleId: 'cpu-high', level: 'warning', count: 2, firstAtMs: T0 + 4000, lastAtMs: T0 + 10_000 },
  );
  assert.equal(profiler.summary()?.alertCount, 1);
  assert.deepEqual(profiler.recentAlerts(0), []);
  profiler.stop();
});

test('the disk write alert watches the write rate: info above 50 MiB/s', async () => {
  const { clock, state, profiler } = fakeProfiler();
  profiler.start();
  state.diskWriteBytesPerSec = 60 * MIB;
  await advance(clock, 1500);
  const [entry] = profiler.recentAlerts();
  assert.deepEqual([entry?.ruleId, entry?.level, entry?.message], ['disk-write-high', 'info', 'disk writes high: 60.0 MiB/s']);
  profiler.stop();
});

test('defect 12: thresholds are data: an injected rule table replaces the defaults', async () => {
  const rules: AlertRule[] = [
    { id: 'fps-low-proxy', metric: 'cpuPercent', level: 'critical', above: 30, clearBelow: 25, minDurationMs: 0, message: 'cpu over 30: {value}' },
  ];
  const { clock, state, profiler } = fakeProfiler({ alertRules: rules });
  state.cpuPercent = 90;
  profiler.start();
  await advance(clock, 4000);
  assert.deepEqual(profiler.recentAlerts().map((a) => `${a.ruleId} ${a.level} ${a.message}`), ['fps-low-proxy critical cpu over 30: 90.0 %']);
});

test('defect 2: the CPU suggestion offers lowering resolution and lowering fps as two separate action ids', async () => {
  const { clock, state, profiler } = fakeProfiler();
  const seen: string[] = [];
  profiler.on('suggestion', (s) => seen.push(`${s.id} ${s.actionIds.join('+')}`));
  profiler.start();
  state.cpuPercent = 97;
  await advance(clock, 7000);
  assert.deepEqual(seen, ['cpu-saturated lower-resolution+lower-fps']);
  const [suggestion] = profiler.suggestions({ maxPriority: 1 });
  assert.deepEqual(suggestion?.actionIds, ['lower-resolution', 'lower-fps']);
  assert.deepEqual([suggestion?.impact, suggestion?.effort, suggestion?.automated, suggestion?.priority], ['high', 'medium', true, 1]);
  assert.deepEqual(profiler.suggestions({ maxPriority: 0 }), []);
  profiler.stop();
});

test('events: on() returns an unsubscribe; a throwing listener is reported and does not stop the others', async () => {
  const errors: string[] = [];
  const { clock, profiler } = fakeProfiler({ onListenerError: (error, event) => errors.push(`${event}: ${(error as Error).message}`) });
  const times: number[] = [];
  profiler.on('snapshot', () => {
    throw new Error('listener bug');
  });
  const off = profiler.on('snapshot', (s) => times.push(s.atMs - T0));
  profiler.start();
  await advance(clock, 1500);
  off();
  await advance(clock, 1000);
  assert.deepEqual(times, [0, 1000]);
  assert.deepEqual(errors, ['snapshot: listener bug', 'snapshot: listener bug', 'snapshot: listener bug']);
  assert.throws(() => profiler.on('tick' as 'snapshot', () => {}), /unknown event "tick"; use one of snapshot, alert, suggestion/);
  profiler.stop();
});

test('clear(component) forgets one component; clear() forgets operations, snapshots, alerts, suggestions and gauges', async () => {
  const { clock, state, profiler } = fakeProfiler();
  profiler.record('camera', 'capture', 1);
  profiler.record('encoder', 'encode', 1);
  profiler.gauge('fps', 30);
  state.cpuPercent = 99;
  profiler.start();
  await advance(clock, 6000);
  assert.equal(profiler.suggestions().length, 1);
  assert.equal(profiler.recentAlerts().length, 1);
  profiler.clear('camera');
  assert.equal(profiler.componentMetrics('camera'), undefined);
  assert.equal(profiler.componentMetrics('encoder')?.operations.encode?.count, 1);
  profiler.stop();
  profiler.clear();
  assert.deepEqual([profiler.componentMetrics('encoder'), profiler.snapshots(), profiler.suggestions(), profiler.recentAlerts()], [undefined, [], [], []]);
  assert.equal(JSON.parse(profiler.exportMetrics('json')).gauges.fps, undefined);
});

test('gauge() refuses an empty name or a value that is not a finite number', () => {
  const profiler = new Profiler();
  assert.throws(() => profiler.gauge('', 1), /name "" is not a non-empty string/);
  assert.throws(() => profiler.gauge('fps', Number.NaN), /Profiler\.gauge\("fps"\): value NaN is not a finite number/);
});

test('a snapshot waits for the reads of its tick that are still running, but no longer than 200 ms', async () => {
  const clock = new FakeClock(T0);
  const readers = (atMs: () => number, processDelayMs: number) => {
    const delayed = (ms: number, sample: () => Sample): Promise<Sample[]> =>
      new Promise((resolve) => clock.setTimeout(() => resolve([sample()]), ms));
    return () => [
      { name: 'system', intervalMs: 1000, timeoutMs: 5000, read: () => delayed(250, () => ({ kind: 'system', atMs: atMs(), cpuPercent: 20, memoryPercent: 50, memoryUsedBytes: 1, memoryTotalBytes: 2 })) },
      { name: 'process', intervalMs: 1000, timeoutMs: 5000, read: () => delayed(processDelayMs, () => ({ kind: 'process', atMs: atMs(), role: 'self' as const, pid: 1, cpuPercent: 3, rssBytes: 5 })) },
    ];
  };
  // The process read settles 30 ms after the pacing system read: the first snapshot has it.
  const late = new Profiler({ clock, sources: readers(() => clock.now(), 280) });
  late.start({ intervalMs: 1000 });
  await advance(clock, 300, 10);
  assert.equal(late.snapshots().length, 1);
  assert.equal(late.latest()?.processCpuPercent, 3);
  assert.equal(late.latest()?.atMs, T0 + 280);
  late.stop();
  // A read that takes far longer does not hold the snapshot beyond 200 ms.
  const start = clock.now();
  const slow = new Profiler({ clock, sources: readers(() => clock.now(), 900) });
  slow.start({ intervalMs: 1000 });
  await advance(clock, 440, 10);
  assert.equal(slow.snapshots().length, 0);
  await advance(clock, 20, 10);
  assert.equal(slow.snapshots().length, 1);
  assert.equal(slow.latest()?.atMs, start + 450);
  assert.equal(slow.latest()?.processCpuPercent, null);
  slow.stop();
});
