// A zoomed graph as blessed-contrib's line chart (braille dots, value and time axes); its traps are handled here.
//
// What blessed-contrib 4.11's line chart does on its own, and what we do about it:
// - It sizes its canvas once, when attached: it never redraws at a new size. A new size builds a new chart.
// - Its canvas is width*2-12 by height*4-8 dots: narrower or shorter than a few cells it throws.
//   Below MIN_COLS x MIN_ROWS the caller keeps the sparkline.
// - setData() throws before the chart is attached, and it makes its canvas on 'attach' only after
//   its constructor has run: given `parent` in its options it attaches too early and never gets a
//   canvas. It is created without a parent, appended, then given data.
// - It cannot leave a hole for a missing sample, and NaN would reach its line drawing: gaps are
//   bridged by the view (lineChartData), whose label says how many.
// - It draws a point 2 dots above its value and clips at the top, so a value at the top of the
//   scale vanishes; and its y labels step by (maxY - minY) / numYLabels, up to but not at maxY.
//   yScale() leaves room above the scale's max and picks a count that gives round steps.
// - Its default axis colour is black (invisible on a dark terminal) and its colours are names, numbers
//   or RGB triples: the theme's colours are mapped once, below.
// - require('blessed-contrib') loads every widget (maps, markdown, ...): only the line chart is
//   loaded, and only the first time a graph is zoomed, so it costs nothing at start.
import { createRequire } from 'node:module';
import type blessed from 'blessed';
import type { ChartModel } from '../../src/views/model.js';
import type { Colour, Theme } from '../theme.js';

/** The smallest chart worth drawing: the axes and labels take about 8 columns and 2 rows. */
export const MIN_COLS = 30;
export const MIN_ROWS = 8;

type ContribColour = string | number | [number, number, number];
type LineElement = blessed.Widgets.BoxElement & { setData(data: { title: string; x: string[]; y: number[] }[]): void };
type LineFactory = (options: Record<string, unknown>) => LineElement;

let lineFactory: LineFactory | null = null;
function loadLine(): LineFactory {
  lineFactory ??= createRequire(import.meta.url)('blessed-contrib/lib/widget/charts/line.js') as LineFactory;
  return lineFactory;
}

const BASE = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

/** A theme colour (blessed's tag names, 0-255, #rrggbb) as the chart's canvas takes it. */
export function contribColour(colour: Colour): ContribColour {
  if (/^\d+$/.test(colour)) return Number(colour);
  if (BASE.includes(colour)) return colour;
  if (colour.startsWith('bright-') && BASE.includes(colour.slice(7))) return 8 + BASE.indexOf(colour.slice(7));
  if (colour === 'grey' || colour === 'gray') return 8;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  return 'normal';
}

/** 1, 2, 2.5 or 5 times a power of ten: the smallest such step that splits `max` into at most `parts`. */
export function niceStep(max: number, parts: number): number {
  const rough = max / Math.max(1, parts);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= rough - 1e-9) ?? 10 * power;
}

/**
 * maxY and numYLabels for a chart `rows` tall showing 0-`max`: round steps with the max itself
 * labelled, and room above it for the 3 dots the chart draws a point above its value.
 */
export function yScale(max: number, rows: number): { maxY: number; numYLabels: number } {
  const plotDots = Math.max(1, rows * 4 - 19);
  const maxY = max * (1 + Math.max(0.05, 3 / plotDots));
  return { maxY, numYLabels: maxY / niceStep(max, 4) };
}

export type ZoomedLineChart = {
  /**
   * Draws `model.line` as a line chart `width` x `height` cells at `top` inside `parent`; drawn is
   * false (and nothing drawn) when it cannot: too small, no line. changed: what is on screen changed.
   */
  update(model: ChartModel, top: number, width: number, height: number): { drawn: boolean; changed: boolean };
  remove(): boolean;
};

export function createZoomedLineChart(parent: blessed.Widgets.BoxElement, theme: Theme): ZoomedLineChart {
  let chart: LineElement | null = null;
  let shape = '';
  let data = '';
  const remove = (): boolean => {
    if (!chart) return false;
    chart.destroy();
    chart = null;
    shape = '';
    data = '';
    return true;
  };
  return {
    update(model, top, width, height) {
      const points = width >= MIN_COLS && height >= MIN_ROWS ? model.line : undefined;
      if (!points) return { drawn: false, changed: remove() };
      const nextShape = `${top},${width},${height},${model.tone},${model.max}`;
      if (nextShape !== shape) {
        remove();
        shape = nextShape;
        chart = loadLine()({
          top,
          left: 0,
          width,
          height,
          minY: 0,
          ...yScale(model.max, height),
          showLegend: false,
          style: {
            line: contribColour(theme.colors[model.tone].fg),
            text: contribColour(theme.colors.muted.fg),
            baseline: contribColour(theme.colors.border.fg),
          },
        });
        parent.append(chart);
      }
      const nextData = JSON.stringify([points.x, points.y]);
      if (nextData === data) return { drawn: true, changed: false };
      data = nextData;
      chart!.setData([{ title: model.title, x: points.x, y: points.y }]);
      return { drawn: true, changed: true };
    },
    remove,
  };
}
