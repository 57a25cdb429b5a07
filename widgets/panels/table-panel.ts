// Operations panel: a header from the columns, then rows of spans; the selected row is highlighted.
import type blessed from 'blessed';
import type { TableModel } from '../../src/views/model.js';
import { fitToWidth } from '../../src/views/text-width.js';
import { lineTags, scrollStart, toneText, wrapText } from '../markup.js';
import type { Theme } from '../theme.js';
import { createLinesPanel, type LinesPanel } from './panel-box.js';

/**
 * Tagged lines for a table inside a `width` x `height` interior. Row spans are drawn as given,
 * one after another: the view has already cut cells and put the separators in (one space
 * before each column after the first), which is how the header is joined here too.
 */
export function tableLines(model: TableModel, width: number, height: number, theme: Theme): string[] {
  if (width <= 0 || height <= 0) return [];
  const header = model.columns.map((c) => fitToWidth(c.header, c.width, c.align, theme.glyphs.ellipsis)).join(' ');
  const lines = [lineTags([{ text: header, tone: 'muted' }], theme, width)];
  const visible = height - 1;
  if (model.rows.length === 0) {
    return [...lines, ...wrapText(model.empty, width).slice(0, visible).map((text) => toneText(text, 'muted', theme))];
  }
  const start = scrollStart(model.selectedIndex, visible, model.rows.length);
  model.rows.slice(start, start + visible).forEach((row, i) => {
    const selected = start + i === model.selectedIndex;
    lines.push(lineTags(row, theme, width, selected ? { tone: 'selected', pad: true } : {}));
  });
  return lines;
}

export type TablePanel = LinesPanel<TableModel>;

export function createTablePanel(screen: blessed.Widgets.Screen, theme: Theme): TablePanel {
  return createLinesPanel(screen, theme, tableLines);
}
