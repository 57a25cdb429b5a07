// Pure key handling for navigation, overlays and display modes; keys that act on the world become effects for the app.
import type { KeyName } from './ui-port.js';
import { FOCUS_ORDER, SORT_ORDER, type UiState } from './ui-state.js';

/** What the app must do after a key, beyond the new UI state. */
export type KeyEffect =
  | 'none'
  /** q: exit 0. */
  | 'quit'
  /** Ctrl-C: exit 130, as an interrupted program does. */
  | 'interrupt'
  | 'plan-selected'
  | 'apply-confirmed'
  /** + and -: sample less / more often. */
  | 'interval-longer'
  | 'interval-shorter'
  | 'export'
  | 'clear-alerts'
  | 'next-theme'
  /** u: put the app config back as it was before the last apply. */
  | 'undo'
  /** A: auto mode on or off. */
  | 'toggle-auto'
  /** h: the applied actions and their measured effects. */
  | 'show-history'
  /** i: every source's health and StatsD's intake. */
  | 'show-sources';

/** What the reducer needs to know about the screen's content. */
export type KeyContext = {
  suggestionCount: number;
  /** "component.operation" of the Operations rows, in display order (sorted and filtered). */
  operationKeys: readonly string[];
  /** How far the open dialog (help, a message) can scroll at the current size; 0 when it fits. */
  dialogMaxOffset: number;
};

export type KeyResult = { state: UiState; effect: KeyEffect };

/** Rows a page key moves in the Operations table. */
const PAGE_ROWS = 10;

const EFFECT_KEYS: Record<string, KeyEffect> = {
  a: 'plan-selected',
  '+': 'interval-longer',
  '=': 'interval-longer',
  '-': 'interval-shorter',
  e: 'export',
  c: 'clear-alerts',
  t: 'next-theme',
  u: 'undo',
  A: 'toggle-auto',
  h: 'show-history',
  i: 'show-sources',
};

export function reduceKey(state: UiState, key: KeyName, context: KeyContext): KeyResult {
  if (key === 'C-c') return { state, effect: 'interrupt' };
  if (state.editingFilter) return { state: editFilter(state, key, context), effect: 'none' };
  if (key === 'q' && state.dialog?.kind !== 'confirm') return { state, effect: 'quit' };
  if (state.dialog) return reduceDialog(state, key, context);
  const effect = EFFECT_KEYS[key];
  if (effect) return { state, effect };
  return { state: reduceView(state, key, context), effect: 'none' };
}

function reduceDialog(state: UiState, key: KeyName, context: KeyContext): KeyResult {
  const dialog = state.dialog!;
  const close = { state: { ...state, dialog: null }, effect: 'none' as const };
  switch (dialog.kind) {
    case 'confirm': {
      if (key === 'y') return { state, effect: 'apply-confirmed' };
      if (key === 'n' || key === 'escape' || key === 'q') return close;
      // On a short terminal the question scrolls, so the evidence and the diff can be read before y.
      const step = key === 'down' || key === 'j' ? 1 : key === 'up' || key === 'k' ? -1 : 0;
      if (step === 0 || context.dialogMaxOffset === 0) return { state, effect: 'none' };
      return { state: { ...state, dialog: { ...dialog, offset: Math.min(context.dialogMaxOffset, Math.max(0, (dialog.offset ?? 0) + step)) } }, effect: 'none' };
    }
    case 'help': {
      const step = key === 'down' || key === 'j' ? 1 : key === 'up' || key === 'k' ? -1 : 0;
      if (step === 0) return close;
      const offset = Math.min(context.dialogMaxOffset, Math.max(0, dialog.offset + step));
      return { state: { ...state, dialog: { kind: 'help', offset } }, effect: 'none' };
    }
    case 'detail': {
      // On a terminal too short for it, j/k scroll the detail; the arrows still page through operations.
      const step = context.dialogMaxOffset === 0 ? 0 : key === 'j' ? 1 : key === 'k' ? -1 : 0;
      if (step !== 0) return { state: { ...state, dialog: { kind: 'detail', offset: Math.min(context.dialogMaxOffset, Math.max(0, (dialog.offset ?? 0) + step)) } }, effect: 'none' };
      // The detail follows the selection, so arrows page through operations without closing it; the
      // next one is read from its top.
      const moved = moveOperation(state, key, context);
      return moved ? { state: moved.selectedOperation === state.selectedOperation ? moved : { ...moved, dialog: { kind: 'detail' } }, effect: 'none' } : close;
    }
    case 'message': {
      // A message too long for the terminal scrolls with j/k and the arrows (the view says so in it).
      const step = context.dialogMaxOffset === 0 ? 0 : key === 'down' || key === 'j' ? 1 : key === 'up' || key === 'k' ? -1 : 0;
      if (step !== 0) return { state: { ...state, dialog: { ...dialog, offset: Math.min(context.dialogMaxOffset, Math.max(0, (dialog.offset ?? 0) + step)) } }, effect: 'none' };
      // Messages close on any other key, so nobody is ever stuck in an overlay. A key with a job of its
      // own also does it (u on "Applied" undoes at once): an operator who presses u to revert must
      // never find that the key only closed a message.
      if (key === 'escape' || key === 'enter' || key === 'space') return close;
      return reduceKey(close.state, key, context);
    }
  }
}

