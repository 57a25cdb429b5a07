// The detail overlay of one operation: latency distribution as bars, errors, and the split by camera.
import type { CameraOperationStats } from '../timing/operation-registry.js';
import type { OperationStats } from '../timing/types.js';
import { formatCount, formatMs, formatRate, NO_DATA } from './format.js';
import type { DialogModel, Line, Span } from './model.js';
import { fitToWidth } from './text-width.js';
import { operationKey } from './operations-model.js';

export type DetailInput = {
  /** "component.operation" shown; null when there is no operation at all. */
  key: string | null;
  /** Its statistics; undefined when it is no longer reported. */
  stats: OperationStats | undefined;
  /** Per-camera statistics of every operation; the ones of `key` are picked here. */
  cameras: readonly CameraOperationStats[];
  /** One-cell glyph the bars are drawn with (the theme's). */
  bar: string;
  /** Cells of the longest bar; fewer on a narrow terminal, so a bar stays on its label's row. Default 30. */
  barCells?: number;
};

/** Cells of the longest latency bar. */
const BAR_CELLS = 30;
const CAMERA_COLUMNS = ['calls', 'rate/s', 'p50', 'p95', 'p99', 'errors'];

const span = (text: string, tone: Span['tone'] = 'normal'): Span => ({ text, tone });

export function toDetailModel(input: DetailInput): DialogModel {
  const { key, stats } = input;
  const footer: Line[] = [[], [span('up/down', 'title'), span(' another operation   '), span('any other key', 'title'), span(' closes')]];
  if (key === null || stats === undefined) {
    const why = key === null ? 'No operation is selected.' : `${key} is no longer reported (cleared, or filtered out).`;
    return { title: 'Operation detail', tone: 'title', lines: [[span(why, 'muted')], ...footer] };
  }
  const errorShare = stats.count > 0 ? ` (${((100 * stats.errors) / stats.count).toFixed(1)} %)` : '';
  const lines: Line[] = [
    [span('window    ', 'muted'), span(`${stats.window.label}: ${formatCount(stats.windowCount)} calls, ${formatRate(stats.ratePerSec)}/s`)],
    [span('errors    ', 'muted'), span(`${formatCount(stats.errors)} of ${formatCount(stats.count)} calls since start${errorShare}`, stats.errors > 0 ? 'warning' : 'normal')],
    [],
    [span(`latency in ms, ${stats.window.label}`, 'title')],
    ...latencyBars(stats, input.bar, input.barCells ?? BAR_CELLS),
    [],
    ...cameraTable(input.cameras.filter((c) => c.component === stats.component && c.operation === stats.operation)),
    ...footer,
  ];
  return { title: `Operation ${operationKey(stats)}`, tone: 'title', lines };
}

function latencyBars(stats: OperationStats, bar: string, barCells: number): Line[] {
  const rows: [string, number | null][] = [
    ['min', stats.minMs],
    ['p50', stats.p50Ms],
    ['p95', stats.p95Ms],
    ['p99', stats.p99Ms],
    ['max', stats.maxMs],
  ];
  const top = stats.maxMs ?? 0;
  const lines: Line[] = rows.map(([label, value]) => {
    // At least one cell for any non-zero value, so a fast call is still visible beside a slow max.
    const cells = value === null || top <= 0 ? 0 : Math.max(value > 0 ? 1 : 0, Math.round((value / top) * barCells));
    return [span(`  ${label} `, 'muted'), span(`${formatMs(value).padStart(7)} `), span(bar.repeat(cells), label === 'p95' || label === 'p99' ? 'careful' : 'ok')];
  });
  lines.push([span('  avg ', 'muted'), span(formatMs(stats.avgMs).padStart(7))]);
  if (stats.windowCount === 0) lines.push([span(`  no calls in the window: ${NO_DATA} until the next one`, 'muted')]);
  return lines;
}

function cameraTable(cameras: readonly CameraOperationStats[]): Line[] {
  if (cameras.length === 0) return [[span('per camera: none tagged (send timers with |#camera:<id> to split by camera)', 'muted')]];
  const header = fitToWidth('per camera', 14) + CAMERA_COLUMNS.map((c) => ' ' + c.padStart(7)).join('');
  const rows = cameras.map((c): Line => [
    span(fitToWidth(c.camera, 14)),
    span([formatCount(c.windowCount), formatRate(c.ratePerSec), formatMs(c.p50Ms), formatMs(c.p95Ms), formatMs(c.p99Ms)].map((v) => ' ' + v.padStart(7)).join('')),
    span(' ' + formatCount(c.errors).padStart(7), c.errors > 0 ? 'warning' : 'muted'),
  ]);
  return [[span(header, 'title')], ...rows];
}
