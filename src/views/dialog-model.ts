// Overlays: the apply confirmation (file, key, old and new value, diff), messages and help.
import type { Dialog } from '../app/ui-state.js';
import { toDetailModel, type DetailInput } from './detail-model.js';
import { answerRows, dialogRoom, dialogWidth, footerRow } from './dialog-size.js';
import type { DialogModel, Line } from './model.js';
import { textWidth } from './text-width.js';
import { wrapLine } from './wrap-line.js';

/** Every key, as the help overlay lists it; the README's key table says the same. */
export const HELP: readonly [string, string][] = [
  ['q', 'quit (stops the demo, restores the terminal)'],
  ['Ctrl-C', 'quit too (exit status 130, as for an interrupt)'],
  ['?', 'this help; j/k scroll it, any other key closes'],
  ['Tab, S-Tab', 'focus the next / previous panel'],
  ['up/down, j/k', 'move the selection (PgUp, PgDn, Home, End)'],
  ['Enter', 'detail of the selected operation'],
  ['s', 'sort operations: p95, avg, rate, errors, name'],
  ['/', 'filter operations by text; Esc clears'],
  ['z', 'zoom the focused panel; z or Esc again: back'],
  ['p', 'pause the display (sampling goes on)'],
  ['+ / -', 'sample less / more often'],
  ['e', 'export a snapshot as JSON (path shown)'],
  ['c', 'clear the alert log (alerts still active stay)'],
  ['t', 'next theme'],
  ['a', "preview the selected suggestion's action"],
  ['y / n, Esc', 'apply the previewed change / cancel'],
  ['u', 'undo the last applied change (byte for byte)'],
  ['h', 'history: applied actions and their measured effects'],
  ['i', 'sources: what each one reads, its health, StatsD rejects'],
  ['A', 'auto mode on/off: apply automated actions within limits'],
];

/** `lines` wrapped as the dialog will wrap them, and how far they scroll when they outgrow the room (one row of it says so). */
function scrollRows(title: string, lines: Line[], cols: number, rows: number): { rows: Line[]; room: number; maxOffset: number } {
  const inner = dialogWidth(title, lines, cols) - 4;
  const wrapped = lines.flatMap((line) => wrapLine(line, inner));
  const room = dialogRoom(rows);
  return { rows: wrapped, room, maxOffset: wrapped.length <= room ? 0 : wrapped.length - (room - 1) };
}

/**
 * `whole` when its lines fit the terminal; else the rows of `body` (its lines without any closing
 * hint) at `offset`, and a last row from `hint` saying which rows show and how to scroll. The model
 * carries how far it scrolls (maxOffset), which the keys are bounded by.
 */
function scrolled(whole: DialogModel, body: Line[], offset: number, cols: number, rows: number, hint: (first: number, last: number, of: number) => string): DialogModel {
  if (!Number.isFinite(cols) || !Number.isFinite(rows)) return whole;
  if (scrollRows(whole.title, whole.lines, cols, rows).maxOffset === 0) return whole;
  const { rows: wrapped, room, maxOffset } = scrollRows(whole.title, body, cols, rows);
  const start = Math.min(offset, maxOffset);
  const shown = wrapped.slice(start, start + room - 1);
  // The width the rows were wrapped for, so the dialog does not narrow and widen as they scroll.
  const width = dialogWidth(whole.title, body, cols);
  return { ...whole, lines: [...shown, [{ text: hint(start + 1, start + shown.length, wrapped.length), tone: 'muted' }]], fixedRows: true, maxOffset, width };
}

/**
 * The apply question whole when it fits; else its rows at `offset`, a row saying how to scroll, and
 * the answers one row each (no blank row before them). Too short for two rows of text, the widget cuts it.
 */
function scrolledQuestion(whole: DialogModel & { width: number; footer: Line[] }, offset: number, rows: number): DialogModel {
  if (!Number.isFinite(rows)) return whole;
  const answers = answerRows(whole.footer, whole.width - 4).length;
  const room = dialogRoom(rows);
  if (whole.lines.length + 1 + answers <= room) return whole;
  const bodyRoom = room - answers - 1;
  if (bodyRoom < 2) return whole;
  const maxOffset = whole.lines.length - bodyRoom;
  const start = Math.min(offset, maxOffset);
  const shown = whole.lines.slice(start, start + bodyRoom);
  return { ...whole, lines: [...shown, [{ text: `j/k: ${start + 1}-${start + shown.length} of ${whole.lines.length}`, tone: 'muted' }]], maxOffset };
}

