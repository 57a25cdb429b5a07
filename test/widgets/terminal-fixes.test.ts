import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { blessedTerminalName, withoutExitHandlers, withQuietConsole } from '../../widgets/terminal-fixes.js';

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
