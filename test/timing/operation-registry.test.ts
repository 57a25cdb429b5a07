import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperationRegistry } from '../../src/timing/operation-registry.js';
import { OperationSeries } from '../../src/timing/operation-series.js';

const T0 = Date.UTC(2026, 0, 1);

function within(actual: number | null, expected: number, relative = 0.02): boolean {
  return actual !== null && Math.abs(actual - expected) / expected <= relative;
}

function only(registry: OperationRegistry, nowMs: number) {
  const [stats, ...rest] = registry.stats(nowMs);
  assert.equal(rest.length, 0);
  assert.ok(stats);
  return stats;
}

test('1..1000 ms gives exact count, min, max, avg and p95 within 2 %', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  for (let ms = 1; ms <= 1000; ms++) registry.record('camera', 'capture', ms);
  const stats = only(registry, T0 + 10_000);
  assert.equal(stats.count, 1000);
  assert.equal(stats.windowCount, 1000);
  assert.equal(stats.errors, 0);
  assert.equal(stats.minMs, 1);
  assert.equal(stats.maxMs, 1000);
  assert.equal(stats.avgMs, 500.5);
  assert.equal(stats.lastMs, 1000);
  assert.ok(within(stats.p50Ms, 500), `p50 ${stats.p50Ms}`);
  assert.ok(within(stats.p95Ms, 950), `p95 ${stats.p95Ms}`);
  assert.ok(within(stats.p99Ms, 990), `p99 ${stats.p99Ms}`);
  assert.equal(stats.ratePerSec, 100);
  assert.deepEqual(stats.window, { label: 'last 10 s', startMs: T0, endMs: T0 + 10_000 });
});

test('the window slides by half windows; totals survive rotation', () => {
  const registry = new OperationRegistry({ startMs: T0, windowMs: 60_000 });
  registry.record('a', 'op', 10);
  registry.rotate(T0 + 30_000); // the first half becomes the previous half
  registry.record('a', 'op', 20, false);
  let stats = only(registry, T0 + 45_000);
  assert.deepEqual(stats.window, { label: 'last 45 s', startMs: T0, endMs: T0 + 45_000 });
  assert.equal(stats.windowCount, 2);
  assert.equal(stats.minMs, 10);
  assert.equal(stats.maxMs, 20);
  assert.equal(stats.avgMs, 15);

  stats = only(registry, T0 + 60_000); // the 10 ms call leaves the window
  assert.deepEqual(stats.window, { label: 'last 30 s', startMs: T0 + 30_000, endMs: T0 + 60_000 });
  assert.equal(stats.windowCount, 1);
  assert.equal(stats.minMs, 20);
  assert.equal(stats.ratePerSec, 1 / 30);

  stats = only(registry, T0 + 95_000); // both halves gone
  assert.deepEqual(stats.window, { label: 'last 35 s', startMs: T0 + 60_000, endMs: T0 + 95_000 });
  assert.equal(stats.windowCount, 0);
  assert.equal(stats.avgMs, null);
  assert.equal(stats.p95Ms, null);
  assert.equal(stats.ratePerSec, 0);
  assert.equal(stats.count, 2);
  assert.equal(stats.errors, 1);
  assert.equal(stats.lastMs, 20);
});

test('a lapse of two half windows restarts the window on the grid', () => {
  const registry = new OperationRegistry({ startMs: T0, windowMs: 10_000 });
  registry.record('a', 'op', 5);
  const stats = only(registry, T0 + 17_000);
  assert.deepEqual(stats.window, { label: 'last 7 s', startMs: T0 + 10_000, endMs: T0 + 17_000 });
  assert.equal(stats.windowCount, 0);
  assert.equal(stats.count, 1);
});

test('a clock stepping backwards restarts the window at the new time', () => {
  const registry = new OperationRegistry({ startMs: T0, windowMs: 10_000 });
  registry.record('a', 'op', 5);
  const stats = only(registry, T0 - 3_600_000);
  assert.deepEqual(stats.window, { label: 'last 0 s', startMs: T0 - 3_600_000, endMs: T0 - 3_600_000 });
  assert.equal(stats.windowCount, 0);
  assert.equal(stats.count, 1);
});

test('a reader slightly behind the last rotation changes nothing', () => {
  const registry = new OperationRegistry({ startMs: T0, windowMs: 10_000 });
  registry.record('a', 'op', 5);
  registry.rotate(T0 + 5_000);
  const stats = only(registry, T0 + 4_990);
  assert.deepEqual(stats.window, { label: 'last 5 s', startMs: T0, endMs: T0 + 4_990 });
  assert.equal(stats.windowCount, 1);
});

test('without startMs the first rotate anchors the window', () => {
  const registry = new OperationRegistry();
  registry.rotate(T0);
  registry.record('a', 'op', 5);
  assert.deepEqual(only(registry, T0 + 1500).window, { label: 'last 1.5 s', startMs: T0, endMs: T0 + 1500 });
});

test('stats are sorted by component then operation', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  registry.record('stream', 'encode', 1);
  registry.record('camera', 'read', 1);
  registry.record('camera', 'capture', 1);
  registry.record('Camera', 'z', 1);
  assert.deepEqual(
    registry.stats(T0 + 1000).map((s) => `${s.component}.${s.operation}`),
    ['Camera.z', 'camera.capture', 'camera.read', 'stream.encode'],
  );
});

test('invalid durations are dropped and counted', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  registry.record('a', 'op', NaN);
  registry.record('a', 'op', -1);
  registry.record('a', 'op', Infinity);
  registry.recordError('a', 'op', 0);
  assert.equal(registry.invalidRecords, 4);
  assert.equal(registry.size, 0);
});

