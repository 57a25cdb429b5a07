import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median } from '../../src/timing/median.js';

test('median of odd, even and empty lists; non-finite values are left out', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
  assert.equal(median([Number.NaN, 5, Infinity]), 5);
});