/** A message; when it is longer than the terminal, the part at its offset and a row saying how to scroll. */
function messageModel(dialog: Extract<Dialog, { kind: 'message' }>, cols: number, rows: number): DialogModel {
  const lines: Line[] = dialog.lines.map((text) => [{ text, tone: 'normal' }]);
  const whole: DialogModel = { title: dialog.title, tone: dialog.tone, lines };
  return scrolled(whole, lines, dialog.offset ?? 0, cols, rows, (a, b, n) => `j/k: ${a}-${b} of ${n}; other keys close`);
}

/** The operation detail; on a short terminal j/k scroll it (up/down still page through operations). */
function detailModel(detail: DetailInput | undefined, offset: number, cols: number, rows: number): DialogModel {
  // A bar row is 14 cells of label and figure, then the bar; the dialog's interior is at most cols - 6.
  const barCells = Number.isFinite(cols) ? Math.max(8, Math.min(30, cols - 6 - 14)) : undefined;
  const whole = toDetailModel({ ...(detail ?? { key: null, stats: undefined, cameras: [], bar: '#' }), barCells });
  // Its last two lines are a blank and its key hint, which the scroll row takes over.
  return scrolled(whole, whole.lines.slice(0, -2), offset, cols, rows, (a, b, n) => `j/k: ${a}-${b} of ${n}; up/down: next`);
}

/** The key list, one key a row, wrapped under its description on a narrow terminal and scrolled on a short one. */
function helpModel(offset: number, cols: number, rows: number): DialogModel {
  const lines: Line[] = HELP.map(([key, what]) => [
    { text: key.padEnd(14), tone: 'title' },
    { text: what, tone: 'normal' },
  ]);
  return scrolled({ title: 'Keys', tone: 'title', lines }, lines, offset, cols, rows, (a, b, n) => `j/k: ${a}-${b} of ${n}; other keys close`);
}

/**
 * One diff line in rows of at most `width` cells, toned as removed, added or context. A wrapped
 * removed or added line repeats its - or + on every row: a bare continuation read as an unchanged line.
 */
function diffRows(text: string, width: number): Line[] {
  const tone = text.startsWith('+') && !text.startsWith('+++') ? 'ok' : text.startsWith('-') && !text.startsWith('---') ? 'critical' : 'muted';
  if (textWidth(text) <= width) return [[{ text, tone }]];
  if (tone === 'muted') return wrapLine([{ text, tone }], width);
  return wrapLine([{ text: text.slice(1), tone }], width - 1).map((row) => [{ text: text[0]!, tone }, ...row]);
}

/** The overlay for `dialog` on a terminal `rows` high; `detail` feeds the operation detail. */
export function toDialogModel(dialog: Dialog | null, rows = Infinity, detail?: DetailInput, cols = Infinity): DialogModel | null {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'help':
      return helpModel(dialog.offset, cols, rows);
    case 'detail':
      return detailModel(detail, dialog.offset ?? 0, cols, rows);
    case 'message':
      return messageModel(dialog, cols, rows);
    case 'confirm': {
      // The change itself leads, not the title: a title is cut to one row, and on a small terminal the
      // first lines are all there is room for.
      const lines: Line[] = [
        [{ text: dialog.plan.summary, tone: 'title' }],
        [{ text: 'file  ', tone: 'muted' }, { text: dialog.plan.file, tone: 'normal' }],
        ...dialog.plan.patches.map((p): Line => [
          { text: 'key   ', tone: 'muted' },
          { text: p.path.join('.'), tone: 'normal' },
          { text: `  ${JSON.stringify(p.from)} -> ${JSON.stringify(p.to)}`, tone: 'title' },
        ]),
        [{ text: 'why   ', tone: 'muted' }, { text: dialog.evidence, tone: 'normal' }],
        [{ text: '', tone: 'normal' }],
      ];
      const diff = dialog.diff.split('\n').filter((l) => l.length > 0);
      // A footer: on a small terminal the diff is cut, never the keys that answer the question.
      const footer: Line[] = [
        [{ text: 'y', tone: 'title' }, { text: ' apply (a backup is kept)', tone: 'normal' }],
        [{ text: 'n/Esc', tone: 'title' }, { text: ' cancel', tone: 'normal' }],
      ];
      const title = `Apply ${dialog.plan.actionId}?`;
      if (!Number.isFinite(cols)) return { title, tone: 'warning', lines: [...lines, ...diff.map((l) => diffRows(l, Infinity)[0]!)], footer };
      // Wrapped here rather than by the widget, so that a diff line's continuation keeps its - or +.
      const width = dialogWidth(title, [...lines, ...diff.map((l): Line => [{ text: l, tone: 'normal' }]), footerRow(footer)], cols);
      const body = [...lines.flatMap((line) => wrapLine(line, width - 4)), ...diff.flatMap((l) => diffRows(l, width - 4))];
      return scrolledQuestion({ title, tone: 'warning', lines: body, footer, fixedRows: true, width }, dialog.offset ?? 0, rows);
    }
  }
}
