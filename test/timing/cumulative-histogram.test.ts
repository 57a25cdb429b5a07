import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CumulativeHistogram, DURATION_BOUNDS_SECONDS } from '../../src/timing/cumulative-histogram.js';
import { OperationRegistry } from '../../src/timing/operation-registry.js';

const T0 = Date.UTC(2026, 0, 1);

test('bounds run from 0.5 ms to 30 s, ascending, with a +Inf bucket after them', () => {
  assert.equal(DURATION_BOUNDS_SECONDS.length, 15);
  assert.equal(DURATION_BOUNDS_SECONDS[0], 0.0005);
  assert.equal(DURATION_BOUNDS_SECONDS[14], 30);
  assert.ok(DURATION_BOUNDS_SECONDS.every((b, i) => i === 0 || b > (DURATION_BOUNDS_SECONDS[i - 1] as number)));
  assert.equal(new CumulativeHistogram().counts.length, 16);
});

test('a value on a bound lands in that bound (le is inclusive); above the last bound goes to +Inf', () => {
  const h = new CumulativeHistogram();
  for (const ms of [0, 0.5, 0.5001, 1, 10, 30_000, 30_001, 1e9]) h.record(ms);
  assert.deepEqual([...h.counts], [2, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
  assert.equal(h.count, 8);
  assert.equal(h.sumMs, 0 + 0.5 + 0.5001 + 1 + 10 + 30_000 + 30_001 + 1e9);
  assert.equal(h.cumulativeCount(0), 2);
  assert.equal(h.cumulativeCount(4), 5);
  assert.equal(h.cumulativeCount(15), 8);
});

test('registry totals survive window rotation and count camera children separately', () => {
  const registry = new OperationRegistry({ startMs: T0, windowMs: 10_000 });
  registry.record('camera', 'capture', 4);
  registry.recordForCamera('camera', 'capture', 'cam2', 20, false);
  registry.recordForCamera('camera', 'capture', 'cam1', 2);
  registry.record('encoder', 'encode', 7);
  registry.rotate(T0 + 60_000); // the window is empty again
  assert.equal(registry.stats(T0 + 60_000)[0]?.windowCount, 0);
  const totals = registry.totals();
  assert.deepEqual(
    totals.map((t) => [t.component, t.operation, t.camera, t.histogram.count, t.histogram.sumMs, t.errors]),
    [
      ['camera', 'capture', null, 3, 26, 1],
      ['camera', 'capture', 'cam1', 1, 2, 0],
      ['camera', 'capture', 'cam2', 1, 20, 1],
      ['encoder', 'encode', null, 1, 7, 0],
    ],
  );
  registry.clear('camera');
  assert.deepEqual(registry.totals().map((t) => t.component), ['encoder']);
});
