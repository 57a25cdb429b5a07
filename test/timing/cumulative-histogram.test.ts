import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CumulativeHistogram, DURATION_BOUNDS_SECONDS } from '../../src/timing/cumulative-histogram.js';
import { OperationRegistry } from '../../src/timing/operation-registry.js';
import { stepDouble } from '../helpers/next-double.js';

const T0 = Date.UTC(2026, 0, 1);
const BOUNDS_MS = DURATION_BOUNDS_SECONDS.map((s) => s * 1000);

/** The definition: the first bucket whose bound is >= ms (le is inclusive), else +Inf. */
function boundIndex(ms: number): number {
  const i = BOUNDS_MS.findIndex((boundMs) => ms <= boundMs);
  return i === -1 ? BOUNDS_MS.length : i;
}

/** Every bound, the doubles on either side of it, and a dense geometric sweep over 1 us..100 s. */
function sweepMs(): number[] {
  const values = [0, 1e-9, 0.001, 1e9];
  for (const boundMs of BOUNDS_MS) values.push(stepDouble(boundMs, -1n), boundMs, stepDouble(boundMs, 1n));
  for (let ms = 0.0005; ms < 200_000; ms *= 1.003) values.push(ms);
  return values;
}

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

test('record() puts every value, bounds and their neighbours included, in the bucket le defines', () => {
  for (const ms of sweepMs()) {
    const h = new CumulativeHistogram();
    h.record(ms);
    const expected = boundIndex(ms);
    if (h.counts[expected] !== 1) assert.fail(`${ms} ms should count in bucket ${expected}, counts are ${[...h.counts]}`);
  }
});

test('registry totals match direct recording exactly, whether calls are in the window or left it', () => {
  const values = sweepMs();
  const registry = new OperationRegistry({ startMs: T0, windowMs: 10_000 });
  const direct = new CumulativeHistogram();
  const check = (when: string): void => {
    const [t] = registry.totals();
    assert.ok(t);
    assert.deepEqual([...t.histogram.counts], [...direct.counts], when);
    assert.equal(t.histogram.count, direct.count, when);
    // Half windows are summed apart, then added: only float rounding may differ.
    assert.ok(Math.abs(t.histogram.sumMs - direct.sumMs) <= direct.sumMs * 1e-12, `${when}: sum ${t.histogram.sumMs} vs ${direct.sumMs}`);
  };
  values.forEach((ms, i) => {
    registry.record('camera', 'capture', ms);
    direct.record(ms);
    if (i === 1000) check('all calls in the current half window');
    if (i === 1000) registry.rotate(T0 + 5_000); // shift: they become the previous half
    if (i === 3000) check('calls in both halves');
    if (i === 3000) registry.rotate(T0 + 10_000); // shift: the oldest half leaves the window
    if (i === 5000) registry.rotate(T0 + 60_000); // lapse: both halves leave at once
  });
  check('calls in and out of the window');
  assert.equal(registry.stats(T0 + 60_000)[0]?.count, values.length);
  const before = registry.totals()[0]?.histogram;
  assert.equal(registry.totals()[0]?.histogram, before, 'the same object per series, for the exporter cache');
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
