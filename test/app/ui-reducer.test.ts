import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reduceKey, type KeyContext } from '../../src/app/ui-reducer.js';
import { initialUiState, type UiState } from '../../src/app/ui-state.js';

const OPS = ['encoder.encode', 'uploader.send', 'camera.capture'];
const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({ suggestionCount: 3, operationKeys: OPS, dialogMaxOffset: 0, ...over });

const confirm: UiState = {
  ...initialUiState,
  dialog: { kind: 'confirm', plan: { actionId: 'lower-resolution', file: 'f', patches: [], summary: 's' }, diff: '', evidence: '', newText: '', expectedHash: 'h' },
};

/** Presses `keys` in order from `state`; returns the last state and every effect. */
function press(state: UiState, keys: string[], context = ctx()): { state: UiState; effects: string[] } {
  const effects: string[] = [];
  for (const key of keys) {
    const r = reduceKey(state, key, context);
    state = r.state;
    effects.push(r.effect);
  }
  return { state, effects };
}

test('q quits, Ctrl-C interrupts (exit 130); q inside a confirmation cancels it instead', () => {
  assert.equal(reduceKey(initialUiState, 'q', ctx()).effect, 'quit');
  assert.equal(reduceKey(initialUiState, 'C-c', ctx()).effect, 'interrupt');
  assert.equal(reduceKey(confirm, 'C-c', ctx()).effect, 'interrupt');
  const r = reduceKey(confirm, 'q', ctx());
  assert.deepEqual([r.effect, r.state.dialog], ['none', null]);
});

test('a plans, y applies only from a confirmation, n and Esc cancel, other keys wait', () => {
  assert.equal(reduceKey(initialUiState, 'a', ctx()).effect, 'plan-selected');
  assert.equal(reduceKey(initialUiState, 'y', ctx()).effect, 'none');
  assert.equal(reduceKey(confirm, 'y', ctx()).effect, 'apply-confirmed');
  assert.equal(reduceKey(confirm, 'n', ctx()).state.dialog, null);
  assert.equal(reduceKey(confirm, 'escape', ctx()).state.dialog, null);
  assert.equal(reduceKey(confirm, 'x', ctx()).state, confirm);
});

test('on a short terminal the question scrolls with j/k and the arrows; y still applies what it shows', () => {
  const scrolled = press(confirm, ['j', 'down', 'j', 'k'], ctx({ dialogMaxOffset: 4 })).state;
  assert.equal(scrolled.dialog?.kind === 'confirm' && scrolled.dialog.offset, 2);
  assert.equal(reduceKey(scrolled, 'y', ctx({ dialogMaxOffset: 4 })).effect, 'apply-confirmed');
  assert.equal(reduceKey(confirm, 'j', ctx()).state, confirm, 'nothing to scroll: j waits');
});

test('keys that act on the world become effects: + = - e c t', () => {
  assert.deepEqual(press(initialUiState, ['+', '=', '-', 'e', 'c', 't']).effects, ['interval-longer', 'interval-longer', 'interval-shorter', 'export', 'clear-alerts', 'next-theme']);
});

test('Tab and Shift-Tab cycle the focus through all six panels, both ways', () => {
  const order: string[] = [];
  let state = initialUiState;
  for (let i = 0; i < 6; i++) order.push((state = reduceKey(state, 'tab', ctx()).state).focus);
  assert.deepEqual(order, ['alerts', 'suggestions', 'cpu', 'memory', 'gpu', 'operations']);
  assert.equal(reduceKey(initialUiState, 'S-tab', ctx()).state.focus, 'gpu');
});

