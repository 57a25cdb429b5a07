import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HELP, toDialogModel } from '../../src/views/dialog-model.js';
import type { Dialog } from '../../src/app/ui-state.js';
import { buildStats } from '../helpers/snapshot-builder.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');
/** How far `dialog` scrolls on a `cols` x `rows` terminal, as its model tells the keys. */
const dialogMaxOffset = (dialog: Dialog, size: { cols: number; rows: number }) => toDialogModel(dialog, size.rows, undefined, size.cols)?.maxOffset ?? 0;

test('the help lists every key the reducer handles, each once', () => {
  const keys = HELP.map(([key]) => key).join(', ');
  for (const key of ['q', 'Ctrl-C', '?', 'Tab', 'S-Tab', 'up/down', 'j/k', 'Enter', 's', '/', 'z', 'p', '+ / -', 'e', 'c', 't', 'a', 'y / n', 'Esc']) {
    assert.ok(keys.split(/, | /).includes(key) || keys.includes(key), `help has ${key}`);
  }
  assert.equal(new Set(HELP.map(([key]) => key)).size, HELP.length);
});

test('the README key table lists the same keys as the help overlay', () => {
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('## Keys'), readme.indexOf('###', readme.indexOf('## Keys')));
  for (const [key] of HELP) {
    for (const part of key.split(/, | \/ /)) assert.ok(section.includes(`\`${part}\``) || section.includes(part), `README lists ${part}`);
  }
});

test('a message longer than the terminal is wrapped to the dialog, shown from its offset, and says how to scroll', () => {
  const lines = Array.from({ length: 12 }, (_, i) => `2026-12-04T17:0${i % 10}:00.000Z  applied  lower-fps  streaming.target_fps 30 -> 25  /etc/zoomcam.yaml`);
  const history = { kind: 'message' as const, title: 'Action history', tone: 'ok' as const, lines };
  assert.equal(dialogMaxOffset(history, { cols: 200, rows: 40 }), 0, 'it fits at 200x40');
  assert.equal(toDialogModel(history, 40, undefined, 200)!.lines.length, 12);
  // At 40x12: a 36-cell interior, each entry wraps to 3 rows (36 rows), 8 rows of room, one of them the hint.
  assert.equal(dialogMaxOffset(history, { cols: 40, rows: 12 }), 29);
  const top = toDialogModel(history, 12, undefined, 40)!;
  assert.equal(top.fixedRows, true);
  assert.deepEqual(top.lines.map(text), ['2026-12-04T17:00:00.000Z  applied', 'lower-fps  streaming.target_fps 30', '-> 25  /etc/zoomcam.yaml', '2026-12-04T17:01:00.000Z  applied', 'lower-fps  streaming.target_fps 30', '-> 25  /etc/zoomcam.yaml', '2026-12-04T17:02:00.000Z  applied', 'j/k: 1-7 of 36; other keys close']);
  const bottom = toDialogModel({ ...history, offset: 99 }, 12, undefined, 40)!;
  assert.equal(text(bottom.lines.at(-1)!), 'j/k: 30-36 of 36; other keys close', 'the last row can be reached');
  assert.equal(text(bottom.lines.at(-2)!), '-> 25  /etc/zoomcam.yaml');
});

test('help fits at 80x24; a shorter terminal scrolls it and a narrow one wraps each key under its description', () => {
  const help = (offset: number) => ({ kind: 'help' as const, offset });
  assert.equal(dialogMaxOffset(help(0), { cols: 80, rows: 24 }), 0);
  assert.equal(toDialogModel(help(0), 24, undefined, 80)!.lines.length, HELP.length);
  assert.equal(dialogMaxOffset(help(0), { cols: 80, rows: 18 }), 7);
  const top = toDialogModel(help(0), 18, undefined, 80)!;
  assert.equal(top.lines.length, 14);
  assert.equal(text(top.lines.at(-1)!), 'j/k: 1-13 of 20; other keys close');
  const bottom = toDialogModel(help(99), 18, undefined, 80)!;
  assert.equal(text(bottom.lines.at(-1)!), 'j/k: 8-20 of 20; other keys close', 'the last key can be reached');
  assert.equal(text(bottom.lines[0]!), `${HELP[7]![0].padEnd(14)}${HELP[7]![1]}`);
  const narrow = toDialogModel(help(0), 12, undefined, 40)!;
  assert.deepEqual(narrow.lines.slice(0, 3).map(text), ['q             quit (stops the', '              demo, restores the', '              terminal)']);
});

test('the apply question: the change first, answers as a footer; a wrapped diff line keeps its - or + on every row', () => {
  const confirm = {
    kind: 'confirm' as const,
    plan: { actionId: 'lower-resolution', file: '/etc/zoomcam/config.yaml', patches: [{ path: ['cameras', 'front_door', 'resolution'], from: '1920x1080', to: '1280x720', reason: 'cpu' }], summary: 'front_door 1920x1080 -> 1280x720' },
    diff: '--- a\n+++ b\n@@ -3 +3 @@\n-    resolution: "1920x1080"   # the optimizer steps it down 1920x1080 -> 1280x720 -> 640x480\n+    resolution: "1280x720"   # the optimizer steps it down 1920x1080 -> 1280x720 -> 640x480\n',
    evidence: 'machine CPU 98.7 % for 12s',
    newText: '',
    expectedHash: 'h',
  } as Parameters<typeof toDialogModel>[0];
  const wide = toDialogModel(confirm, 40, undefined, 200)!;
  assert.equal(wide.title, 'Apply lower-resolution?');
  assert.equal(text(wide.lines[0]!), 'front_door 1920x1080 -> 1280x720');
  assert.deepEqual(wide.footer!.map(text), ['y apply (a backup is kept)', 'n/Esc cancel']);
  assert.equal(wide.lines.filter((l) => text(l).startsWith('-    resolution')).length, 1, 'one row each at 200 columns');
  const narrow = toDialogModel(confirm, 40, undefined, 60)!;
  const removed = narrow.lines.filter((l) => l[0]?.tone === 'critical').map(text);
  assert.deepEqual(removed, ['-    resolution: "1920x1080"   # the optimizer steps', '-    it down 1920x1080 -> 1280x720 -> 640x480']);
  assert.ok(narrow.lines.every((l) => text(l).length <= 54), 'every row fits the 54-cell interior');
});

test('the operation detail scrolls on a short terminal, its last row saying how; it is whole where it fits', () => {
  const detail = { key: 'encoder.encode', stats: buildStats('encoder', 'encode'), cameras: [], bar: '#' };
  const big = toDialogModel({ kind: 'detail' }, 40, detail, 120)!;
  assert.equal(big.maxOffset ?? 0, 0);
  assert.match(text(big.lines.at(-1)!), /^up\/down another operation/);
  const small = toDialogModel({ kind: 'detail' }, 12, detail, 40)!;
  assert.ok((small.maxOffset ?? 0) > 0);
  assert.equal(small.lines.length, 8, 'the 8 rows a 12-row terminal leaves');
  assert.match(text(small.lines.at(-1)!), /^j\/k: 1-7 of \d+; up\/down: next$/);
  const end = toDialogModel({ kind: 'detail', offset: 99 }, 12, detail, 40)!;
  const max = small.maxOffset!;
  assert.equal(text(end.lines.at(-1)!), `j/k: ${max + 1}-${max + 7} of ${max + 7}; up/down: next`, 'the last rows can be reached');
});
