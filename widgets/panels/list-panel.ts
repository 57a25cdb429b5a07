// Alerts and Suggestions panels: lines of spans; the selected one carries the theme's marker and tone.
import type blessed from 'blessed';
import type { ListModel } from '../../src/views/model.js';
import { textWidth } from '../../src/views/text-width.js';
import { lineTags, scrollStart, toneText, wrapText } from '../markup.js';
import type { Theme } from '../theme.js';
import { createLinesPanel, type LinesPanel } from './panel-box.js';

/**
 * Tagged lines for a list inside a `width` x `height` interior. Every line gets a gutter as wide
 * as the marker, so text does not shift when the selection moves or appears.
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
  return model.lines.slice(start, start + height).map((line, i) => {
    if (start + i !== model.selectedIndex) return gutter + lineTags(line, theme, textRoom);
    return toneText(marker, 'selected', theme) + lineTags(line, theme, textRoom, { tone: 'selected', pad: true });
  });
}

export type ListPanel = LinesPanel<ListModel>;

export function createListPanel(screen: blessed.Widgets.Screen, theme: Theme): ListPanel {
  return createLinesPanel(screen, theme, listLines);
}
