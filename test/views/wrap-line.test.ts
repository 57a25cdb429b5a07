import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wrapLine } from '../../src/views/wrap-line.js';

const texts = (lines: { text: string }[][]) => lines.map((l) => l.map((s) => s.text).join(''));

test('a line that fits is kept as it is', () => {
  const line = [{ text: 'all fits', tone: 'normal' as const }];
  assert.deepEqual(wrapLine(line, 20), [line]);
});

test('long text breaks at spaces and keeps each piece\'s tone', () => {
  const wrapped = wrapLine([{ text: 'file ', tone: 'muted' }, { text: '/tmp/a/zoomcam.yaml: changed on disk since the preview', tone: 'critical' }], 24);
  assert.deepEqual(texts(wrapped), ['file /tmp/a/zoomcam.yaml', ': changed on disk since', 'the preview']);
  assert.equal(wrapped[0]![0]!.tone, 'muted');
  assert.equal(wrapped[1]![0]!.tone, 'critical');
});

test('a word longer than the width is cut into pieces; wide characters count two cells', () => {
  assert.deepEqual(texts(wrapLine([{ text: 'abcdefghij', tone: 'normal' }], 4)), ['abcd', 'efgh', 'ij']);
  assert.deepEqual(texts(wrapLine([{ text: '日本語のカメラ', tone: 'normal' }], 4)), ['日本', '語の', 'カメ', 'ラ']);
});
