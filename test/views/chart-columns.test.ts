import assert from 'node:assert/strict';
import { test } from 'node:test';
import { peakColumns, samplesPerColumn } from '../../src/views/chart-columns.js';

test('samples per column: the whole number nearest 5 s, at least one', () => {
  assert.deepEqual([250, 1000, 2000, 3000, 5000, 60_000].map((ms) => samplesPerColumn(ms)), [20, 5, 3, 2, 1, 1]);
  assert.equal(samplesPerColumn(1000, 2000), 2);
  assert.equal(samplesPerColumn(0), 1);
});

test('columns sit on the time grid: each holds the peak of its samples, the newest column may be partial', () => {
  // Seven samples 1 s apart, the newest at t=13 s: samples 7..13 s, columns [5-9], [10-14] of 5 samples.
  assert.deepEqual(peakColumns([1, 9, 2, 3, 4, 8, 5], 13_000, 1000, 5), [9, 8]);
  // One second later the old column has not changed; only the newest grew.
  assert.deepEqual(peakColumns([9, 2, 3, 4, 8, 5, 6], 14_000, 1000, 5), [9, 8]);
  // The next sample opens a new column; the oldest column shrank as the history dropped its sample of 9.
  assert.deepEqual(peakColumns([2, 3, 4, 8, 5, 6, 1], 15_000, 1000, 5), [2, 8, 1]);
});

test('a column of gaps is a gap; a gap beside a value does not hide it; one per column returns a copy', () => {
  assert.deepEqual(peakColumns([null, null, 3, null, null, null], 5_000, 1000, 3), [3, null]);
  assert.deepEqual(peakColumns([null, null, null, 4], 3_000, 1000, 3), [null, 4]);
  const values = [1, null, 2];
  const same = peakColumns(values, 2_000, 1000, 1);
  assert.deepEqual(same, values);
  assert.notEqual(same, values);
  assert.deepEqual(peakColumns([], 2_000, 1000, 5), []);
});
