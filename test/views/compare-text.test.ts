import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareText } from '../../src/views/compare-text.js';

test('names sort by code point, the same in every locale', () => {
  assert.deepEqual(['encoder', 'Camera', 'camera_manager', 'camera', 'z', 'é'].sort(compareText), ['Camera', 'camera', 'camera_manager', 'encoder', 'z', 'é']);
  assert.equal(compareText('a', 'a'), 0);
});
