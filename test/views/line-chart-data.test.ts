import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAgo, lineChartData } from '../../src/views/line-chart-data.js';

test('ages read as the time before the newest point', () => {
  assert.deepEqual([0, 400, 5000, 275_000, 3_725_000].map(formatAgo), ['now', 'now', '-0:05', '-4:35', '-1:02:05']);
});

test('the newest points that fit, oldest first, each labelled with its age', () => {
  assert.deepEqual(lineChartData([1, 2, 3, 4, 5], 5000, 3), { x: ['-0:10', '-0:05', 'now'], y: [3, 4, 5], bridged: 0 });
  assert.deepEqual(lineChartData([1, 2], 5000, 10), { x: ['-0:05', 'now'], y: [1, 2], bridged: 0 });
});

test('history not yet filled is left out, a gap inside takes the value before it, nothing to draw is null', () => {
  assert.deepEqual(lineChartData([null, null, 7, null, 9], 1000, 10), { x: ['-0:02', '-0:01', 'now'], y: [7, 7, 9], bridged: 1 });
  assert.equal(lineChartData([null, null], 1000, 10), null);
  assert.equal(lineChartData([], 1000, 10), null);
  assert.equal(lineChartData([1, 2], 1000, 0), null);
});
