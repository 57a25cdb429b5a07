// CPU / Memory / GPU panel: the label, a sparkline as tall as the room allows, then the figures.
import type blessed from 'blessed';
import type { ChartModel } from '../../src/views/model.js';
import { renderSparklineRows } from '../../src/views/sparkline.js';
import { lineTags, toneText } from '../markup.js';
import type { Theme } from '../theme.js';
import { createLinesPanel, type LinesPanel } from './panel-box.js';

/** Tagged lines for a chart inside a `width` x `height` interior; pure, so tests can read it directly. */
export function chartLines(model: ChartModel, width: number, height: number, theme: Theme): string[] {
  if (width <= 0 || height <= 0) return [];
  // The label and the graph come first; figures take what is left, in order; the graph gets the rest
  // (all of a zoomed panel).
  const hasLabel = height >= 3 && model.label !== '';
  const figureRoom = Math.max(0, height - (hasLabel ? 1 : 0) - 1);
  const figures = model.lines.slice(0, figureRoom);
  const graphRows = Math.max(1, height - (hasLabel ? 1 : 0) - figures.length);
  const graph = renderSparklineRows(model.values, model.max, width, graphRows, theme.glyphs.spark);
  return [
    ...(hasLabel ? [lineTags([{ text: model.label, tone: 'muted' }], theme, width)] : []),
    ...graph.map((row) => toneText(row, model.tone, theme)),
    ...figures.map((line) => lineTags(line, theme, width)),
  ];
}

export type ChartPanel = LinesPanel<ChartModel>;

export function createChartPanel(screen: blessed.Widgets.Screen, theme: Theme): ChartPanel {
  return createLinesPanel(screen, theme, chartLines);
}
