import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepInterval } from '../../src/app/interval-steps.js';

test('+ and - step through 0.25 s .. 60 s; odd intervals go to the next step; the ends stay', () => {
  assert.deepEqual([stepInterval(1000, 1), stepInterval(1000, -1)], [2000, 500]);
  assert.deepEqual([stepInterval(750, 1), stepInterval(750, -1)], [1000, 500]);
  assert.deepEqual([stepInterval(250, -1), stepInterval(100, -1), stepInterval(60_000, 1), stepInterval(3_600_000, 1)], [250, 100, 60_000, 3_600_000]);
  assert.equal(stepInterval(3_600_000, -1), 60_000);
});
