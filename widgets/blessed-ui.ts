// The UiPort on a real terminal: draws each DashboardModel with blessed and forwards keys and resizes.
import type { KeyName, TerminalSize, UiPort } from '../src/app/ui-port.js';
import type { DashboardModel } from '../src/views/model.js';
import { createScreen, type ScreenOptions } from './create-screen.js';
import { keyName, type BlessedKey } from './key-name.js';
import { createChartPanel } from './panels/chart-panel.js';
import { createDialog } from './panels/dialog.js';
import { createListPanel } from './panels/list-panel.js';
import { createStatusLine } from './panels/status-line.js';
import { createTablePanel } from './panels/table-panel.js';
import { createTooSmall } from './panels/too-small.js';
import type { Theme } from './theme.js';

export type BlessedUiOptions = ScreenOptions & {
  /** Colours and glyphs; see loadTheme and chooseThemeName. */
  theme: Theme;
};

/**
 * Opens the screen (alternate buffer, raw keys, hidden cursor) on the given streams.
 * Installs no signal handlers: the app must call destroy() on SIGTERM/SIGHUP/SIGINT and on crashes.
 */
export function createBlessedUi(options: BlessedUiOptions): UiPort {
  const { theme } = options;
  const screen = createScreen(options);
  // Creation order is drawing order: the dialog and the too-small notice stay on top.
  const panels = {
    cpu: createChartPanel(screen, theme),
    memory: createChartPanel(screen, theme),
    gpu: createChartPanel(screen, theme),
    operations: createTablePanel(screen, theme),
    alerts: createListPanel(screen, theme),
    suggestions: createListPanel(screen, theme),
    status: createStatusLine(screen, theme),
  };
  const dialog = createDialog(screen, theme);
  const tooSmall = createTooSmall(screen, theme);
  const keyHandlers: ((key: KeyName) => void)[] = [];
  const resizeHandlers: ((size: TerminalSize) => void)[] = [];
  let destroyed = false;

  const size = (): TerminalSize => ({ cols: Number(screen.width), rows: Number(screen.height) });

  screen.on('keypress', (ch: string | undefined, key: BlessedKey | undefined) => {
    const name = keyName(ch, key);
    if (name !== null) for (const handler of keyHandlers) handler(name);
  });
  screen.on('resize', () => {
    const now = size();
    for (const handler of resizeHandlers) handler(now);
  });

  const draw = (model: DashboardModel): void => {
    if (model.tooSmall !== null) {
      for (const panel of Object.values(panels)) panel.hide();
      dialog.hide();
      tooSmall.render(model.tooSmall, model.cols, model.rows);
      return;
    }
    tooSmall.hide();
    const { layout } = model;
    panels.cpu.render(model.cpu, layout.cpu);
    panels.memory.render(model.memory, layout.memory);
    panels.gpu.render(model.gpu, layout.gpu);
    panels.operations.render(model.operations, layout.operations);
    panels.alerts.render(model.alerts, layout.alerts);
    panels.suggestions.render(model.suggestions, layout.suggestions);
    panels.status.render(model.status, layout.status);
    dialog.render(model.dialog, model.cols, model.rows);
  };

  return {
    size,
    render(model) {
      if (destroyed) return;
      draw(model);
      screen.render();
    },
    onKey: (handler) => void keyHandlers.push(handler),
    onResize: (handler) => void resizeHandlers.push(handler),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      // leave(): keypad off, cursor shown, main screen; then raw mode off and input paused.
      screen.destroy();
    },
  };
}
