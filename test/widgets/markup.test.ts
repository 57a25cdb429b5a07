import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeTags, lineTags, scrollStart, wrapText } from '../../widgets/markup.js';
import { loadTheme } from '../../widgets/theme.js';

const theme = loadTheme('default');

test('braces are escaped and control bytes dropped, so text cannot become tags or escapes', () => {
  assert.equal(escapeTags('{red-fg}x{/}'), '{open}red-fg{close}x{open}/{close}');
  assert.equal(escapeTags('a\x1b[31mb\tc'), 'a[31mb c');
});

test('spans become tone tags, cut by display width with the ellipsis', () => {
  const line = [{ text: 'now ', tone: 'muted' as const }, { text: '73.2 %', tone: 'critical' as const }];
  assert.equal(lineTags(line, theme, 20), '{245-fg}now {/}{196-fg}{bold}73.2 %{/}');
  assert.equal(lineTags(line, theme, 7), '{245-fg}now {/}{196-fg}{bold}73…{/}');
  // Wide characters count two cells: four of them need eight.
  assert.equal(lineTags([{ text: '摄像头帧', tone: 'normal' }], theme, 5), '{default-fg}摄像…{/}');
});

test('a selected line takes the selected tone and is padded to the width', () => {
  assert.equal(lineTags([{ text: 'ab', tone: 'warning' }], theme, 4, { tone: 'selected', pad: true }), '{231-fg}{25-bg}{bold}ab{/}{231-fg}{25-bg}{bold}  {/}');
});

test('wrapText breaks at spaces and splits words longer than a line', () => {
  assert.deepEqual(wrapText('terminal too small: need 60x18, have 40x12', 40), ['terminal too small: need 60x18, have', '40x12']);
  assert.deepEqual(wrapText('abcdefgh ij', 3), ['abc', 'def', 'gh', 'ij']);
});

test('scrollStart keeps the selection in view', () => {
  assert.equal(scrollStart(-1, 3, 10), 0);
  assert.equal(scrollStart(2, 3, 10), 0);
  assert.equal(scrollStart(5, 3, 10), 3);
  assert.equal(scrollStart(9, 3, 10), 7);
});
