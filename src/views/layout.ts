// Where each panel goes for a terminal size: pure arithmetic, no terminal involved.
import type { PanelId, Rect } from './model.js';

/** Smallest terminal all panels fit on at once; below it one panel at a time fills the screen. */
export const MIN_COLS = 60;
export const MIN_ROWS = 18;
/** Smallest terminal one panel and the status line fit on; below it only a message is shown. */
export const SINGLE_MIN_COLS = 24;
export const SINGLE_MIN_ROWS = 6;
/** From this width Operations sits beside Alerts/Suggestions instead of above them. */
export const WIDE_COLS = 160;

export type Layout = {
  tooSmall: string | null;
  /** The terminal is below MIN_COLS x MIN_ROWS: only the focused panel is shown, and Tab moves to the next. */
  single: boolean;
  layout: Record<PanelId, Rect>;
};

const EMPTY: Rect = { left: 0, top: 0, width: 0, height: 0 };

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function rect(left: number, top: number, width: number, height: number): Rect {
  return { left, top, width, height };
}

/** Splits `total` cells into `parts` nearly equal widths; the remainder goes to the last. */
function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => (i === parts - 1 ? total - base * (parts - 1) : base));
}

function chartRow(cols: number, height: number): Pick<Record<PanelId, Rect>, 'cpu' | 'memory' | 'gpu'> {
  const [cpuW = 0, memW = 0, gpuW = 0] = split(cols, 3);
  return {
    cpu: rect(0, 0, cpuW, height),
    memory: rect(cpuW, 0, memW, height),
    gpu: rect(cpuW + memW, 0, gpuW, height),
  };
}

/** Charts on top, Operations full width (the biggest), Alerts and Suggestions side by side. */
function standard(cols: number, rows: number): Record<PanelId, Rect> {
  const avail = rows - 1;
  const chartH = clamp(Math.round(avail * 0.24), 5, 12);
  const listH = clamp(Math.round(avail * 0.24), 5, 12);
  const opsH = avail - chartH - listH;
  const [alertsW = 0, suggestionsW = 0] = split(cols, 2);
  const listTop = chartH + opsH;
  return {
    ...chartRow(cols, chartH),
    operations: rect(0, chartH, cols, opsH),
    alerts: rect(0, listTop, alertsW, listH),
    suggestions: rect(alertsW, listTop, suggestionsW, listH),
    status: rect(0, avail, cols, 1),
  };
}

/** Wide: charts get more history across the top; Operations left, Alerts over Suggestions right. */
function wide(cols: number, rows: number): Record<PanelId, Rect> {
  const avail = rows - 1;
  const chartH = clamp(Math.round(avail * 0.2), 5, 12);
  const lowerH = avail - chartH;
  const opsW = Math.round(cols * 0.6);
  const alertsH = Math.floor(lowerH / 2);
  return {
    ...chartRow(cols, chartH),
    operations: rect(0, chartH, opsW, lowerH),
    alerts: rect(opsW, chartH, cols - opsW, alertsH),
    suggestions: rect(opsW, chartH + alertsH, cols - opsW, lowerH - alertsH),
    status: rect(0, avail, cols, 1),
  };
}

/** Zoomed: one panel over everything but the status line; the others get empty rects (hidden). */
function zoomed(cols: number, rows: number, panel: Exclude<PanelId, 'status'>): Record<PanelId, Rect> {
  const layout = { cpu: EMPTY, memory: EMPTY, gpu: EMPTY, operations: EMPTY, alerts: EMPTY, suggestions: EMPTY, status: rect(0, rows - 1, cols, 1) };
  return { ...layout, [panel]: rect(0, 0, cols, rows - 1) };
}

/**
 * Panel rectangles for a `cols` x `rows` terminal, with `zoom` filling the screen when given.
 * Below MIN_COLS x MIN_ROWS (a tmux pane split in four, a small console) `focus` fills the screen
 * on its own, as if zoomed, so the figures stay readable instead of every panel being cut to a
 * sliver. Below SINGLE_MIN_COLS x SINGLE_MIN_ROWS, `tooSmall` holds the message to show and
 * every rect is empty.
 */
export function computeLayout(
  cols: number,
  rows: number,
  zoom: Exclude<PanelId, 'status'> | null = null,
  focus: Exclude<PanelId, 'status'> = 'operations',
): Layout {
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < SINGLE_MIN_COLS || rows < SINGLE_MIN_ROWS) {
    const layout = { cpu: EMPTY, memory: EMPTY, gpu: EMPTY, operations: EMPTY, alerts: EMPTY, suggestions: EMPTY, status: EMPTY };
    return { tooSmall: `terminal too small: ${cols}x${rows}, need ${SINGLE_MIN_COLS}x${SINGLE_MIN_ROWS}`, single: false, layout };
  }
  if (cols < MIN_COLS || rows < MIN_ROWS) return { tooSmall: null, single: true, layout: zoomed(cols, rows, zoom ?? focus) };
  if (zoom !== null) return { tooSmall: null, single: false, layout: zoomed(cols, rows, zoom) };
  return { tooSmall: null, single: false, layout: cols >= WIDE_COLS ? wide(cols, rows) : standard(cols, rows) };
}
