import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reduceKey } from '../../src/app/ui-reducer.js';
import { initialUiState, type UiState } from '../../src/app/ui-state.js';

const confirm: UiState = {
  selectedSuggestion: 0,
  dialog: { kind: 'confirm', plan: { actionId: 'lower-resolution', file: 'f', patches: [], summary: 's' }, diff: '', evidence: '', newText: '', expectedHash: 'h' },
};

test('q and Ctrl-C quit; q inside a confirmation cancels it instead', () => {
  assert.equal(reduceKey(initialUiState, 'q', 0).effect, 'quit');
  assert.equal(reduceKey(initialUiState, 'C-c', 0).effect, 'quit');
  assert.equal(reduceKey(confirm, 'C-c', 0).effect, 'quit');
  const r = reduceKey(confirm, 'q', 0);
  assert.deepEqual([r.effect, r.state.dialog], ['none', null]);
});

test('a plans, y applies only from a confirmation, n and Esc cancel', () => {
  assert.equal(reduceKey(initialUiState, 'a', 1).effect, 'plan-selected');
  assert.equal(reduceKey(initialUiState, 'y', 1).effect, 'none');
  assert.equal(reduceKey(confirm, 'y', 1).effect, 'apply-confirmed');
  assert.equal(reduceKey(confirm, 'n', 1).state.dialog, null);
  assert.equal(reduceKey(confirm, 'escape', 1).state.dialog, null);
  assert.equal(reduceKey(confirm, 'x', 1).state, confirm);
});

test('arrows and j/k move the selection within the list', () => {
  let state = initialUiState;
  for (const key of ['down', 'j', 'down', 'down']) state = reduceKey(state, key, 3).state;
  assert.equal(state.selectedSuggestion, 2);
  for (const key of ['up', 'k', 'up']) state = reduceKey(state, key, 3).state;
  assert.equal(state.selectedSuggestion, 0);
});

test('? opens help and any key closes it', () => {
  const help = reduceKey(initialUiState, '?', 0).state;
  assert.deepEqual(help.dialog, { kind: 'help' });
  assert.equal(reduceKey(help, 'x', 0).state.dialog, null);
});