test('arrows and j/k move the Operations selection by name, clamped at both ends; PgDn/Home/End too', () => {
  assert.equal(press(initialUiState, ['down']).state.selectedOperation, 'uploader.send');
  assert.equal(press(initialUiState, ['j', 'j', 'j', 'j']).state.selectedOperation, 'camera.capture');
  assert.equal(press(initialUiState, ['down', 'up', 'k', 'up']).state.selectedOperation, 'encoder.encode');
  assert.equal(press(initialUiState, ['pagedown']).state.selectedOperation, 'camera.capture');
  assert.equal(press(initialUiState, ['end', 'home']).state.selectedOperation, 'encoder.encode');
  // A selected row that moved keeps its selection: the next key moves from where it is now.
  const moved = press({ ...initialUiState, selectedOperation: 'uploader.send' }, ['down'], ctx({ operationKeys: ['uploader.send', 'encoder.encode'] }));
  assert.equal(moved.state.selectedOperation, 'encoder.encode');
  assert.equal(press(initialUiState, ['down'], ctx({ operationKeys: [] })).state.selectedOperation, null);
});

test('in Suggestions the arrows move the suggestion instead, within the list', () => {
  const focused = { ...initialUiState, focus: 'suggestions' as const };
  assert.equal(press(focused, ['down', 'j', 'down', 'down']).state.selectedSuggestion, 2);
  assert.equal(press(focused, ['down', 'down', 'up', 'k', 'up']).state.selectedSuggestion, 0);
  assert.equal(press(focused, ['down']).state.selectedOperation, null, 'the Operations selection stays');
  assert.deepEqual(press({ ...initialUiState, focus: 'cpu' }, ['down']).state, { ...initialUiState, focus: 'cpu' });
});

test('s cycles the sort p95 -> avg -> rate -> errors -> name -> p95; z zooms and back; p pauses and back', () => {
  const sorts = [];
  let state = initialUiState;
  for (let i = 0; i < 5; i++) sorts.push((state = reduceKey(state, 's', ctx()).state).sort);
  assert.deepEqual(sorts, ['avg', 'rate', 'errors', 'name', 'p95']);
  assert.deepEqual([press(initialUiState, ['z']).state.zoomed, press(initialUiState, ['z', 'z']).state.zoomed], [true, false]);
  assert.deepEqual([press(initialUiState, ['p']).state.paused, press(initialUiState, ['p', 'p']).state.paused], [true, false]);
  assert.equal(press(initialUiState, ['z', 'escape']).state.zoomed, false);
});

test('/ types a filter in the status line: q and j are text, Backspace edits, Enter keeps, Esc clears', () => {
  const typing = press({ ...initialUiState, focus: 'cpu' }, ['/', 'e', 'n', 'q', 'j', 'backspace', 'backspace']);
  assert.deepEqual(typing.effects, ['none', 'none', 'none', 'none', 'none', 'none', 'none'], 'q does not quit while typing');
  assert.deepEqual([typing.state.filter, typing.state.editingFilter, typing.state.focus], ['en', true, 'operations']);
  const kept = press(typing.state, ['enter']).state;
  assert.deepEqual([kept.filter, kept.editingFilter], ['en', false]);
  assert.equal(press(kept, ['escape']).state.filter, '', 'Esc outside typing clears the filter too');
  assert.deepEqual(press(typing.state, ['escape']).state.filter, '');
  assert.equal(press(typing.state, ['down']).state.selectedOperation, 'uploader.send', 'arrows still move while typing');
  assert.equal(reduceKey(typing.state, 'C-c', ctx()).effect, 'interrupt');
});

test('Enter opens the detail of the selected operation; arrows move it; any other key closes it', () => {
  const opened = press({ ...initialUiState, selectedOperation: 'uploader.send' }, ['enter']).state;
  assert.deepEqual([opened.dialog, opened.selectedOperation], [{ kind: 'detail' }, 'uploader.send']);
  const first = press(initialUiState, ['enter']).state;
  assert.equal(first.selectedOperation, 'encoder.encode', 'no selection yet: the first row');
  const next = press(opened, ['down']).state;
  assert.deepEqual([next.dialog, next.selectedOperation], [{ kind: 'detail' }, 'camera.capture']);
  assert.equal(press(opened, ['x']).state.dialog, null);
  assert.equal(press({ ...initialUiState, focus: 'alerts' }, ['enter']).state.dialog, null, 'only from Operations');
  assert.equal(press(initialUiState, ['enter'], ctx({ operationKeys: [] })).state.dialog, null, 'nothing to detail');
});

