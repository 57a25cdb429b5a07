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
