// The UiPort on a real terminal: draws each DashboardModel with blessed and forwards keys and resizes.
import type blessed from 'blessed';
import type { DashboardUi } from '../src/app/run-dashboard.js';
import type { KeyName, TerminalSize } from '../src/app/ui-port.js';
import type { DashboardModel, PanelId, Rect } from '../src/views/model.js';
import { createScreen, type ScreenOptions } from './create-screen.js';
import { keyNames, type BlessedKey } from './key-name.js';
import { createChartPanel } from './panels/chart-panel.js';
import { createDialog } from './panels/dialog.js';
import { createListPanel } from './panels/list-panel.js';
import { createStatusLine } from './panels/status-line.js';
import { createTablePanel } from './panels/table-panel.js';
import { screenDamage } from './panels/panel-box.js';
import { createTooSmall } from './panels/too-small.js';
import type { Theme } from './theme.js';

export type BlessedUiOptions = ScreenOptions & {
  /** Colours and glyphs; see createThemeCatalog. */
  theme: Theme;
  /** Loads the next theme for the `t` key (it may throw a one-line error). Default: none, and `t` does nothing. */
  nextTheme?: (current: Theme) => Theme;
};

/** Every panel, built for one theme; creation order is drawing order, so the dialog and the too-small notice stay on top. */
function buildPanels(screen: blessed.Widgets.Screen, theme: Theme) {
  return {
    cpu: createChartPanel(screen, theme),
    memory: createChartPanel(screen, theme),
    gpu: createChartPanel(screen, theme),
    operations: createTablePanel(screen, theme),
    alerts: createListPanel(screen, theme),
    suggestions: createListPanel(screen, theme),
    status: createStatusLine(screen, theme),
    dialog: createDialog(screen, theme),
    tooSmall: createTooSmall(screen, theme),
  };
}

type Panels = ReturnType<typeof buildPanels>;

const isEmpty = (rect: Rect): boolean => rect.width <= 0 || rect.height <= 0;

function draw(panels: Panels, model: DashboardModel): void {
  if (model.tooSmall !== null) {
    for (const [name, panel] of Object.entries(panels)) if (name !== 'tooSmall') panel.hide();
    panels.tooSmall.render(model.tooSmall, model.cols, model.rows);
    return;
  }
  panels.tooSmall.hide();
  const { layout } = model;
  const charts = ['cpu', 'memory', 'gpu'] as const;
  const lists = ['alerts', 'suggestions'] as const;
  // A zoomed layout gives the other panels empty rects: they are hidden, not drawn at 0x0.
  const place = (id: PanelId, show: () => void, hide: () => void) => (isEmpty(layout[id]) ? hide() : show());
  for (const id of charts) place(id, () => panels[id].render(model[id], layout[id], model.focus === id), () => panels[id].hide());
  place('operations', () => panels.operations.render(model.operations, layout.operations, model.focus === 'operations'), () => panels.operations.hide());
  for (const id of lists) place(id, () => panels[id].render(model[id], layout[id], model.focus === id), () => panels[id].hide());
  panels.status.render(model.status, layout.status);
  panels.dialog.render(model.dialog, model.cols, model.rows);
}

type RenderableScreen = blessed.Widgets.Screen & { draw(start: number, end: number): void; lines: unknown[] };

/**
 * Draws what changed. blessed's render() redraws every element into its cell buffer each time; at one
 * frame a second most panels (alerts, suggestions, an idle GPU) have not changed, and re-rendering them
 * was most of zoomtop's own CPU time. Panels never overlap, so a box whose cells changed can be rendered
 * alone, then only the dirty lines are diffed and written. Anything that moves, appears or disappears,
 * and any frame with a dialog on top, takes blessed's full render.
 */
function renderChanges(screen: blessed.Widgets.Screen, dialogOpen: boolean): void {
  const damage = screenDamage(screen);
  const full = damage.full || dialogOpen;
  const boxes = [...damage.boxes];
  damage.full = false;
  damage.boxes.clear();
  if (full) return screen.render();
  if (boxes.length === 0) return;
  for (const box of boxes) if (!box.detached && !box.hidden) box.render();
  const target = screen as RenderableScreen;
  target.draw(0, target.lines.length - 1);
}

/**
 * Opens the screen (alternate buffer, raw keys, hidden cursor) on the given streams.
 * Installs no signal handlers: the app must call destroy() on SIGTERM/SIGHUP/SIGINT and on crashes.
 */
export function createBlessedUi(options: BlessedUiOptions): DashboardUi {
  let theme = options.theme;
  const screen = createScreen(options);
  let panels = buildPanels(screen, theme);
  const keyHandlers: ((key: KeyName) => void)[] = [];
  const resizeHandlers: ((size: TerminalSize) => void)[] = [];
  let destroyed = false;
  let last: DashboardModel | null = null;

  const size = (): TerminalSize => ({ cols: Number(screen.width), rows: Number(screen.height) });

  screen.on('keypress', (ch: string | undefined, key: BlessedKey | undefined) => {
    for (const name of keyNames(ch, key)) for (const handler of keyHandlers) handler(name);
  });
  screen.on('resize', () => {
    screenDamage(screen).full = true;
    const now = size();
    for (const handler of resizeHandlers) handler(now);
  });

  return {
    size,
    render(model) {
      if (destroyed) return;
      last = model;
      draw(panels, model);
      renderChanges(screen, model.dialog !== null);
    },
    onKey: (handler) => void keyHandlers.push(handler),
    onResize: (handler) => void resizeHandlers.push(handler),
    glyphs: () => ({ ellipsis: theme.glyphs.ellipsis, bar: theme.glyphs.bar }),
    themeName: () => theme.name,
    nextTheme() {
      if (!options.nextTheme || destroyed) return theme.name;
      const next = options.nextTheme(theme);
      for (const panel of Object.values(panels)) panel.destroy();
      theme = next;
      panels = buildPanels(screen, theme);
      // Every cell is drawn again: colours that did not change in the model changed on the screen.
      screen.realloc();
      screenDamage(screen).full = true;
      if (last) draw(panels, last);
      return theme.name;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      // leave(): keypad off, cursor shown, screen cleared (the Linux console has no alternate
      // screen, so this is what leaves it clean), main screen; then raw mode off and input paused.
      screen.destroy();
    },
  };
}