test('recordError counts failures without a duration', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  registry.record('a', 'op', 4);
  registry.recordError('a', 'op', 3);
  const stats = only(registry, T0 + 1000);
  assert.equal(stats.count, 1);
  assert.equal(stats.errors, 3);
  assert.equal(stats.windowCount, 1);
});

test('per-camera series and camera costs over the window', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  registry.recordForCamera('camera', 'capture', 'cam1', 10);
  registry.recordForCamera('camera', 'capture', 'cam2', 30);
  registry.recordForCamera('stream', 'encode', 'cam1', 15, false);
  registry.recordError('stream', 'encode', 2, 'cam2');
  const ops = registry.stats(T0 + 1000);
  assert.deepEqual(ops.map((s) => [s.operation, s.count, s.errors, s.windowCount]), [
    ['capture', 2, 0, 2],
    ['encode', 1, 3, 1],
  ]);
  assert.deepEqual(registry.cameraCosts(T0 + 1000), [
    { camera: 'cam2', totalMs: 30, windowCount: 1 },
    { camera: 'cam1', totalMs: 25, windowCount: 2 },
  ]);
  assert.deepEqual(
    registry.cameraStats(T0 + 1000).map((s) => [s.component, s.operation, s.camera, s.count, s.errors, s.avgMs]),
    [
      ['camera', 'capture', 'cam1', 1, 0, 10],
      ['camera', 'capture', 'cam2', 1, 0, 30],
      ['stream', 'encode', 'cam1', 1, 1, 15],
      ['stream', 'encode', 'cam2', 0, 2, null],
    ],
  );
  assert.equal(registry.size, 6);
  registry.rotate(T0 + 30_000);
  registry.rotate(T0 + 60_000);
  assert.deepEqual(registry.cameraCosts(T0 + 60_000), [
    { camera: 'cam1', totalMs: 0, windowCount: 0 },
    { camera: 'cam2', totalMs: 0, windowCount: 0 },
  ]);
});

test('series beyond maxSeries are dropped and counted, existing ones keep recording', () => {
  const registry = new OperationRegistry({ startMs: T0, maxSeries: 2 });
  registry.record('a', 'one', 1);
  registry.recordForCamera('a', 'one', 'cam1', 1);
  registry.record('a', 'two', 1);
  registry.recordForCamera('a', 'one', 'cam2', 1); // op series records, camera child is dropped
  registry.series('b', 'three').record(1);
  assert.equal(registry.size, 2);
  assert.equal(registry.droppedSeries, 3);
  assert.deepEqual(registry.stats(T0).map((s) => [s.operation, s.count]), [['one', 3]]);
});

test('clear(component) and clear() forget series and totals', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  registry.recordForCamera('a', 'op', 'cam1', 1);
  registry.record('b', 'op', 1);
  registry.clear('a');
  assert.equal(registry.size, 1);
  assert.deepEqual(registry.stats(T0).map((s) => s.component), ['b']);
  registry.clear('missing');
  registry.clear();
  assert.equal(registry.size, 0);
  assert.deepEqual(registry.stats(T0), []);
});

test('a pre-bound handle records into its series and survives clear()', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  const handle = registry.series('camera', 'capture');
  assert.equal(registry.size, 0); // nothing until the first call
  handle.record(5);
  handle.record(7, false);
  registry.record('camera', 'capture', 9);
  assert.deepEqual(registry.stats(T0).map((s) => [s.count, s.errors, s.lastMs]), [[3, 1, 9]]);
  registry.clear();
  handle.record(11);
  assert.deepEqual(registry.stats(T0).map((s) => [s.count, s.lastMs]), [[1, 11]]);
  handle.record(NaN);
  assert.equal(registry.invalidRecords, 1);
});

test('lastUpdateMs is the rotation that first saw a change', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  registry.record('a', 'op', 1);
  assert.equal(registry.lastUpdateMs('a', 'op'), null);
  registry.rotate(T0 + 1000);
  registry.rotate(T0 + 2000);
  assert.equal(registry.lastUpdateMs('a', 'op'), T0 + 1000);
  registry.recordError('a', 'op');
  registry.rotate(T0 + 3000);
  assert.equal(registry.lastUpdateMs('a', 'op'), T0 + 3000);
  assert.equal(registry.lastUpdateMs('a', 'missing'), null);
});

test('memory is bounded: 1e6 records leave the histogram arrays the size they had after 1', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  const series = registry.resolve('a', 'op');
  assert.ok(series instanceof OperationSeries);
  series.record(1, true);
  const bytesAfterOne = series.histogramBytes;
  for (let i = 0; i < 1_000_000; i++) registry.record('a', 'op', (i % 5000) * 0.37);
  assert.equal(series.histogramBytes, bytesAfterOne);
  assert.ok(bytesAfterOne <= 8192, `${bytesAfterOne} bytes`);
  assert.equal(only(registry, T0 + 1000).count, 1_000_001);
});

test('bad options fail with the field, value and default', () => {
  assert.throws(() => new OperationRegistry({ windowMs: 0 }), /windowMs must be .* got 0; the default is 60000/);
  assert.throws(() => new OperationRegistry({ maxSeries: 1.5 }), /maxSeries must be .* got 1.5/);
  assert.throws(() => new OperationRegistry({ startMs: NaN }), /startMs must be a finite ms timestamp, got NaN/);
  assert.throws(() => new OperationRegistry().rotate(NaN), /rotate: nowMs must be a finite ms timestamp, got NaN/);
});
