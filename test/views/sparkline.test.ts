import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderSparkline, renderSparklineRows } from '../../src/views/sparkline.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

test('one glyph per sample, 0 as the lowest level and max as the full one', () => {
  assert.equal(renderSparkline([0, 50, 100], 100, 3, BLOCKS), '▁▅█');
});

test('newest samples at the right end; older ones that do not fit are dropped', () => {
  assert.equal(renderSparkline([100, 100, 0, 0], 100, 2, BLOCKS), '▁▁');
  assert.equal(renderSparkline([0, 0, 100, 100], 100, 2, BLOCKS), '██');
});

test('short history is right-aligned with blanks on the left', () => {
  assert.equal(renderSparkline([100], 100, 4, BLOCKS), '   █');
  assert.equal(renderSparkline([], 100, 3, BLOCKS), '   ');
});

test('null is a gap, not a zero', () => {
  assert.equal(renderSparkline([0, null, 0], 100, 3, BLOCKS), '▁ ▁');
});

test('values above max draw as full and large values are not dropped', () => {
  assert.equal(renderSparkline([250, 1e9], 100, 2, BLOCKS), '██');
});

test('works with any glyph set, such as the console one', () => {
  assert.equal(renderSparkline([0, 20, 40, 60, 80, 100], 100, 6, ['_', '.', '-', '=', '≡', '█']), '_.-=≡█');
});

test('a max of zero draws the lowest level instead of dividing by zero', () => {
  assert.equal(renderSparkline([0, 5], 0, 2, BLOCKS), '▁▁');
});

test('rows are bands of the range, top first', () => {
  assert.deepEqual(renderSparklineRows([0, 25, 50, 75, 100, null], 100, 6, 2, BLOCKS), [
    '   ▅█ ',
    '▁▅███ ',
  ]);
});

test('an empty glyph set is a clear error', () => {
  assert.throws(() => renderSparkline([1], 1, 1, []), /levels is empty/);
});
