import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listLines } from '../../../widgets/panels/list-panel.js';
import { loadTheme } from '../../../widgets/theme.js';
import { list } from '../../helpers/model-builder.js';

const theme = loadTheme('console');
const plain = (tagged: string) => tagged.replace(/\{\/?[\w\-#]*\}/g, '');
const lines = ['one', 'two', 'three', 'four'].map((text) => [{ text, tone: 'normal' as const }]);

test('every line has a gutter; the selected one has the marker', () => {
  assert.deepEqual(listLines(list('S', lines, 1), 10, 4, theme).map(plain), ['  one', '> two     ', '  three', '  four']);
});

test('lines scroll to keep the selection in view and are cut to the width', () => {
  assert.deepEqual(listLines(list('S', lines, 3), 6, 2, theme).map(plain), ['  thr…', '> four']);
});

test('no lines: the empty text in the muted tone', () => {
  assert.deepEqual(listLines(list('S', [], -1, 'no suggestions'), 20, 3, theme), ['{white-fg}no suggestions{/}']);
});

test('spare rows go to long lines from the top, continuing under the wrap indent; the selection marks the first row only', () => {
  const alert = [{ text: '12:00:00 WARN ', tone: 'muted' as const }, { text: 'machine CPU high: 99.5 % for 30 s', tone: 'normal' as const }];
  const model = { ...list('Alerts', [alert, alert, [{ text: 'short', tone: 'normal' as const }]], 1), wrapIndent: 14 };
  const cont = `${' '.repeat(16)}99.5 % for 30 s`;
  assert.deepEqual(listLines(model, 33, 6, theme).map(plain), ['  12:00:00 WARN machine CPU high:', cont, '> 12:00:00 WARN machine CPU high:', `${cont}  `, '  short']);
  assert.deepEqual(listLines(model, 33, 4, theme).map(plain), ['  12:00:00 WARN machine CPU high:', cont, '> 12:00:00 WARN machine CPU high…', '  short'], 'one spare row: the first line only');
  assert.deepEqual(listLines(model, 33, 3, theme).map(plain), ['  12:00:00 WARN machine CPU high…', '> 12:00:00 WARN machine CPU high…', '  short'], 'no spare row: cut as before');
});

test('a line needing more spare rows than there are takes those and is cut on the last, so the action still shows', () => {
  const suggestion = [
    { text: 'P1 ', tone: 'warning' as const },
    { text: 'lower camera resolution', tone: 'normal' as const },
    { text: ' [a: lower-resolution]', tone: 'ok' as const },
    { text: ' impact high, effort medium', tone: 'muted' as const },
  ];
  const model = { ...list('Suggestions', [suggestion, [{ text: '   or [a: lower-fps]', tone: 'ok' as const }]], 0), wrapIndent: 3 };
  assert.deepEqual(listLines(model, 30, 3, theme).map(plain), ['> P1 lower camera resolution  ', '     [a: lower-resolution] im…', '     or [a: lower-fps]']);
});
