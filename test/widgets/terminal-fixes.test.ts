import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { blessedTerminalName, compactFrame, compactScreenOutput, withoutExitHandlers, withQuietConsole } from '../../widgets/terminal-fixes.js';

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

test('compactScreenOutput sends every write through compactFrame', () => {
  const written: string[] = [];
  const program = { _write: (text: string) => void written.push(text) };
  compactScreenOutput(program);
  program._write('\x1b[7;1H\x1b[7;15Hz');
  assert.deepEqual(written, ['\x1b[7;15Hz']);
});