/** Keys that only change what is shown. */
function reduceView(state: UiState, key: KeyName, context: KeyContext): UiState {
  switch (key) {
    case '?':
      return { ...state, dialog: { kind: 'help', offset: 0 } };
    case 'tab':
    case 'S-tab': {
      const at = FOCUS_ORDER.indexOf(state.focus);
      const next = (at + (key === 'tab' ? 1 : FOCUS_ORDER.length - 1)) % FOCUS_ORDER.length;
      return { ...state, focus: FOCUS_ORDER[next] ?? 'operations' };
    }
    case 'z':
      return { ...state, zoomed: !state.zoomed };
    case 'p':
      return { ...state, paused: !state.paused };
    case 's':
      return { ...state, sort: SORT_ORDER[(SORT_ORDER.indexOf(state.sort) + 1) % SORT_ORDER.length] ?? 'p95' };
    case '/':
      return { ...state, editingFilter: true, focus: 'operations' };
    case 'escape':
      return { ...state, filter: '', zoomed: false };
    case 'enter':
      if (state.focus !== 'operations' || context.operationKeys.length === 0) return state;
      return { ...state, dialog: { kind: 'detail' }, selectedOperation: context.operationKeys[selectedIndex(state, context)] ?? null };
  }
  if (state.focus === 'operations') return moveOperation(state, key, context) ?? state;
  if (state.focus === 'suggestions') return moveSuggestion(state, key, context.suggestionCount);
  return state;
}

/** Typing into the filter: text and Backspace edit it, Enter keeps it, Esc clears it; arrows still move. */
function editFilter(state: UiState, key: KeyName, context: KeyContext): UiState {
  if (key === 'enter') return { ...state, editingFilter: false };
  if (key === 'escape') return { ...state, editingFilter: false, filter: '' };
  if (key === 'backspace') return { ...state, filter: [...state.filter].slice(0, -1).join('') };
  if ([...key].length === 1) return { ...state, filter: state.filter + key };
  return moveOperation(state, key, context) ?? state;
}

/** Index of the selected Operations row: the named one, else the first. */
export function selectedIndex(state: Pick<UiState, 'selectedOperation'>, context: Pick<KeyContext, 'operationKeys'>): number {
  const at = state.selectedOperation === null ? -1 : context.operationKeys.indexOf(state.selectedOperation);
  return Math.max(0, at);
}

/** The state after a movement key in the Operations table, or null when `key` is not one. */
function moveOperation(state: UiState, key: KeyName, context: KeyContext): UiState | null {
  const keys = context.operationKeys;
  const at = selectedIndex(state, context);
  const last = keys.length - 1;
  const moves: Record<string, number> = { up: at - 1, k: at - 1, down: at + 1, j: at + 1, pageup: at - PAGE_ROWS, pagedown: at + PAGE_ROWS, home: 0, end: last };
  const target = moves[key];
  if (target === undefined) return null;
  if (keys.length === 0) return state;
  return { ...state, selectedOperation: keys[Math.min(last, Math.max(0, target))] ?? null };
}

function moveSuggestion(state: UiState, key: KeyName, count: number): UiState {
  const at = Math.min(state.selectedSuggestion, count - 1);
  if (key === 'up' || key === 'k') return { ...state, selectedSuggestion: Math.max(0, at - 1) };
  if (key === 'down' || key === 'j') return { ...state, selectedSuggestion: Math.max(0, Math.min(at + 1, count - 1)) };
  return state;
}
