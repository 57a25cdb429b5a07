// How wide a dialog is and how many rows of text it has: shared by the view, which scrolls long text, and the widget, which draws it.
import type { Line } from './model.js';
import { lineWidth, textWidth } from './text-width.js';

/** Narrowest dialog interior, so a one-word question still looks like a dialog. */
export const MIN_INNER_COLS = 24;

/** Width of a dialog holding `title` and `lines` on a `cols`-wide screen: its text, padding and border, never past the edges. */
export function dialogWidth(title: string, lines: readonly Line[], cols: number): number {
  const widest = Math.max(MIN_INNER_COLS, textWidth(title) + 4, ...lines.map(lineWidth));
  // Interior plus one space of padding each side plus the border.
  return Math.max(4, Math.min(cols - 2, widest + 4));
}

/** A dialog's answers side by side, three spaces apart: one row when it fits. */
export function footerRow(answers: readonly Line[]): Line {
  return answers.flatMap((answer, i) => (i === 0 ? answer : [{ text: '   ', tone: 'normal' as const }, ...answer]));
}

/** The answers as the dialog shows them: side by side in one row when that fits `inner` cells, else one row each (cut, never split from its key). */
export function answerRows(answers: readonly Line[], inner: number): Line[] {
  const row = footerRow(answers);
  return lineWidth(row) <= inner ? [row] : [...answers];
}

/** Rows of text a dialog on a `rows`-high screen can show: it is at most rows - 2 high, with a border. */
export function dialogRoom(rows: number): number {
  return Math.max(1, rows - 4);
}
