// The one-line status bar at the bottom of the screen.
import type blessed from 'blessed';
import type { Line, Rect } from '../../src/views/model.js';
import { lineTags } from '../markup.js';
import type { Theme } from '../theme.js';
import { createPanelBox } from './panel-box.js';

export type StatusLine = { render(line: Line, rect: Rect): void; hide(): void; destroy(): void };

export function createStatusLine(screen: blessed.Widgets.Screen, theme: Theme): StatusLine {
  const panel = createPanelBox(screen, theme, false);
  return {
    render(line, rect) {
      panel.place({ ...rect, height: 1 });
      panel.setLines([lineTags(line, theme, rect.width)]);
      panel.show();
    },
    hide: () => panel.hide(),
    destroy: () => panel.destroy(),
  };
}
