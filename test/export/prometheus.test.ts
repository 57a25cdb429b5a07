import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { renderPrometheus } from '../../src/export/prometheus.js';
import { escapeHelp, escapeLabelValue, formatSampleValue } from '../../src/export/prometheus-text.js';
import { StatsdIngest } from '../../src/statsd/ingest.js';
import type { AlertEntry } from '../../src/rules/types.js';
import { OperationRegistry } from '../../src/timing/operation-registry.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';
import { piSnapshot } from './fixtures.js';
import { checkExposition } from './prometheus-format.js';

const T0 = Date.UTC(2026, 0, 1);
const GIB = 1024 ** 3;

function lines(text: string, prefix: string): string[] {
  return text.split('\n').filter((l) => l.startsWith(prefix));
}

function alert(ruleId: string, level: AlertEntry['level'], clearedAtMs: number | null, atMs: number): AlertEntry {
  return { ruleId, level, message: ruleId, value: 90, firstAtMs: atMs, lastAtMs: atMs, lastSeenMs: atMs, clearedAtMs, count: 1 };
}

/** promtool from the Debian package prometheus, when installed. */
function promtool(text: string): { status: number | null; output: string } | null {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (run.error) return null;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('system figures are gauges in base units: ratios 0-1, bytes, seconds', () => {
  const text = renderPrometheus({ snapshot: buildSnapshot({ disk: { readBytesPerSec: 1000, writeBytesPerSec: 2500.5, atMs: 0 }, network: null, processCounts: null }) });
  const expect = [
    'zoomtop_start_time_seconds 815',
    'zoomtop_snapshot_timestamp_seconds 1000',
    'zoomtop_cpu_usage_ratio 0.7324',
    'zoomtop_memory_usage_ratio 0.415',
    `zoomtop_memory_used_bytes ${3 * GIB}`,
    `zoomtop_memory_total_bytes ${8 * GIB}`,
    'zoomtop_gpu_up 0',
    'zoomtop_process_cpu_usage_ratio{role="self"} 0.015',
    'zoomtop_process_cpu_usage_ratio{role="app"} 1.502',
    `zoomtop_process_resident_memory_bytes{role="self"} ${60 * 1024 ** 2}`,
    `zoomtop_process_resident_memory_bytes{role="app"} ${140 * 1024 ** 2}`,
    'zoomtop_disk_read_bytes_per_second 1000',
    'zoomtop_disk_write_bytes_per_second 2500.5',
    'zoomtop_app_frames_per_second 29.7',
    'zoomtop_app_frame_time_seconds 0.02125',
    'zoomtop_app_cameras 3',
    'zoomtop_app_cameras_active 2',
  ];
  assert.deepEqual(text.split('\n').filter((l) => l !== '' && !l.startsWith('#')), [...expect, ]);
  assert.ok(text.includes('# TYPE zoomtop_cpu_usage_ratio gauge\n'));
  checkExposition(text);
});

test('unknown figures are left out, never written as 0', () => {
  const snapshot = buildSnapshot({ cpu: { percent: null, history: [] }, self: null, app: null, gpu: { state: 'pending' } });
  snapshot.appFigures = { fps: null, frameTimeMs: null, cameras: null, camerasActive: null };
  const text = renderPrometheus({ snapshot });
  for (const name of ['zoomtop_cpu_usage_ratio', 'zoomtop_gpu_up', 'zoomtop_process_cpu_usage_ratio', 'zoomtop_app_frames_per_second', 'zoomtop_network_']) {
    assert.equal(text.includes(name), false, name);
  }
  assert.ok(text.includes('zoomtop_memory_usage_ratio 0.415\n'));
});

test('operation histograms are cumulative since start: buckets, sum and count survive the sliding window', () => {
  const registry = new OperationRegistry({ startMs: T0, windowMs: 10_000 });
  registry.record('camera', 'capture', 0.5);
  registry.record('camera', 'capture', 3);
  registry.record('camera', 'capture', 40_000, false);
  registry.rotate(T0 + 120_000);
  const text = renderPrometheus({ snapshot: null, registry });
  const series = 'component="camera",operation="capture"';
  assert.deepEqual(lines(text, 'zoomtop_operation_duration_seconds'), [
    ...['0.0005', '0.001', '0.0025'].map((le) => `zoomtop_operation_duration_seconds_bucket{${series},le="${le}"} 1`),
    ...['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '30'].map((le) => `zoomtop_operation_duration_seconds_bucket{${series},le="${le}"} 2`),
    `zoomtop_operation_duration_seconds_bucket{${series},le="+Inf"} 3`,
    `zoomtop_operation_duration_seconds_sum{${series}} 40.0035`,
    `zoomtop_operation_duration_seconds_count{${series}} 3`,
  ]);
  assert.deepEqual(lines(text, 'zoomtop_operation_errors_total{'), [`zoomtop_operation_errors_total{${series}} 1`]);
  assert.ok(text.includes('# TYPE zoomtop_operation_duration_seconds histogram\n'));
  checkExposition(text);
});

test('camera-tagged calls get a camera label; label values escape backslash, quote and line feed', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  registry.recordForCamera('cam "north"', 'cap\\ture', 'front\ndoor', 12);
  const text = renderPrometheus({ snapshot: null, registry });
  const base = 'component="cam \\"north\\"",operation="cap\\\\ture"';
  assert.deepEqual(lines(text, 'zoomtop_operation_duration_seconds_count'), [
    `zoomtop_operation_duration_seconds_count{${base}} 1`,
    `zoomtop_operation_duration_seconds_count{${base},camera="front\\ndoor"} 1`,
  ]);
  const families = checkExposition(text);
  const counts = families.find((f) => f.name === 'zoomtop_operation_duration_seconds')?.samples.filter((s) => s.name.endsWith('_count'));
  assert.deepEqual(counts?.map((s) => s.labels), [
    { component: 'cam "north"', operation: 'cap\\ture' },
    { component: 'cam "north"', operation: 'cap\\ture', camera: 'front\ndoor' },
  ]);
});

test('escaping and number helpers', () => {
  assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  assert.equal(escapeHelp('a\\b"c\nd'), 'a\\\\b"c\\nd');
  assert.deepEqual([1e-7, 0.1, NaN, Infinity, -Infinity, 42].map(formatSampleValue), ['1e-7', '0.1', 'NaN', '+Inf', '-Inf', '42']);
});

test('alert states: 1 while holding, 0 once cleared or never raised; actions and StatsD rejects by reason', () => {
  const alerts = [alert('cpu-high', 'warning', null, T0 + 2), alert('memory-high', 'warning', T0 + 5, T0 + 1)];
  const ingest = new StatsdIngest({ registry: new OperationRegistry({ startMs: T0 }) });
  ingest.ingest('a.b:1|ms\nbad\nx:1|zz\ny:abc|c', T0);
  const text = renderPrometheus({
    snapshot: null,
    alerts,
    alertRules: [{ id: 'cpu-high', level: 'warning' }, { id: 'disk-writes', level: 'info' }, { id: 'memory-high', level: 'warning' }],
    actionsApplied: { 'lower-resolution': 2, 'free-memory': 1 },
    statsdCounts: ingest.counts,
  });
  assert.deepEqual(lines(text, 'zoomtop_alert_active{'), [
    'zoomtop_alert_active{rule="cpu-high",level="warning"} 1',
    'zoomtop_alert_active{rule="disk-writes",level="info"} 0',
    'zoomtop_alert_active{rule="memory-high",level="warning"} 0',
  ]);
  assert.deepEqual(lines(text, 'zoomtop_actions_applied_total{'), [
    'zoomtop_actions_applied_total{action="free-memory"} 1',
    'zoomtop_actions_applied_total{action="lower-resolution"} 2',
  ]);
  assert.deepEqual(lines(text, 'zoomtop_statsd_rejected_lines_total{reason="'), [
    'zoomtop_statsd_rejected_lines_total{reason="oversized"} 0',
    'zoomtop_statsd_rejected_lines_total{reason="nul-byte"} 0',
    'zoomtop_statsd_rejected_lines_total{reason="empty-name"} 0',
    'zoomtop_statsd_rejected_lines_total{reason="colon-in-name"} 0',
    'zoomtop_statsd_rejected_lines_total{reason="missing-value"} 1',
    'zoomtop_statsd_rejected_lines_total{reason="missing-type"} 0',
    'zoomtop_statsd_rejected_lines_total{reason="unknown-type"} 1',
    'zoomtop_statsd_rejected_lines_total{reason="non-numeric-value"} 1',
    'zoomtop_statsd_rejected_lines_total{reason="negative-timer"} 0',
    'zoomtop_statsd_rejected_lines_total{reason="bad-sample-rate"} 0',
    'zoomtop_statsd_rejected_lines_total{reason="bad-field"} 0',
  ]);
  assert.deepEqual(lines(text, 'zoomtop_statsd_lines_total '), ['zoomtop_statsd_lines_total 4']);
  checkExposition(text);
});

test('Pi health and process targets: temperature, clock, throttling flags, targets up and their figures', () => {
  const text = renderPrometheus({ snapshot: piSnapshot() });
  const body = text.split('\n').filter((l) => /^zoomtop_(board|soc|cpu_frequency|throttled|target)/.test(l));
  assert.deepEqual(body, [
    'zoomtop_board_info{model="Raspberry Pi 4 Model B",raspberry_pi="true"} 1',
    'zoomtop_soc_temperature_celsius 61.5',
    'zoomtop_cpu_frequency_hertz 1500000000',
    'zoomtop_cpu_frequency_max_hertz 1800000000',
    ...['under_voltage 1', 'arm_frequency_capped 0', 'throttled 1', 'soft_temperature_limit 0'].map((f) => `zoomtop_throttled{flag="${f.replace(' ', '"} ')}`),
    ...['under_voltage 1', 'arm_frequency_capped 0', 'throttled 1', 'soft_temperature_limit 0'].map((f) => `zoomtop_throttled_since_boot{flag="${f.replace(' ', '"} ')}`),
    'zoomtop_target_up{target="--process camera"} 1',
    'zoomtop_target_up{target="--pid 99"} 0',
    'zoomtop_target_up{target="--process \\"gone\\""} 0',
    'zoomtop_target_cpu_usage_ratio{target="--process camera"} 0.05',
    'zoomtop_target_resident_memory_bytes{target="--process camera"} 1000',
    'zoomtop_target_threads{target="--process camera"} 3',
    'zoomtop_target_restarts_total{target="--process camera"} 1',
    'zoomtop_target_restarts_total{target="--pid 99"} 0',
  ]);
  checkExposition(text);
  const checked = promtool(text);
  if (checked) assert.deepEqual([checked.status, checked.output], [0, '']);
});

test('a scrape of 1000 series is complete and valid (promtool when installed, the strict checker always)', (t) => {
  const registry = new OperationRegistry({ startMs: T0, maxSeries: 1000 });
  for (let c = 0; c < 50; c++) {
    for (let o = 0; o < 10; o++) {
      registry.record(`component${c}`, `op${o}`, c + o / 10);
      registry.recordForCamera(`component${c}`, `op${o}`, 'cam1', c * 3);
    }
  }
  registry.record('one', 'too-many', 1); // the 1001st series is dropped and counted
  assert.equal(registry.size, 1000);
  const text = renderPrometheus({ snapshot: buildSnapshot(), registry, alerts: [], actionsApplied: {}, statsdCounts: null });
  assert.equal(lines(text, 'zoomtop_operation_duration_seconds_count{').length, 1000);
  assert.equal(lines(text, 'zoomtop_operation_duration_seconds_bucket{').length, 16_000);
  assert.ok(text.includes('\nzoomtop_operation_series_dropped_total 1\n'));
  const families = checkExposition(text);
  assert.equal(families.find((f) => f.name === 'zoomtop_operation_errors_total')?.samples.length, 1000);
  const checked = promtool(text);
  if (checked === null) return t.skip('promtool is not installed (apt-get install prometheus); the strict checker passed');
  assert.equal(checked.status, 0, checked.output);
  assert.equal(checked.output, '');
});

test('the strict checker rejects what promtool rejects', () => {
  assert.throws(() => checkExposition('# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na 2\n'), /outside its family/);
  assert.throws(() => checkExposition('# TYPE a gauge\na{x="\\q"} 1\n'), /bad label/);
  assert.throws(() => checkExposition('# TYPE a counter\na 1\na 2\n'), /duplicate series/);
  assert.throws(() => checkExposition('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n'), /cumulative/);
  assert.throws(() => checkExposition('# TYPE a gauge\na one\n'), /not a float/);
});
