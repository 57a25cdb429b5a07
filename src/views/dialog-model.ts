// Overlays: the apply confirmation (file, key, old and new value, diff), messages and help.
import type { Dialog } from '../app/ui-state.js';
import { toDetailModel, type DetailInput } from './detail-model.js';
import type { DialogModel, Line } from './model.js';

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

/** How far the help can scroll when `rows` terminal rows leave room for only part of it. */
export function helpMaxOffset(rows: number): number {
  const room = helpRoom(rows);
  // When it scrolls, one line of the room says so.
  return HELP.length <= room ? 0 : HELP.length - (room - 1);
}

/** Lines of help a dialog on `rows` rows shows: the dialog is at most rows - 2 high, with a border. */
function helpRoom(rows: number): number {
  return Math.max(1, rows - 4);
}

function helpModel(offset: number, rows: number): DialogModel {
  const room = helpRoom(rows);
  const start = Math.min(offset, helpMaxOffset(rows));
  const shown = HELP.length > room ? HELP.slice(start, start + room - 1) : HELP;
  const lines: Line[] = shown.map(([key, what]) => [
    { text: key.padEnd(14), tone: 'title' },
    { text: what, tone: 'normal' },
  ]);
  if (shown.length < HELP.length) lines.push([{ text: `j/k scroll: keys ${start + 1}-${start + shown.length} of ${HELP.length}`, tone: 'muted' }]);
  return { title: 'Keys', tone: 'title', lines, fixedRows: true };
}

/** The overlay for `dialog` on a terminal `rows` high; `detail` feeds the operation detail. */
export function toDialogModel(dialog: Dialog | null, rows = Infinity, detail?: DetailInput): DialogModel | null {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'help':
      return helpModel(dialog.offset, rows);
    case 'detail':
      return toDetailModel(detail ?? { key: null, stats: undefined, cameras: [], bar: '#' });
    case 'message':
      return { title: dialog.title, tone: dialog.tone, lines: dialog.lines.map((text) => [{ text, tone: 'normal' }]) };
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
        ...dialog.diff.split('\n').filter((l) => l.length > 0).map((l): Line => [
          { text: l, tone: l.startsWith('+') && !l.startsWith('+++') ? 'ok' : l.startsWith('-') && !l.startsWith('---') ? 'critical' : 'muted' },
        ]),
      ];
      // A footer: on a small terminal the diff is cut, never the keys that answer the question.
      const footer: Line[] = [
        [{ text: 'y', tone: 'title' }, { text: ' apply (a backup is kept)', tone: 'normal' }],
        [{ text: 'n/Esc', tone: 'title' }, { text: ' cancel', tone: 'normal' }],
      ];
      return { title: `Apply ${dialog.plan.actionId}?`, tone: 'warning', lines, footer };
    }
  }
}
