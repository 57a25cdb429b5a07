// What the operator has selected and opened; changed only by the reducer in ui-reducer.ts.
import type { ActionPlan } from '../actions/types.js';

export type Dialog =
  /** The key list; `offset` scrolls it when the terminal is too short to show it whole. */
  | { kind: 'help'; offset: number }
  /** Latency distribution, per-camera split and errors of the selected operation; follows the selection. */
  | { kind: 'detail'; offset?: number }
  /** A planned change waiting for y/n; expectedHash guards against the file changing before apply. */
  | { kind: 'confirm'; plan: ActionPlan; diff: string; evidence: string; newText: string; expectedHash: string; offset?: number }
  /** `offset` scrolls it (j/k) when the terminal is too small to show it whole. */
  | { kind: 'message'; title: string; lines: string[]; tone: 'ok' | 'warning' | 'critical'; offset?: number };

/** Panels that take the focus, in Tab order. */
export const FOCUS_ORDER = ['cpu', 'memory', 'gpu', 'operations', 'alerts', 'suggestions'] as const;
export type FocusPanel = (typeof FOCUS_ORDER)[number];

/** Orders of the Operations table, in the order `s` cycles through them. */
export const SORT_ORDER = ['p95', 'avg', 'rate', 'errors', 'name'] as const;
export type OperationsSort = (typeof SORT_ORDER)[number];

export type UiState = {
  selectedSuggestion: number;
  dialog: Dialog | null;
  focus: FocusPanel;
  /** The focused panel fills the screen. */
  zoomed: boolean;
  /** The display is frozen; sampling, rules and the alert log go on. */
  paused: boolean;
  sort: OperationsSort;
  /** Operations whose "component.operation" contains this text (case-insensitive); '' shows all. */
  filter: string;
  /** Keys are being typed into the filter in the status line. */
  editingFilter: boolean;
  /** "component.operation" of the selected row; null means the first row. Kept by name, so re-sorting does not move it. */
  selectedOperation: string | null;
  /** Auto mode: zoomtop applies automated actions itself, within the auto gate's limits (A, --auto). */
  autoMode: boolean;
};

export const initialUiState: UiState = {
  selectedSuggestion: 0,
  dialog: null,
  focus: 'operations',
  zoomed: false,
  paused: false,
  sort: 'p95',
  filter: '',
  editingFilter: false,
  selectedOperation: null,
  autoMode: false,
};
