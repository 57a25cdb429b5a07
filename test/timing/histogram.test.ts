import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUCKET_COUNT,
  HIGHEST_MS,
  LOWEST_MS,
  LogHistogram,
  RELATIVE_ACCURACY,
  bucketIndex,
  bucketUpperMs,
  quantilesOf,
} from '../../src/timing/histogram.js';
import { stepDouble } from '../helpers/next-double.js';
import { seededRandom } from '../helpers/seeded-random.js';

function exactQuantile(sorted: number[], q: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

function assertWithin(actual: number | null, expected: number, relative: number, what: string): void {
  assert.ok(actual !== null, `${what}: got null`);
  const error = Math.abs(actual - expected) / expected;
  assert.ok(error <= relative, `${what}: ${actual} vs exact ${expected} (${(error * 100).toFixed(3)} % off)`);
}

const QUANTILES = [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999];

function checkDistribution(name: string, values: number[]): void {
  const histogram = new LogHistogram();
  for (const v of values) histogram.record(v);
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of QUANTILES) {
    assertWithin(histogram.quantile(q), exactQuantile(sorted, q), 0.02, `${name} p${q * 100}`);
  }
  assert.equal(histogram.minMs, sorted[0]);
  assert.equal(histogram.maxMs, sorted[sorted.length - 1]);
  assert.equal(histogram.count, values.length);
}

test('covers 1 us to 100 s in a few KiB', () => {
  assert.equal(LOWEST_MS, 0.001);
  assert.equal(HIGHEST_MS, 100_000);
  assert.equal(BUCKET_COUNT, 615);
  assert.ok(new LogHistogram().byteLength < 2560, "two half-window histograms and the cumulative one stay well under 8 KiB per series");
  assert.equal(new LogHistogram().byteLength, BUCKET_COUNT * 4);
  assert.equal(bucketIndex(0), 0);
  assert.equal(bucketIndex(LOWEST_MS), 0);
  assert.equal(bucketIndex(HIGHEST_MS), BUCKET_COUNT - 1);
  assert.equal(bucketIndex(1e12), BUCKET_COUNT - 1);
});

const nextUp = (ms: number): number => stepDouble(ms, 1n);
const nextDown = (ms: number): number => stepDouble(ms, -1n);

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LAST = BUCKET_COUNT - 1;

/** The definition: bucket i holds (LOWEST_MS * GAMMA^(i-1), LOWEST_MS * GAMMA^i], clamped to the last bucket. */
function logIndex(ms: number): number {
  if (ms <= LOWEST_MS) return 0;
  return Math.min(LAST, Math.ceil(Math.log(ms / LOWEST_MS) / Math.log(GAMMA)));
}

/** True when ms is so close to an edge that Math.log's rounding, not the definition, decides logIndex(ms). */
function nearEdge(ms: number): boolean {
  const exponent = Math.log(ms / LOWEST_MS) / Math.log(GAMMA);
  return Math.abs(exponent - Math.round(exponent)) < 1e-7;
}

test('bucket edges are LOWEST_MS * GAMMA^i, and an edge belongs to the bucket below it', () => {
  assert.equal(bucketUpperMs(-1), -Infinity);
  assert.equal(bucketUpperMs(0), LOWEST_MS);
  assert.equal(bucketUpperMs(LAST), Infinity);
  assert.equal(bucketIndex(nextDown(LOWEST_MS)), 0);
  for (let i = 0; i < LAST; i++) {
    const edgeMs = bucketUpperMs(i);
    assert.ok(Math.abs(edgeMs / (LOWEST_MS * GAMMA ** i) - 1) < 1e-12, `edge ${i} is ${edgeMs}`);
    assert.equal(bucketIndex(edgeMs), i, `edge ${i} (${edgeMs})`);
    assert.equal(bucketIndex(nextDown(edgeMs)), i, `just below edge ${i}`);
    assert.equal(bucketIndex(nextUp(edgeMs)), i + 1, `just above edge ${i}`);
    assert.ok(bucketUpperMs(i + 1) > edgeMs);
  }
  assert.ok(bucketUpperMs(LAST - 1) < HIGHEST_MS, 'values up to HIGHEST_MS are told apart');
  assert.equal(bucketIndex(Infinity), LAST);
  assert.equal(bucketIndex(NaN), 0);
});

