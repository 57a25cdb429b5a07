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

test('a "name   value" line continues under its value, so the names column stays clear', () => {
  const line = [{ text: 'pi-clock        n/a: no CPU clock: cpufreq is absent (no cpufreq driver: a VM or container?)', tone: 'normal' as const }];
  assert.deepEqual(texts(wrapLine(line, 60)), [
    'pi-clock        n/a: no CPU clock: cpufreq is absent (no',
    '                cpufreq driver: a VM or container?)',
  ]);
  // A double space past the first half is not a column: plain prose wraps to the left edge.
  assert.deepEqual(texts(wrapLine([{ text: 'a long sentence that ends  here and then goes on', tone: 'normal' }], 30)), ['a long sentence that ends', 'here and then goes on']);
});

test('a given indent sets where continuation lines start; a piece that ends just before a space breaks there', () => {
  const alert = [{ text: '12:00:00 WARN ', tone: 'muted' as const }, { text: 'machine CPU high: 99.5 % for 30 s', tone: 'normal' as const }];
  assert.deepEqual(texts(wrapLine(alert, 31, 14)), ['12:00:00 WARN machine CPU high:', '              99.5 % for 30 s']);
  assert.deepEqual(texts(wrapLine(alert, 31)), ['12:00:00 WARN machine CPU high:', '99.5 % for 30 s'], 'no indent given and no column: the left edge');
  assert.deepEqual(texts(wrapLine(alert, 20, 14)), ['12:00:00 WARN', 'machine CPU high:', '99.5 % for 30 s'], 'an indent of half the width or more is not used');
});

test('with maxRows the last row holds all the rest, for the caller to cut', () => {
  const line = [{ text: 'P1 lower camera resolution [a: lower-resolution] impact high', tone: 'normal' as const }];
  assert.deepEqual(texts(wrapLine(line, 28, 3, 2)), ['P1 lower camera resolution', '   [a: lower-resolution] impact high']);
  assert.deepEqual(texts(wrapLine(line, 28, 3, 1)), [line[0]!.text], 'one row: the line as it is');
});

test('a figure and its unit stay on one row', () => {
  const alert = [{ text: '18:15:14 WARN machine CPU high: 99.0 %', tone: 'normal' as const }];
  assert.deepEqual(texts(wrapLine(alert, 36, 14)), ['18:15:14 WARN machine CPU high:', '              99.0 %']);
  assert.deepEqual(texts(wrapLine([{ text: 'took 12 ms then 4 more', tone: 'normal' }], 10)), ['took 12 ms', 'then 4', 'more']);
  assert.deepEqual(texts(wrapLine([{ text: 'cpu 99 % -> 77 % (-22 pts); app fps', tone: 'normal' }], 22)), ['cpu 99 % -> 77 %', '(-22 pts); app fps'], 'a unit followed by punctuation too');
});
