// The Operations table: one row per component.operation, sorted and filtered as the operator asked, columns cut to the panel's width.
import type { OperationsSort } from '../app/ui-state.js';
import type { AppFigures } from '../store/snapshot.js';
import type { OperationStats } from '../timing/types.js';
import { formatCount, formatMs, formatRate } from './format.js';
import type { ColumnModel, Line, OperationsOrder, TableModel, Tone } from './model.js';
import { fitToWidth } from './text-width.js';
import { compareText } from './compare-text.js';

/** `keep`: which columns stay when the panel is narrow; 0 is dropped last. */
type NumericColumn = { header: string; width: number; keep: number; cell: (s: OperationStats) => string; tone?: (s: OperationStats) => Tone };

/** A distribution figure of the window: '-' when no call fell in it (an idle operation), not "not measured". */
const windowMs = (ms: number | null): string => (ms === null ? '-' : formatMs(ms));

const NUMERIC_COLUMNS: NumericColumn[] = [
  { header: 'count', width: 7, keep: 2, cell: (s) => formatCount(s.count) },
  { header: 'rate/s', width: 7, keep: 4, cell: (s) => formatRate(s.ratePerSec) },
  { header: 'last', width: 7, keep: 6, cell: (s) => formatMs(s.lastMs) },
  { header: 'avg', width: 7, keep: 3, cell: (s) => windowMs(s.avgMs) },
  { header: 'p95', width: 7, keep: 0, cell: (s) => windowMs(s.p95Ms) },
  { header: 'max', width: 7, keep: 5, cell: (s) => windowMs(s.maxMs) },
  { header: 'errors', width: 7, keep: 1, cell: (s) => formatCount(s.errors), tone: (s) => (s.errors > 0 ? 'warning' : 'muted') },
];

/** Room kept for names before numeric columns are added: "camera_manager.capture_frame" fits. */
const MIN_NAME_WIDTH = 28;
/** On a very narrow panel names are cut to as little as this so that p95 still shows: a table of names alone says nothing. */
const SHORT_NAME_WIDTH = 12;

/** The most important columns that fit beside a name of at least MIN_NAME_WIDTH (SHORT_NAME_WIDTH for p95 alone), in their usual order. */
function fittingColumns(innerWidth: number): NumericColumn[] {
  const kept = new Set<NumericColumn>();
  const byKeep = [...NUMERIC_COLUMNS].sort((a, b) => a.keep - b.keep);
  let used = Math.min(MIN_NAME_WIDTH, Math.max(SHORT_NAME_WIDTH, innerWidth - 1 - byKeep[0]!.width), innerWidth);
  for (const column of byKeep) {
    if (used + 1 + column.width > innerWidth) break;
    kept.add(column);
    used += 1 + column.width;
  }
  return NUMERIC_COLUMNS.filter((c) => kept.has(c));
}

/** "app 29.7 fps, frame 21.3 ms, 2 of 3 cameras active" from whatever the app has reported; '' when nothing. */
export function appSummary(app: AppFigures): string {
  const parts: string[] = [];
  if (app.fps !== null) parts.push(`app ${app.fps.toFixed(1)} fps`);
  if (app.frameTimeMs !== null) parts.push(`frame ${formatMs(app.frameTimeMs)} ms`);
  if (app.camerasActive !== null && app.cameras !== null) parts.push(`${app.camerasActive} of ${app.cameras} cameras active`);
  return parts.join(', ');
}

/** The name a row is selected and filtered by. */
export function operationKey(s: Pick<OperationStats, 'component' | 'operation'>): string {
  return `${s.component}.${s.operation}`;
}

const byName = (a: OperationStats, b: OperationStats): number => compareText(a.component, b.component) || compareText(a.operation, b.operation);

type Figure = (s: OperationStats) => number | null;
/** Largest first; an unknown value (null) sorts after every number. */
const descending = (get: Figure) => (a: OperationStats, b: OperationStats) => (get(b) ?? -1) - (get(a) ?? -1) || byName(a, b);

const FIGURES: Record<Exclude<OperationsSort, 'name'>, Figure> = {
  p95: (s) => s.p95Ms,
  avg: (s) => s.avgMs,
  rate: (s) => s.ratePerSec,
  errors: (s) => s.errors,
};

const SORTS: Record<OperationsSort, (a: OperationStats, b: OperationStats) => number> = {
  p95: descending(FIGURES.p95),
  avg: descending(FIGURES.avg),
  rate: descending(FIGURES.rate),
  errors: descending(FIGURES.errors),
  name: byName,
};

/**
 * How far a row's figure must pass the row above it before the two swap. Timings and rates of
 * operations that cost about the same wobble past each other every tick; a table whose rows trade
 * places every second cannot be read (and is rewritten on the terminal each time). Error counts are
 * exact: one more error is a real difference.
 */
const SETTLE_MARGIN: Record<Exclude<OperationsSort, 'name'>, number> = { p95: 0.1, avg: 0.1, rate: 0.1, errors: 0 };


/** Orders rows by p95, slowest first, so the most expensive work is on top. */
export function sortByP95(stats: readonly OperationStats[]): OperationStats[] {
  return [...stats].sort(SORTS.p95);
}

/**
 * The rows as shown: filtered by text (case-insensitive, anywhere in the name), then sorted. Given the
 * order shown last for the same sort, rows keep their places until one's figure passes the row
 * above it by more than the sort's margin (10 % for timings and rates); a new row goes where it
 * sorts. Without it, or after the sort changed, the order is exact.
 */
