// Pure key handling for navigation and overlays; keys that act on the world are left to the app.
import type { KeyName } from './ui-port.js';
import type { UiState } from './ui-state.js';

/** What the app must do after a key, beyond the new UI state. */
export type KeyEffect = 'none' | 'quit' | 'plan-selected' | 'apply-confirmed';

export function reduceKey(state: UiState, key: KeyName, suggestionCount: number): { state: UiState; effect: KeyEffect } {
  if (key === 'C-c' || (key === 'q' && state.dialog?.kind !== 'confirm')) return { state, effect: 'quit' };
  const dialog = state.dialog;
  if (dialog) {
    if (dialog.kind === 'confirm') {
      if (key === 'y') return { state, effect: 'apply-confirmed' };
      if (key === 'n' || key === 'escape' || key === 'q') return { state: { ...state, dialog: null }, effect: 'none' };
      return { state, effect: 'none' };
    }
    // Help and messages close on any key, so nobody is ever stuck in an overlay.
    return { state: { ...state, dialog: null }, effect: 'none' };
  }
  switch (key) {
    case '?':
      return { state: { ...state, dialog: { kind: 'help' } }, effect: 'none' };
    case 'up':
    case 'k':
      return { state: { ...state, selectedSuggestion: Math.max(0, Math.min(state.selectedSuggestion, suggestionCount - 1) - 1) }, effect: 'none' };
    case 'down':
    case 'j':
      return { state: { ...state, selectedSuggestion: Math.max(0, Math.min(state.selectedSuggestion + 1, suggestionCount - 1)) }, effect: 'none' };
    case 'a':
      return { state, effect: 'plan-selected' };
    default:
      return { state, effect: 'none' };
  }
}
