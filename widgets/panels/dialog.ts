// A centred bordered box over everything: confirmations and help. Hidden when there is no dialog.
import type blessed from 'blessed';
import type { DialogModel, Rect } from '../../src/views/model.js';
import { answerRows, dialogWidth, footerRow } from '../../src/views/dialog-size.js';
import { wrapLine } from '../../src/views/wrap-line.js';
import { lineTags } from '../markup.js';
import type { Theme } from '../theme.js';
import { blessedColour, createPanelBox } from './panel-box.js';

/** Where the dialog goes on a `cols` x `rows` screen: sized to its text, centred, never past the edges. */
export function dialogRect(model: DialogModel, cols: number, rows: number): Rect {
  const width = model.width !== undefined ? Math.max(4, Math.min(cols - 2, model.width)) : dialogWidth(model.title, [...model.lines, ...(model.footer ? [footerRow(model.footer)] : [])], cols);
  const height = Math.max(3, Math.min(rows - 2, shownLines(model, width, Infinity).length + 2));
  return { left: Math.floor((cols - width) / 2), top: Math.floor((rows - height) / 2), width, height };
}

/** The dialog's lines wrapped to its interior, so a long path or error is read whole rather than cut. */
function wrappedLines(lines: DialogModel['lines'], fixedRows: boolean, width: number): DialogModel['lines'] {
  return fixedRows ? lines : lines.flatMap((line) => wrapLine(line, width - 4));
}

/**
 * What fits in `room` rows: the lines, then a blank row and the footer. When they do not all fit the
 * lines are cut and a row says how many are hidden, so the footer (the keys that answer) always shows.
 */
export function shownLines(model: DialogModel, width: number, room: number): DialogModel['lines'] {
  const body = wrappedLines(model.lines, model.fixedRows ?? false, width);
  if (!model.footer) return body.slice(0, room);
  const answers = answerRows(model.footer, width - 4);
  // Scrolled by the view: its rows already leave room for the answers.
  if (model.maxOffset) return [...body, ...answers].slice(0, room);
  if (body.length + 1 + answers.length <= room) return [...body, [], ...answers];
  if (room <= 0) return [];
  // Short of room: no blank row, and the "more" row only where it leaves two rows of the lines themselves.
  const withMore = room - answers.length - 1;
  const kept = Math.max(0, withMore >= 2 ? withMore : room - answers.length);
  const more: DialogModel['lines'] = withMore >= 2 ? [[{ text: `… ${body.length - kept} more lines`, tone: 'muted' }]] : [];
  return [...body.slice(0, kept), ...more, ...answers].slice(-room);
}

export type Dialog = { render(model: DialogModel | null, cols: number, rows: number): void; hide(): void; destroy(): void };

export function createDialog(screen: blessed.Widgets.Screen, theme: Theme): Dialog {
  const panel = createPanelBox(screen, theme);
  return {
    render(model, cols, rows) {
      if (model === null) return panel.hide();
      const rect = dialogRect(model, cols, rows);
      panel.place(rect);
      panel.setTitle(model.title, model.tone);
      const border = panel.box.style.border as { fg?: string | number } | undefined;
      if (border) border.fg = blessedColour(theme.colors[model.tone].fg);
      const inner = rect.width - 4;
      panel.setLines(shownLines(model, rect.width, rect.height - 2).map((line) => ` ${lineTags(line, theme, inner)}`));
      panel.show();
      panel.box.setFront();
    },
    hide: () => panel.hide(),
    destroy: () => panel.destroy(),
  };
}
