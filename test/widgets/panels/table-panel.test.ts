import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tableLines } from '../../../widgets/panels/table-panel.js';
import { loadTheme } from '../../../widgets/theme.js';
import { operations } from '../../helpers/model-builder.js';

const theme = loadTheme('default');
/** Tagged text as a person reads it. */
const plain = (tagged: string) =>
  tagged.replace(/\{\/?[\w\-#]*\}/g, (tag) => (tag === '{open}' ? '{' : tag === '{close}' ? '}' : ''));

const ROWS: [string, string, string][] = [
  ['a.one', '1', '1.0'],
  ['b.two', '2', '2.0'],
  ['c.three', '3', '3.0'],
  ['d.four', '4', '4.0'],
];

test('the header lines up with the cells: columns joined by one space, right-aligned numbers', () => {
  const lines = tableLines(operations(ROWS), 40, 6, theme).map(plain);
  assert.deepEqual(lines, [
    'component.operation (ms)   count     p95',
    'a.one                          1     1.0',
    'b.two                          2     2.0',
    'c.three                        3     3.0',
    'd.four                         4     4.0',
  ]);
});

test('the selected row is drawn in the selected tone across the whole width', () => {
  const line = tableLines(operations(ROWS, 1), 44, 6, theme)[2] ?? '';
  assert.equal(plain(line), 'b.two                          2     2.0    ');
  assert.ok(line.startsWith('{231-fg}{25-bg}{bold}b.two'), line);
  assert.ok(!line.includes('{default-fg}'), 'no span keeps its own tone');
});

test('rows scroll so the selected one stays visible', () => {
  const lines = tableLines(operations(ROWS, 3), 40, 3, theme).map(plain);
  assert.deepEqual(lines.map((l) => l.split(' ')[0]), ['component.operation', 'c.three', 'd.four']);
});

test('no rows: the empty text, wrapped, in the muted tone', () => {
  const model = { ...operations([]), empty: 'no operations yet: send StatsD timers' };
  const lines = tableLines(model, 20, 5, theme);
  assert.deepEqual(lines.slice(1).map(plain), ['no operations yet:', 'send StatsD timers']);
  assert.ok(lines[1]?.startsWith('{245-fg}'));
});

test('braces in cells are shown literally, not read as tags', () => {
  const lines = tableLines(operations([['{red-fg}x', '1', '1']]), 40, 3, theme);
  assert.equal(plain(lines[1] ?? '').split(' ')[0], '{red-fg}x');
});
