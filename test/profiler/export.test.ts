// exportMetrics: complete, ISO times, units in key names, parseable back from JSON and YAML; unknown formats refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { SNAPSHOT_METRICS } from '../../src/profiler/snapshot-record.js';
import { advance, fakeProfiler, MIB, T0 } from './fake-machine.js';

async function busyProfiler() {
  const setup = fakeProfiler();
  const { clock, state, profiler } = setup;
  state.cpuPercent = 99;
  profiler.record('camera', 'capture', 12.5);
  profiler.record('camera', 'capture', 7.5, false);
  profiler.gauge('fps', 24);
  profiler.gauge('custom_queue_depth', 3);
  profiler.start();
  await advance(clock, 6000);
  profiler.stop();
  return setup;
}

test('export round-trip: the JSON parses back to every snapshot field, operation, alert, suggestion and gauge', async () => {
  const { profiler } = await busyProfiler();
  const data = JSON.parse(profiler.exportMetrics('json'));
  assert.equal(data.exportedAt, new Date(T0 + 6000).toISOString());
  assert.deepEqual([data.running, data.intervalMs], [false, 1000]);
  assert.equal(data.snapshots.length, 7);
  assert.deepEqual(Object.keys(data.snapshots[0]).sort(), ['at', ...SNAPSHOT_METRICS].sort());
  assert.deepEqual(data.snapshots[6], {
    at: new Date(T0 + 6000).toISOString(),
    cpuPercent: 99,
    memoryPercent: 50,
    memoryUsedBytes: 500 * MIB,
    processRssBytes: 100 * MIB,
    processCpuPercent: 5,
    diskReadBytesPerSec: 1 * MIB,
    diskWriteBytesPerSec: 2 * MIB,
    networkSentBytesPerSec: 3000,
    networkReceivedBytesPerSec: 4000,
    gpuUsagePercent: null,
    gpuMemoryUsedBytes: null,
    processCount: 120,
    threadCount: 11,
    fps: 24,
    frameTimeMs: null,
    cameraCount: null,
    activeCameras: null,
    socTemperatureC: null,
  });
  assert.equal(data.baseline.at, new Date(T0).toISOString());
  const capture = data.components.camera.operations.capture;
  assert.deepEqual([capture.count, capture.errors, capture.minMs, capture.maxMs, capture.avgMs, capture.lastMs], [2, 1, 7.5, 12.5, 10, 7.5]);
  assert.deepEqual(capture.window, { label: 'last 6 s', start: new Date(T0).toISOString(), end: new Date(T0 + 6000).toISOString() });
  assert.deepEqual(
    data.alerts.map((a: Record<string, unknown>) => [a.ruleId, a.level, a.count, a.firstAt]),
    [['cpu-high', 'warning', 1, new Date(T0 + 3000).toISOString()]],
  );
  assert.deepEqual(
    data.suggestions.map((s: Record<string, unknown>) => [s.id, s.actionIds, s.since]),
    [['cpu-saturated', ['lower-resolution', 'lower-fps'], new Date(T0 + 5000).toISOString()]],
  );
  assert.deepEqual(data.gauges, { fps: 24, custom_queue_depth: 3 });
  assert.deepEqual([data.summary.snapshotCount, data.summary.peaks.cpuPercent, data.summary.alertCount, data.summary.componentCount], [7, 99, 1, 1]);
  assert.equal(data.summary.current.at, new Date(T0 + 6000).toISOString());
});

test('export round-trip: the YAML parses back to exactly the JSON document', async () => {
  const { profiler } = await busyProfiler();
  assert.deepEqual(parse(profiler.exportMetrics('yaml')), JSON.parse(profiler.exportMetrics('json')));
  assert.deepEqual(JSON.parse(profiler.exportMetrics()), JSON.parse(profiler.exportMetrics('json')));
});

test('an unknown export format is an error naming the formats, never a silent string', () => {
  const { profiler } = fakeProfiler();
  assert.throws(() => profiler.exportMetrics('xml' as 'json'), /^Error: Profiler\.exportMetrics: format "xml" is not supported; use "json" or "yaml"$/);
});

test('an empty profiler exports an empty but complete document', () => {
  const { profiler } = fakeProfiler();
  const data = JSON.parse(profiler.exportMetrics('json'));
  assert.deepEqual(data, {
    exportedAt: new Date(T0).toISOString(),
    running: false,
    intervalMs: null,
    baseline: null,
    snapshots: [],
    components: {},
    suggestions: [],
    alerts: [],
    gauges: {},
    summary: null,
  });
});
