// What the operator has selected and opened; changed only by the reducer in ui-reducer.ts.
import type { ActionPlan } from '../actions/types.js';

export type Dialog =
  | { kind: 'help' }
  /** A planned change waiting for y/n; expectedHash guards against the file changing before apply. */
  | { kind: 'confirm'; plan: ActionPlan; diff: string; evidence: string; newText: string; expectedHash: string }
  | { kind: 'message'; title: string; lines: string[]; tone: 'ok' | 'warning' | 'critical' };

export type UiState = {
  selectedSuggestion: number;
  dialog: Dialog | null;
};

export const initialUiState: UiState = { selectedSuggestion: 0, dialog: null };