test('bucketIndex equals the log definition over a dense sweep of 1e-4..1e6 ms', () => {
  // Steps of 0.01 % are far finer than a bucket (3 %) and than the mapping's internal slots (>= 0.8 %).
  let checked = 0;
  for (let ms = 1e-4; ms < 1e6; ms *= 1.0001) {
    if (nearEdge(ms)) continue; // the edges themselves are checked exactly above
    const expected = logIndex(ms);
    if (bucketIndex(ms) !== expected) assert.fail(`bucketIndex(${ms}) = ${bucketIndex(ms)}, the definition gives ${expected}`);
    checked++;
  }
  assert.ok(checked > 200_000, `${checked} values checked`);
  const random = seededRandom(7);
  for (let n = 0; n < 50_000; n++) {
    const ms = 1e-4 * 1e10 ** random();
    if (!nearEdge(ms) && bucketIndex(ms) !== logIndex(ms)) assert.fail(`bucketIndex(${ms}) = ${bucketIndex(ms)}, the definition gives ${logIndex(ms)}`);
  }
});

test('LogHistogram.record returns the bucket it counted', () => {
  const histogram = new LogHistogram();
  const index = histogram.record(33.3);
  assert.equal(index, bucketIndex(33.3));
  assert.equal(histogram.counts[index], 1);
});

test('1..1000 ms: exact count, min, max, sum; percentiles within 2 %', () => {
  const histogram = new LogHistogram();
  for (let ms = 1; ms <= 1000; ms++) histogram.record(ms);
  assert.equal(histogram.count, 1000);
  assert.equal(histogram.minMs, 1);
  assert.equal(histogram.maxMs, 1000);
  assert.equal(histogram.sumMs, 500_500);
  assertWithin(histogram.quantile(0.5), 500, 0.02, 'p50');
  assertWithin(histogram.quantile(0.95), 950, 0.02, 'p95');
  assertWithin(histogram.quantile(0.99), 990, 0.02, 'p99');
  assert.equal(histogram.quantile(0), 1);
  assert.equal(histogram.quantile(1), 1000);
});

test('percentiles within 2 % across distributions spanning 1 us..60 s', () => {
  const random = seededRandom(42);
  const uniform = Array.from({ length: 20_000 }, () => 0.001 + random() * 60_000);
  const logUniform = Array.from({ length: 20_000 }, () => 0.001 * 6e7 ** random());
  const exponential = Array.from({ length: 20_000 }, () => -Math.log(1 - random()) * 25);
  const bimodal = Array.from({ length: 20_000 }, (_, i) => (i % 10 === 0 ? 800 + random() * 400 : 2 + random()));
  const constant = Array.from({ length: 1000 }, () => 33.3);
  checkDistribution('uniform', uniform);
  checkDistribution('log-uniform', logUniform);
  checkDistribution('exponential', exponential);
  checkDistribution('bimodal', bimodal);
  checkDistribution('constant', constant);
  checkDistribution('single', [0.0042]);
});

test('values outside the range are clamped into the end buckets, min and max stay exact', () => {
  const histogram = new LogHistogram();
  histogram.record(0);
  histogram.record(0.0001);
  histogram.record(250_000);
  assert.equal(histogram.counts[0], 2);
  assert.equal(histogram.counts[BUCKET_COUNT - 1], 1);
  assert.equal(histogram.minMs, 0);
  assert.equal(histogram.maxMs, 250_000);
  assert.equal(histogram.quantile(1), 250_000);
  assert.equal(histogram.quantile(0.5), 0.001);
  assert.equal(histogram.quantile(0), 0);
  histogram.record(200_000);
  // Both overflow values share the last bucket, which reports the exact max.
  assert.equal(histogram.quantile(0.75), 250_000);
});

test('empty histogram has no quantile; reset empties it', () => {
  const histogram = new LogHistogram();
  assert.equal(histogram.quantile(0.5), null);
  histogram.record(5);
  histogram.reset();
  assert.equal(histogram.count, 0);
  assert.equal(histogram.sumMs, 0);
  assert.equal(histogram.quantile(0.5), null);
  assert.equal(histogram.counts.reduce((a, b) => a + b, 0), 0);
});

test('quantilesOf merges two histograms without copying', () => {
  const a = new LogHistogram();
  const b = new LogHistogram();
  for (let ms = 1; ms <= 500; ms++) a.record(ms);
  for (let ms = 501; ms <= 1000; ms++) b.record(ms);
  const out = [0, 0, 0];
  assert.equal(quantilesOf(a, b, [0.5, 0.95, 0.99], out), true);
  assertWithin(out[0]!, 500, 0.02, 'p50');
  assertWithin(out[1]!, 950, 0.02, 'p95');
  assertWithin(out[2]!, 990, 0.02, 'p99');
  assert.equal(quantilesOf(new LogHistogram(), new LogHistogram(), [0.5], out), false);
});
