import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyName, keyNames } from '../../widgets/key-name.js';

test('printable characters come through as themselves, shifted ones included', () => {
  assert.equal(keyName('q', { name: 'q', full: 'q' }), 'q');
  assert.equal(keyName('A', { name: 'a', full: 'S-a', shift: true }), 'A');
  assert.equal(keyName('?', { full: '?' }), '?');
  assert.equal(keyName(' ', { name: 'space', full: 'space' }), ' ');
});

test('other keys by blessed name, with C-/M-/S- prefixes', () => {
  assert.equal(keyName(undefined, { name: 'up', full: 'up' }), 'up');
  assert.equal(keyName('\x03', { name: 'c', ctrl: true, full: 'C-c' }), 'C-c');
  assert.equal(keyName('\t', { name: 'tab', full: 'tab' }), 'tab');
  assert.equal(keyName(undefined, { name: 'tab', shift: true, full: 'S-tab' }), 'S-tab');
  assert.equal(keyName('\x1b', { name: 'escape', full: 'escape' }), 'escape');
  assert.equal(keyName('x', { name: 'x', meta: true, full: 'M-x' }), 'M-x');
});

test('Enter counts once: blessed\'s own "return" is dropped, its "enter" kept; linefeed is Enter', () => {
  assert.equal(keyName('\r', { name: 'return', full: 'return' }), null);
  assert.equal(keyName('\r', { name: 'enter', full: 'enter' }), 'enter');
  assert.equal(keyName('\n', { name: 'linefeed', full: 'linefeed' }), 'enter');
});

test('Escape and a key read together (blessed says Alt and the key) are the two keys: zoomtop binds no Alt keys', () => {
  assert.deepEqual(keyNames('q', { name: 'q', meta: true, full: 'M-q', sequence: '\x1bq' }), ['escape', 'q']);
  assert.deepEqual(keyNames('A', { name: 'a', meta: true, shift: true, full: 'M-S-a', sequence: '\x1bA' }), ['escape', 'A']);
  assert.deepEqual(keyNames(undefined, { name: 'up', meta: true, full: 'M-up', sequence: '\x1b\x1b[A' }), ['M-up'], 'Alt with a named key stays as blessed names it');
  assert.deepEqual(keyNames('\r', { name: 'return', full: 'return', sequence: '\r' }), []);
  assert.deepEqual(keyNames('q', { name: 'q', full: 'q', sequence: 'q' }), ['q']);
});
