import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import blessed from 'blessed';
import { blessedTerminalName, compactFrame, compactScreenOutput, fillShortGaps, withoutExitHandlers, withQuietConsole } from '../../widgets/terminal-fixes.js';
import { createScreen } from '../../widgets/create-screen.js';
import { VirtualTerminal } from '../helpers/virtual-terminal.js';

test('256-colour names blessed cannot parse become xterm-256color; others pass through', () => {
  assert.equal(blessedTerminalName('tmux-256color'), 'xterm-256color');
  assert.equal(blessedTerminalName('screen-256color'), 'xterm-256color');
  assert.equal(blessedTerminalName('rxvt-unicode-256color'), 'xterm-256color');
  assert.equal(blessedTerminalName('xterm-direct'), 'xterm-256color');
  assert.equal(blessedTerminalName('alacritty'), 'xterm-256color');
  assert.equal(blessedTerminalName('xterm-kitty'), 'xterm-256color');
  assert.equal(blessedTerminalName('linux'), 'linux');
  assert.equal(blessedTerminalName('XTERM'), 'xterm');
  assert.equal(blessedTerminalName('screen'), 'screen');
  assert.equal(blessedTerminalName(undefined), 'xterm');
  assert.equal(blessedTerminalName(''), 'xterm');
});

test('listeners that would call process.exit are removed; the ones there before and exit listeners stay', () => {
  const proc = new EventEmitter();
  const mine = () => {};
  proc.on('SIGTERM', mine);
  withoutExitHandlers(() => {
    for (const event of ['SIGTERM', 'SIGINT', 'SIGQUIT', 'uncaughtException', 'exit']) proc.on(event, () => {});
  }, proc);
  assert.deepEqual(proc.listeners('SIGTERM'), [mine]);
  assert.equal(proc.listenerCount('SIGINT'), 0);
  assert.equal(proc.listenerCount('SIGQUIT'), 0);
  assert.equal(proc.listenerCount('uncaughtException'), 0);
  assert.equal(proc.listenerCount('exit'), 1);
});

test('console.error is silent during the build and restored after, even when it throws', () => {
  const original = console.error;
  let calls = 0;
  console.error = () => void calls++;
  try {
    assert.equal(withQuietConsole(() => { console.error('Error on xterm-256color.sgr'); return 7; }), 7);
    assert.throws(() => withQuietConsole(() => { throw new Error('boom'); }), /boom/);
    console.error('after');
  } finally {
    console.error = original;
  }
  assert.equal(calls, 1);
});

test('a move to column 1 followed at once by a move on the same row is dropped; everything else stays', () => {
  const frame = '\x1b7\x1b[4;1H\x1b[4;26H\x1b[32mab\x1b[m\x1b[12;1H\x1b[12;68H2075\x1b[40;1Hup 3s\x1b[5;1H\x1b[6;3Hx\x1b8';
  assert.equal(compactFrame(frame), '\x1b7\x1b[4;26H\x1b[32mab\x1b[m\x1b[12;68H2075\x1b[40;1Hup 3s\x1b[5;1H\x1b[6;3Hx\x1b8');
  assert.equal(compactFrame('plain text ;1H'), 'plain text ;1H');
});

test('a reset followed at once by colours becomes one sequence; a reset before anything else stays', () => {
  assert.equal(compactFrame('a\x1b[m\x1b[38;5;245m6\x1b[m\x1b[1;38;5;81m | q'), 'a\x1b[0;38;5;245m6\x1b[0;1;38;5;81m | q');
  assert.equal(compactFrame('x\x1b[m\x1b[13;69H9\x1b[m'), 'x\x1b[m\x1b[13;69H9\x1b[m', 'a cursor move after a reset is not a colour');
});

test('compactScreenOutput sends every write through compactFrame', () => {
  const written: string[] = [];
  const program = { _write: (text: string) => void written.push(text) };
  compactScreenOutput(program);
  program._write('\x1b[7;1H\x1b[7;15Hz');
  assert.deepEqual(written, ['\x1b[7;15Hz']);
});

type Cell = [number, string];
const cells = (text: string, attr = 7): Cell[] => [...text].map((ch) => [attr, ch]);
const marked = (drawn: Cell[]): string => drawn.map(([attr]) => (attr === -1 ? '^' : '.')).join('');

test('a short run of unchanged plain cells between changes is marked for rewriting when that is cheaper than a cursor move', () => {
  const D = 7;
  // "now 4.5 %" -> "now 5.0 %": the '.' between the two changed digits is rewritten (1 byte) instead of skipped (ESC[1C, 4 bytes).
  let drawn = cells('now 4.5 %');
  fillShortGaps(cells('now 5.0 %'), drawn, D);
  assert.equal(marked(drawn), '.....^...');
  // Runs of 1-3 cells cost less than ESC[nC; 4 cells cost as much, so they stay skipped. Leading and trailing runs are never touched.
  drawn = cells('a1234b1c12d');
  fillShortGaps(cells('Z1234Y1X12W'), drawn, D);
  assert.equal(marked(drawn), '......^.^^.');
  drawn = cells('ab12');
  fillShortGaps(cells('aX12'), drawn, D);
  assert.equal(marked(drawn), '....');
  // A run in another attribute would need a colour code, and a non-ASCII run more than one byte a cell: both stay skipped.
  drawn = [...cells('4'), ...cells('.', 9), ...cells('5')];
  fillShortGaps(cells('505'), drawn, D);
  assert.equal(marked(drawn), '...');
  drawn = cells('4█5');
  fillShortGaps(cells('5█0'), drawn, D);
  assert.equal(marked(drawn), '...');
});

test('on a real blessed screen a changed figure is written whole, and the terminal shows the same text', async () => {
  const vt = new VirtualTerminal(40, 5);
  const screen = createScreen({ input: vt.input, output: vt.output, term: 'xterm-256color', env: { LANG: 'C.UTF-8' } });
  try {
    const box = blessed.box({ parent: screen, top: 1, left: 2, width: 30, height: 1, content: 'now 4.5 % (123 of 456)' });
    screen.render();
    await vt.waitForWrites();
    const before = vt.output.written.length;
    box.setContent('now 5.0 % (124 of 459)');
    screen.render();
    await vt.waitForWrites();
    const frame = vt.output.written.slice(before);
    assert.match(frame, /5\.0/, 'the digits and the dot between them are written in one run');
    assert.doesNotMatch(frame, /\x1b\[1C/, 'no one-cell cursor move is left');
    assert.equal(vt.screenText()[1]!.trimEnd(), '  now 5.0 % (124 of 459)');
  } finally {
    screen.destroy();
  }
});