test('? opens help; j/k scroll it within helpMaxOffset; any other key closes it', () => {
  const help = reduceKey(initialUiState, '?', ctx()).state;
  assert.deepEqual(help.dialog, { kind: 'help', offset: 0 });
  assert.deepEqual(press(help, ['j', 'down', 'j', 'j'], ctx({ dialogMaxOffset: 2 })).state.dialog, { kind: 'help', offset: 2 });
  assert.deepEqual(press(help, ['j', 'k', 'up'], ctx({ dialogMaxOffset: 2 })).state.dialog, { kind: 'help', offset: 0 });
  assert.equal(reduceKey(help, 'x', ctx()).state.dialog, null);
  assert.equal(reduceKey(help, 'q', ctx()).effect, 'quit');
});

test('a detail too long for the terminal scrolls with j/k; the arrows still move to the next operation', () => {
  const opened: UiState = { ...initialUiState, dialog: { kind: 'detail' }, selectedOperation: 'encoder.encode' };
  const scrolled = press(opened, ['j', 'j', 'j', 'k'], ctx({ dialogMaxOffset: 5 })).state;
  assert.deepEqual([scrolled.dialog, scrolled.selectedOperation], [{ kind: 'detail', offset: 2 }, 'encoder.encode']);
  assert.deepEqual(press(scrolled, ['down'], ctx({ dialogMaxOffset: 5 })).state.dialog, { kind: 'detail' }, 'the next operation is read from its top');
  assert.equal(press(scrolled, ['down'], ctx({ dialogMaxOffset: 5 })).state.selectedOperation, 'uploader.send');
  assert.equal(press(opened, ['j']).state.selectedOperation, 'uploader.send', 'when it fits, j moves to the next operation as before');
});

test('a message too long for the terminal scrolls with j/k and the arrows; one that fits closes on them', () => {
  const history: UiState = { ...initialUiState, dialog: { kind: 'message', title: 'Action history', tone: 'ok', lines: ['a', 'b', 'c'] } };
  assert.deepEqual(press(history, ['j', 'down', 'j', 'j'], ctx({ dialogMaxOffset: 2 })).state.dialog, { ...history.dialog, offset: 2 });
  assert.deepEqual(press(history, ['j', 'k', 'up'], ctx({ dialogMaxOffset: 2 })).state.dialog, { ...history.dialog, offset: 0 });
  assert.equal(press(history, ['j', 'x'], ctx({ dialogMaxOffset: 2 })).state.dialog, null, 'other keys still close it');
  assert.equal(press(history, ['j']).state.dialog, null, 'nothing to scroll: j closes it and moves the selection');
});

test('a message closes on any key, and a key with a job of its own also does it', () => {
  const applied: UiState = { ...initialUiState, dialog: { kind: 'message', title: 'Applied', tone: 'ok', lines: ['any key closes this'] } };
  for (const key of ['escape', 'enter', 'space', 'x']) assert.deepEqual(press(applied, [key]), { state: initialUiState, effects: ['none'] });
  // u right after "Applied" undoes; the message is gone either way.
  assert.deepEqual(press(applied, ['u']), { state: initialUiState, effects: ['undo'] });
  assert.deepEqual(press(applied, ['h']).effects, ['show-history']);
  assert.equal(press(applied, ['tab']).state.focus, 'alerts');
  assert.deepEqual(press(applied, ['?']).state.dialog, { kind: 'help', offset: 0 });
  assert.deepEqual(press(applied, ['q']).effects, ['quit']);
});
