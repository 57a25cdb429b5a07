// The plain data that widgets draw: text and tones, never colours or blessed objects.
import type { OperationsSort } from '../app/ui-state.js';

/** Meaning of a piece of text; themes map each tone to colours. */
export type Tone = 'normal' | 'ok' | 'careful' | 'warning' | 'critical' | 'muted' | 'title' | 'selected';

export type Span = { text: string; tone: Tone };
export type Line = Span[];

export type Rect = { left: number; top: number; width: number; height: number };

/** Which panels exist on screen; keys of DashboardModel.layout. */
export type PanelId = 'cpu' | 'memory' | 'gpu' | 'operations' | 'alerts' | 'suggestions' | 'status';

/** A sparkline panel. Values are cleaned: null is a gap, numbers are within [0, max]. */
export type ChartModel = {
  title: string;
  /** What is plotted and its scale, e.g. "machine CPU %, 0-100". */
  label: string;
  /** Oldest first, newest last; the widget shows the newest that fit. */
  values: (number | null)[];
  max: number;
  /** Text lines under the graph: current value and details. */
  lines: Line[];
  /** Tone of the graph glyphs. */
  tone: Tone;
  /** Only when the panel fills the screen (z): the graph as a line chart with axes, where the terminal can draw one. */
  line?: LineChartModel;
};

/** A zoomed graph's points, oldest first, with their ages ("-4:35" ... "now") and the label for the span they cover. */
export type LineChartModel = { x: string[]; y: number[]; label: string };

export type ColumnModel = { header: string; width: number; align: 'left' | 'right' };

/** A table panel: cells are already cut and padded to their column width. */
export type TableModel = {
  title: string;
  columns: ColumnModel[];
  rows: Line[];
  /** Index into rows of the selected row, or -1. */
  selectedIndex: number;
  /** Shown instead of rows when there are none. */
  empty: string;
};

/** Operation keys in the order a table shows them, and the sort that made it. */
export type OperationsOrder = { sort: OperationsSort; keys: readonly string[] };

/** A list panel of lines (alerts, suggestions). */
export type ListModel = {
  title: string;
  lines: Line[];
  selectedIndex: number;
  empty: string;
  /** Where a line wrapped into spare rows continues, in cells from its start (under the message, past time and level). */
  wrapIndent?: number;
};

/** A centred overlay: confirmation dialogs and help. */
export type DialogModel = {
  title: string;
  lines: Line[];
  tone: Tone;
  /** Lines laid out one per row by the view (help scrolls by them): cut, not wrapped, when too long. Default false. */
  fixedRows?: boolean;
  /**
   * The answers to the question (e.g. "y apply", "n/Esc cancel"), always shown at the bottom: when the
   * lines do not fit they are cut, not these. One row when they fit side by side, else one row each.
   */
  footer?: Line[];
  /** How far the dialog scrolls with j/k at this size; 0 or absent when it fits. */
  maxOffset?: number;
  /** The width the view wrapped the lines for; the dialog keeps it while it scrolls. Default: from the lines. */
  width?: number;
};

export type DashboardModel = {
  cols: number;
  rows: number;
  /** When the terminal is too small, only this message is drawn. */
  tooSmall: string | null;
  layout: Record<PanelId, Rect>;
  /** The panel that keys act on; widgets mark it (title and border). */
  focus: PanelId | null;
  cpu: ChartModel;
  memory: ChartModel;
  gpu: ChartModel;
  operations: TableModel;
  /** The operation rows' order as drawn: key navigation walks it, and the next frame starts from it. */
  operationOrder: OperationsOrder;
  alerts: ListModel;
  suggestions: ListModel;
  status: Line;
  dialog: DialogModel | null;
};