export function visibleOperations(stats: readonly OperationStats[], sort: OperationsSort = 'p95', filter = '', previous?: OperationsOrder): OperationStats[] {
  const needle = filter.trim().toLowerCase();
  const kept = needle === '' ? [...stats] : stats.filter((s) => operationKey(s).toLowerCase().includes(needle));
  const sorted = kept.sort(SORTS[sort]);
  if (sort === 'name' || !previous || previous.sort !== sort || previous.keys.length === 0) return sorted;
  return settle(sorted, previous.keys, FIGURES[sort], SETTLE_MARGIN[sort]);
}

/** Starts from the previous order (new rows at their sorted place), then lets each row rise only past rows it clearly beats. */
function settle(sorted: OperationStats[], previousKeys: readonly string[], figure: Figure, margin: number): OperationStats[] {
  const place = new Map(previousKeys.map((key, i) => [key, i]));
  const known = sorted.filter((s) => place.has(operationKey(s))).sort((a, b) => place.get(operationKey(a))! - place.get(operationKey(b))!);
  const rows: OperationStats[] = [];
  // New rows go in their exact sorted position relative to the rows after them in the sorted list.
  let k = 0;
  for (const s of sorted) {
    if (place.has(operationKey(s))) rows.push(known[k++]!);
    else rows.push(s);
  }
  const beats = (a: OperationStats, b: OperationStats): boolean => {
    const x = figure(a);
    const y = figure(b);
    if (x === null) return false;
    if (y === null) return true;
    return x > y * (1 + margin);
  };
  // Insertion: a row moves up while it clearly beats the one above it, so no row sits right under one it clearly beats.
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    let j = i;
    while (j > 0 && beats(row, rows[j - 1]!)) {
      rows[j] = rows[j - 1]!;
      j--;
    }
    rows[j] = row;
  }
  return rows;
}

export type OperationsView = {
  /** The panel width inside its border. */
  innerWidth: number;
  /** e.g. "last 60 s". */
  windowLabel: string;
  /** Default '…'. */
  ellipsis?: string;
  /** From appSummary; default ''. */
  appSummary?: string;
  /** Default 'p95'. */
  sort?: OperationsSort;
  /** Default '' (all rows). */
  filter?: string;
  /** Key of the selected row, or null for the first; no row is selected when `showSelection` is false. */
  selectedKey?: string | null;
  /** Default false: the selection is drawn only while the panel has the focus. */
  showSelection?: boolean;
  /** The order shown last, so rows whose figures are close keep their places (see visibleOperations). */
  previousOrder?: OperationsOrder;
  /** Where StatsD is received, or null when it is off (--no-statsd): the empty table's hint says what can feed it. Default: on. */
  statsdAddress?: string | null;
};

/** Columns that do not fit the width are dropped, least important first (last, max, rate, avg, count, errors; p95 stays). */
export function toOperationsModel(stats: readonly OperationStats[], view: OperationsView): TableModel & { order: OperationsOrder } {
  const { innerWidth, windowLabel, ellipsis = '…', sort = 'p95', filter = '' } = view;
  const columns = fittingColumns(innerWidth);
  const nameWidth = Math.max(1, innerWidth - columns.reduce((sum, c) => sum + 1 + c.width, 0));
  const header: ColumnModel[] = [
    // The unit must survive a narrow panel, so the shorter header is used before anything is cut.
    { header: nameWidth >= 24 ? 'component.operation (ms)' : 'operation (ms)', width: nameWidth, align: 'left' },
    ...columns.map((c) => ({ header: c.header, width: c.width, align: 'right' as const })),
  ];
  const shown = visibleOperations(stats, sort, filter, view.previousOrder);
  const rows: Line[] = shown.map((s) => [
    { text: fitToWidth(operationKey(s), nameWidth, 'left', ellipsis), tone: 'normal' },
    ...columns.map((c) => ({ text: ' ' + fitToWidth(c.cell(s), c.width, 'right', ellipsis), tone: c.tone?.(s) ?? 'normal' })),
  ]);
  const at = view.selectedKey == null ? 0 : Math.max(0, shown.findIndex((s) => operationKey(s) === view.selectedKey));
  return {
    title: operationsTitle(windowLabel, sort, filter, shown.length, stats.length, view.appSummary ?? ''),
    columns: header,
    rows,
    selectedIndex: view.showSelection && rows.length > 0 ? at : -1,
    order: { sort, keys: shown.map(operationKey) },
    empty: filter.trim() !== ''
      ? `no operation matches "${filter.trim()}"; Esc clears the filter`
      : view.statsdAddress === null
        ? 'no operations: StatsD is off (--no-statsd); start zoomtop without it to receive timers, or use record() from the library'
        : `no operations yet: send StatsD timers (component.operation:12.5|ms)${view.statsdAddress ? ` to ${view.statsdAddress}` : ''} or use record() from the library`,
  };
}

/**
 * The window for the panel title, in whole tens of seconds once it is 10 s or more ("last 50 s" for
 * 50-59 s): the half-window rotation moves the real span every second, and a title that changes every
 * second is rewritten on the terminal every second for nothing an operator reads.
 */
export function coarseWindowLabel(window: { startMs: number; endMs: number }): string {
  const seconds = Math.max(0, (window.endMs - window.startMs) / 1000);
  return `last ${seconds < 10 ? Math.floor(seconds) : Math.floor(seconds / 10) * 10} s`;
}

function operationsTitle(windowLabel: string, sort: OperationsSort, filter: string, shown: number, total: number, summary: string): string {
  const filtered = filter.trim() === '' ? '' : `, filter "${filter.trim()}" ${shown} of ${total}`;
  const title = `Operations (${windowLabel}, by ${sort}${filtered})`;
  return summary ? `${title} | ${summary}` : title;
}
