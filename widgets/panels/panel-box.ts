// What every bordered panel shares: a tagged blessed box placed from a Rect, titled in the theme's title tone.
import blessed from 'blessed';
import type { Rect } from '../../src/views/model.js';
import { cutToWidth } from '../../src/views/text-width.js';
import { toneText } from '../markup.js';
import type { Theme } from '../theme.js';

export type PanelBox = {
  box: blessed.Widgets.BoxElement;
  /** Moves and sizes the box; blessed only re-lays-out what changed. */
  place(rect: Rect): void;
  setTitle(title: string, tone?: Parameters<typeof toneText>[1]): void;
  /** Marks the panel that has the focus: title in the selected tone, border in the title colour. */
  setFocus(focused: boolean): void;
  /** Tagged lines inside the border, each already cut to the inner width. */
  setLines(lines: string[]): void;
  show(): void;
  hide(): void;
  /** Removes the box from the screen for good (a theme change builds new ones). */
  destroy(): void;
};

/**
 * What changed on a screen since its last render: `full` when anything moved, appeared or
 * disappeared (cells outside the boxes must be cleared), else the boxes whose own cells changed.
 */
export type ScreenDamage = { full: boolean; boxes: Set<blessed.Widgets.BoxElement> };

const damages = new WeakMap<blessed.Widgets.Screen, ScreenDamage>();

/** The damage record every panel box of `screen` writes to; blessed-ui reads and resets it on each render. */
export function screenDamage(screen: blessed.Widgets.Screen): ScreenDamage {
  let damage = damages.get(screen);
  if (!damage) {
    damage = { full: true, boxes: new Set() };
    damages.set(screen, damage);
  }
  return damage;
}

export function createPanelBox(screen: blessed.Widgets.Screen, theme: Theme, border = true): PanelBox {
  const damage = screenDamage(screen);
  const borderStyle = theme.colors.border;
  const box = blessed.box({
    parent: screen,
    tags: true,
    wrap: false,
    hidden: true,
    ...(border ? { border: { type: 'line' } } : {}),
    style: border ? { border: { fg: blessedColour(borderStyle.fg), bg: borderStyle.bg === null ? undefined : blessedColour(borderStyle.bg) } } : {},
  });
  let rect: Rect = { left: -1, top: -1, width: -1, height: -1 };
  let title = '';
  let content = '';
  let focus = false;
  return {
    box,
    place(next) {
      if (next.left === rect.left && next.top === rect.top && next.width === rect.width && next.height === rect.height) return;
      rect = { ...next };
      box.left = rect.left;
      box.top = rect.top;
      box.width = rect.width;
      box.height = rect.height;
      damage.full = true;
      title = ''; // the label is cut to the width, so redo it
    },
    setTitle(text, tone = 'title') {
      const tagged = ` ${toneText(cutToWidth(text, Math.max(1, rect.width - 6), theme.glyphs.ellipsis), focus ? 'selected' : tone, theme)} `;
      if (tagged === title) return;
      title = tagged;
      box.setLabel({ text: tagged, side: 'left' });
      damage.boxes.add(box);
    },
    setLines(lines) {
      const next = lines.join('\n');
      if (next === content) return;
      content = next;
      box.setContent(next);
      damage.boxes.add(box);
    },
    setFocus(focused) {
      if (focused === focus || !border) return;
      focus = focused;
      title = ''; // redone in the focus tone by the next setTitle
      const fg = focused ? theme.colors.title.fg : borderStyle.fg;
      (box.style.border as { fg?: string | number }).fg = blessedColour(fg);
      damage.boxes.add(box);
    },
    show() {
      if (!box.hidden) return;
      box.show();
      damage.full = true;
    },
    hide() {
      if (box.hidden) return;
      box.hide();
      damage.full = true;
    },
    destroy() {
      box.destroy();
      damage.full = true;
    },
  };
}

/** blessed's style colours take numbers for the 256 palette and names or #rrggbb as strings. */
export function blessedColour(colour: string): string | number {
  return /^\d+$/.test(colour) ? Number(colour) : colour;
}

/** A bordered panel whose interior is lines of tagged text, built from a model by `toLines`. */
export type LinesPanel<M> = { render(model: M, rect: Rect, focused?: boolean): void; hide(): void; destroy(): void };

export function createLinesPanel<M extends { title: string }>(
  screen: blessed.Widgets.Screen,
  theme: Theme,
  toLines: (model: M, width: number, height: number, theme: Theme) => string[],
): LinesPanel<M> {
  const panel = createPanelBox(screen, theme);
  return {
    render(model, rect, focused = false) {
      panel.place(rect);
      panel.setFocus(focused);
      panel.setTitle(model.title);
      panel.setLines(toLines(model, rect.width - 2, rect.height - 2, theme));
      panel.show();
    },
    hide: () => panel.hide(),
    destroy: () => panel.destroy(),
  };
}
