// CPU / Memory / GPU panel: the label, a sparkline as tall as the room allows (zoomed: a line chart), then the figures.
import type blessed from 'blessed';
import type { ChartModel } from '../../src/views/model.js';
import { renderSparklineRows } from '../../src/views/sparkline.js';
import { lineTags, toneText } from '../markup.js';
import type { Theme } from '../theme.js';
import { createZoomedLineChart } from './line-chart.js';
import { createPanelBox, screenDamage, type LinesPanel } from './panel-box.js';

/** Where a chart's parts go inside a `width` x `height` interior. */
function chartRoom(model: ChartModel, height: number) {
  // The label and the graph come first; figures take what is left, in order; the graph gets the rest
  // (all of a zoomed panel).
  const hasLabel = height >= 3 && model.label !== '';
  const figureRoom = Math.max(0, height - (hasLabel ? 1 : 0) - 1);
  const figures = model.lines.slice(0, figureRoom);
  const graphRows = Math.max(1, height - (hasLabel ? 1 : 0) - figures.length);
  return { hasLabel, figures, graphRows };
}

/**
 * Tagged lines for a chart inside a `width` x `height` interior; pure, so tests can read it directly.
 * `graph: 'below'` puts the figures under the label and leaves the rest empty for a line chart
 * drawn there (its own time axis and blank bottom rows then end the panel).
 */
export function chartLines(model: ChartModel, width: number, height: number, theme: Theme, graphKind: 'sparkline' | 'below' = 'sparkline'): string[] {
  if (width <= 0 || height <= 0) return [];
  const { hasLabel, figures, graphRows } = chartRoom(model, height);
  const label = hasLabel ? [lineTags([{ text: model.label, tone: 'muted' }], theme, width)] : [];
  const figureLines = figures.map((line) => lineTags(line, theme, width));
  if (graphKind === 'below') return [...label, ...figureLines];
  const graph = renderSparklineRows(model.values, model.max, width, graphRows, theme.glyphs.spark);
  return [...label, ...graph.map((row) => toneText(row, model.tone, theme)), ...figureLines];
}

export type ChartPanel = LinesPanel<ChartModel>;

/** A zoomed graph is a line chart with axes where the theme's font has braille, else the sparkline, taller. */
export function createChartPanel(screen: blessed.Widgets.Screen, theme: Theme): ChartPanel {
  const panel = createPanelBox(screen, theme);
  const line = createZoomedLineChart(panel.box, theme);
  const damage = screenDamage(screen);
  const dropLine = (): void => {
    // The cells under a removed chart must be drawn again from the box.
    if (line.remove()) damage.full = true;
  };
  return {
    render(model, rect, focused = false) {
      panel.place(rect);
      panel.setFocus(focused);
      panel.setTitle(model.title);
      const width = rect.width - 2;
      const height = rect.height - 2;
      let graphKind: 'sparkline' | 'below' = 'sparkline';
      if (model.line && theme.glyphs.zoom === 'line') {
        const { hasLabel, figures, graphRows } = chartRoom(model, height);
        const { drawn, changed } = line.update(model, (hasLabel ? 1 : 0) + figures.length, width, graphRows);
        // The line chart covers the history there is, not the panel's whole span: its label says which.
        if (drawn) {
          graphKind = 'below';
          model = { ...model, label: model.line.label };
        }
        if (changed) damage.boxes.add(panel.box);
        if (!drawn && changed) damage.full = true;
      } else dropLine();
      panel.setLines(chartLines(model, width, height, theme, graphKind));
      panel.show();
    },
    hide: () => panel.hide(),
    destroy() {
      dropLine();
      panel.destroy();
    },
  };
}
