// Alerts and Suggestions panels: lines of spans; the selected one carries the theme's marker and tone.
import type blessed from 'blessed';
import type { ListModel } from '../../src/views/model.js';
import { textWidth } from '../../src/views/text-width.js';
import { wrapLine } from '../../src/views/wrap-line.js';
import { lineTags, lineWidth, scrollStart, toneText, wrapText } from '../markup.js';
import type { Theme } from '../theme.js';
import { createLinesPanel, type LinesPanel } from './panel-box.js';

/**
 * Tagged lines for a list inside a `width` x `height` interior. Every line gets a gutter as wide
 * as the marker, so text does not shift when the selection moves or appears. Rows left over after
 * one row per line go to long lines, from the top, so a message is read whole where there is room;
 * a line with fewer spare rows than it needs takes those and is cut on the last. The same lines
 * show as without wrapping.
 */
export function listLines(model: ListModel, width: number, height: number, theme: Theme): string[] {
  if (width <= 0 || height <= 0) return [];
  if (model.lines.length === 0) {
    return wrapText(model.empty, width).slice(0, height).map((text) => toneText(text, 'muted', theme));
  }
  const marker = `${theme.glyphs.selection} `;
  const gutter = ' '.repeat(textWidth(marker));
  const textRoom = Math.max(0, width - textWidth(marker));
  const start = scrollStart(model.selectedIndex, height, model.lines.length);
  const shown = model.lines.slice(start, start + height);
  let spare = height - shown.length;
  return shown.flatMap((line, i) => {
    let rows = [line];
    if (spare > 0 && lineWidth(line) > textRoom) {
      rows = wrapLine(line, textRoom, model.wrapIndent, spare + 1);
      spare -= rows.length - 1;
    }
    if (start + i !== model.selectedIndex) return rows.map((row) => gutter + lineTags(row, theme, textRoom));
    return rows.map((row, r) => (r === 0 ? toneText(marker, 'selected', theme) : gutter) + lineTags(row, theme, textRoom, { tone: 'selected', pad: true }));
  });
}

export type ListPanel = LinesPanel<ListModel>;

export function createListPanel(screen: blessed.Widgets.Screen, theme: Theme): ListPanel {
  return createLinesPanel(screen, theme, listLines);
}
