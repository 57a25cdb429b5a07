// Shown alone when the terminal is below the smallest usable size: the message, wrapped and centred.
import type blessed from 'blessed';
import { textWidth } from '../../src/views/text-width.js';
import { toneText, wrapText } from '../markup.js';
import type { Theme } from '../theme.js';
import { createPanelBox } from './panel-box.js';

/** The message's lines, each padded so it sits in the middle of a `cols` x `rows` screen. */
export function tooSmallLines(message: string, cols: number, rows: number, theme: Theme): string[] {
  const wrapped = wrapText(message, cols).slice(0, rows);
  const top = Math.floor((rows - wrapped.length) / 2);
  const centred = wrapped.map((line) => ' '.repeat(Math.floor((cols - textWidth(line)) / 2)) + toneText(line, 'warning', theme));
  return [...Array<string>(top).fill(''), ...centred];
}

export type TooSmall = { render(message: string, cols: number, rows: number): void; hide(): void; destroy(): void };

export function createTooSmall(screen: blessed.Widgets.Screen, theme: Theme): TooSmall {
  const panel = createPanelBox(screen, theme, false);
  return {
    render(message, cols, rows) {
      panel.place({ left: 0, top: 0, width: cols, height: rows });
      panel.setLines(tooSmallLines(message, cols, rows, theme));
      panel.show();
      panel.box.setFront();
    },
    hide: () => panel.hide(),
    destroy: () => panel.destroy(),
  };
}
