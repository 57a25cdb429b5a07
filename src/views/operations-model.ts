// The Operations table: one row per component.operation, columns cut to the panel's width.
import type { AppFigures } from '../store/snapshot.js';
import type { OperationStats } from '../timing/types.js';
import { formatCount, formatMs, formatRate } from './format.js';
import type { ColumnModel, Line, TableModel, Tone } from './model.js';
import { fitToWidth } from './text-width.js';

type NumericColumn = { header: string; width: number; cell: (s: OperationStats) => string; tone?: (s: OperationStats) => Tone };

const NUMERIC_COLUMNS: NumericColumn[] = [
  { header: 'count', width: 7, cell: (s) => formatCount(s.count) },
  { header: 'rate/s', width: 7, cell: (s) => formatRate(s.ratePerSec) },
  { header: 'last', width: 7, cell: (s) => formatMs(s.lastMs) },
  { header: 'avg', width: 7, cell: (s) => formatMs(s.avgMs) },
  { header: 'p95', width: 7, cell: (s) => formatMs(s.p95Ms) },
  { header: 'max', width: 7, cell: (s) => formatMs(s.maxMs) },
  { header: 'errors', width: 7, cell: (s) => formatCount(s.errors), tone: (s) => (s.errors > 0 ? 'warning' : 'muted') },
];

const MIN_NAME_WIDTH = 12;

/** "app 29.7 fps, frame 21.3 ms, 2 of 3 cameras active" from whatever the app has reported; '' when nothing. */
export function appSummary(app: AppFigures): string {
  const parts: string[] = [];
  if (app.fps !== null) parts.push(`app ${app.fps.toFixed(1)} fps`);
  if (app.frameTimeMs !== null) parts.push(`frame ${formatMs(app.frameTimeMs)} ms`);
  if (app.camerasActive !== null && app.cameras !== null) parts.push(`${app.camerasActive} of ${app.cameras} cameras active`);
  return parts.join(', ');
}

/** Orders rows by p95, slowest first, so the most expensive work is on top. */
export function sortByP95(stats: readonly OperationStats[]): OperationStats[] {
  return [...stats].sort((a, b) => (b.p95Ms ?? -1) - (a.p95Ms ?? -1) || a.component.localeCompare(b.component) || a.operation.localeCompare(b.operation));
}

/** innerWidth is the panel width inside its border. Columns that do not fit are dropped from the right. */
export function toOperationsModel(stats: readonly OperationStats[], innerWidth: number, windowLabel: string, ellipsis = '…', appSummary = ''): TableModel {
  const columns: NumericColumn[] = [];
  let used = MIN_NAME_WIDTH;
  for (const column of NUMERIC_COLUMNS) {
    if (used + 1 + column.width > innerWidth) break;
    columns.push(column);
    used += 1 + column.width;
  }
  const nameWidth = Math.max(1, innerWidth - (used - MIN_NAME_WIDTH));
  const header: ColumnModel[] = [
    { header: 'component.operation (ms)', width: nameWidth, align: 'left' },
    ...columns.map((c) => ({ header: c.header, width: c.width, align: 'right' as const })),
  ];
  const rows: Line[] = sortByP95(stats).map((s) => [
    { text: fitToWidth(`${s.component}.${s.operation}`, nameWidth, 'left', ellipsis), tone: 'normal' },
    ...columns.map((c) => ({ text: ' ' + fitToWidth(c.cell(s), c.width, 'right', ellipsis), tone: c.tone?.(s) ?? 'normal' })),
  ]);
  return {
    title: appSummary ? `Operations (${windowLabel}) | ${appSummary}` : `Operations (${windowLabel})`,
    columns: header,
    rows,
    selectedIndex: -1,
    empty: 'no operations yet: send StatsD timers (component.operation:12.5|ms) or use record() from the library',
  };
}
