// CPU, Memory and GPU panels: graph values cleaned for drawing, and the figures under them.
import type { Snapshot } from '../store/snapshot.js';
import { peakColumns } from './chart-columns.js';
import { formatBytes, formatPercent } from './format.js';
import { lineChartData } from './line-chart-data.js';
import type { ChartModel, Line, Tone } from './model.js';
import { wrapLine } from './wrap-line.js';

/** Percent levels where a figure turns careful / warning / critical. */
const PERCENT_TONES: [number, Tone][] = [
  [95, 'critical'],
  [85, 'warning'],
  [70, 'careful'],
];

export function percentTone(value: number | null): Tone {
  if (value === null) return 'muted';
  for (const [level, tone] of PERCENT_TONES) if (value >= level) return tone;
  return 'ok';
}

/** NaN/Infinity become gaps; values are clamped into [0, max] so the graph never lies about its scale. */
export function cleanSeries(values: readonly (number | null)[], max: number): (number | null)[] {
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : Math.min(max, Math.max(0, v))));
}

/** Finite samples outside [0, max] among the newest `cols` (the ones drawn): they are clamped, and the panel says so. */
export function countOffScale(values: readonly (number | null)[], max: number, cols = Infinity): number {
  const shown = Number.isFinite(cols) ? values.slice(Math.max(0, values.length - cols)) : values;
  return shown.filter((v) => v !== null && Number.isFinite(v) && (v < 0 || v > max)).length;
}

/**
 * How wide the graph is drawn, how far apart its samples are, and how many samples share a column
 * (default 1), so the label can say what time it spans.
 */
export type ChartScale = { cols: number; sampleMs: number; perColumn?: number; zoomed?: boolean };

/** Columns a line chart's value labels and padding take; it draws about one point per remaining column. */
export const LINE_CHART_AXIS_COLS = 8;

/** "38 s", "5 min", "2 h": the time `cols` samples `sampleMs` apart cover. */
export function formatSpan(cols: number, sampleMs: number): string {
  const seconds = Math.round((Math.max(0, cols) * sampleMs) / 1000);
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/**
 * The first of `candidates` (longest first) that fits `width` cells, with the time span and, when a
 * column holds several samples, what a column shows ("5 s peaks"); dropped in that order when short.
 */
function fitLabel(candidates: string[], scale: ChartScale | undefined, spanCols = scale?.cols ?? 0): string {
  if (!scale) return candidates[0] ?? '';
  const perColumn = scale.perColumn ?? 1;
  const span = `, last ${formatSpan(spanCols, scale.sampleMs * perColumn)}`;
  const peaks = perColumn > 1 ? `, ${formatSpan(1, scale.sampleMs * perColumn)} peaks` : '';
  const labels = [...(peaks ? candidates.map((c) => c + span + peaks) : []), ...candidates.map((c) => c + span), ...candidates];
  return labels.find((c) => c.length <= scale.cols) ?? candidates.at(-1) ?? '';
}

/**
 * The graph's label and values and, zoomed, its line chart: the newest points that fit beside the
 * value axis, labelled with the span they really cover (the history since start may be shorter
 * than the panel), and how many gaps were drawn flat.
 */
function graph(candidates: string[], history: readonly (number | null)[], atMs: number, scale: ChartScale | undefined): Pick<ChartModel, 'label' | 'values' | 'line'> {
  const values = graphValues(history, 100, atMs, scale);
  const label = fitLabel(candidates, scale);
  if (!scale?.zoomed) return { label, values };
  const points = lineChartData(values, scale.sampleMs * (scale.perColumn ?? 1), scale.cols - LINE_CHART_AXIS_COLS);
  if (!points || points.y.length < 2) return { label, values };
  const bridged = points.bridged > 0 ? `, ${points.bridged} missing drawn flat` : '';
  return { label, values, line: { x: points.x, y: points.y, label: fitLabel(candidates, scale, points.y.length) + bridged } };
}

/** What the graph draws: the samples, or the peak of each column when several share one. */
function graphValues(values: readonly (number | null)[], max: number, atMs: number, scale: ChartScale | undefined): (number | null)[] {
  const clean = cleanSeries(values, max);
  const perColumn = scale?.perColumn ?? 1;
  return perColumn > 1 && scale ? peakColumns(clean, atMs, scale.sampleMs, perColumn) : clean;
}

/** A figure line only when some drawn samples were off the scale. */
function offScaleLines(values: readonly (number | null)[], max: number, scale: ChartScale | undefined): Line[] {
  const off = countOffScale(values, max, scale ? scale.cols * (scale.perColumn ?? 1) : undefined);
  return off === 0 ? [] : [[{ text: `${off} sample${off === 1 ? '' : 's'} off the 0-${max} scale, drawn at the edge`, tone: 'careful' }]];
}

export function toCpuModel(snapshot: Snapshot, scale?: ChartScale): ChartModel {
  const now = snapshot.cpu.percent;
  const lines: Line[] = [
    [
      { text: 'now ', tone: 'muted' },
      { text: now === null ? 'measuring…' : formatPercent(now), tone: percentTone(now) },
    ],
  ];
  if (snapshot.app?.cpuPercent != null) {
    lines.push([
      { text: 'app ', tone: 'muted' },
      { text: `${formatPercent(snapshot.app.cpuPercent)} of one core`, tone: 'normal' },
    ]);
  }
  return {
    title: 'CPU',
    ...graph(['machine CPU %, all cores, 0-100', 'CPU %, all cores, 0-100', 'CPU %, 0-100', '%, 0-100'], snapshot.cpu.history, snapshot.atMs, scale),
    max: 100,
    lines: [...lines, ...offScaleLines(snapshot.cpu.history, 100, scale)],
    tone: percentTone(now),
  };
}

/**
 * " (526 MiB of 23.5 GiB)" where it fits after the percentage, else " of 23.5 GiB" (the size of the
 * machine says more than the used amount, which the percentage already gives), else nothing.
 */
function memoryDetail(usedBytes: number | null, totalBytes: number | null, used: number, cols: number | undefined): string {
  if (usedBytes === null) return '';
  const full = ` (${formatBytes(usedBytes)} of ${formatBytes(totalBytes)})`;
  if (cols === undefined || used + full.length <= cols) return full;
  const total = ` of ${formatBytes(totalBytes)}`;
  return used + total.length <= cols ? total : '';
}

export function toMemoryModel(snapshot: Snapshot, scale?: ChartScale): ChartModel {
  const { percent, usedBytes, totalBytes } = snapshot.memory;
  const lines: Line[] = [
    [
      { text: 'now ', tone: 'muted' },
      { text: formatPercent(percent), tone: percentTone(percent) },
      { text: memoryDetail(usedBytes, totalBytes, 'now '.length + formatPercent(percent).length, scale?.cols), tone: 'muted' },
    ],
    [
      { text: 'app RSS ', tone: 'muted' },
      { text: snapshot.app ? formatBytes(snapshot.app.rssBytes) : 'no app process', tone: snapshot.app ? 'normal' : 'muted' },
    ],
  ];
  return {
    title: 'Memory',
    ...graph(['used memory %, 0-100', '% used, 0-100', '%, 0-100'], snapshot.memory.history, snapshot.atMs, scale),
    max: 100,
    lines: [...lines, ...offScaleLines(snapshot.memory.history, 100, scale)],
    tone: percentTone(percent),
  };
}

export function toGpuModel(snapshot: Snapshot, scale?: ChartScale): ChartModel {
  const gpu = snapshot.gpu;
  if (gpu.state !== 'ok') {
    const reason = gpu.state === 'pending' ? 'checking for a GPU…' : gpu.reason;
    return {
      title: 'GPU',
      label: fitLabel(['GPU usage %, 0-100', '% busy, 0-100', '%, 0-100'], scale),
      values: [],
      max: 100,
      // Alone on the screen (zoomed, or one panel at a time) the panel has rows to spare: the reason is read whole.
      lines: [[{ text: 'n/a', tone: 'muted' }], ...(scale?.zoomed && scale.cols > 0 ? wrapLine([{ text: reason, tone: 'muted' }], scale.cols) : [[{ text: reason, tone: 'muted' as const }]])],
      tone: 'muted',
    };
  }
  return {
    title: 'GPU',
    ...graph(['GPU usage %, 0-100', '% busy, 0-100', '%, 0-100'], gpu.history, snapshot.atMs, scale),
    max: 100,
    lines: [
      [
        { text: 'now ', tone: 'muted' },
        { text: gpu.usagePercent === null ? 'n/a (driver does not say)' : formatPercent(gpu.usagePercent), tone: percentTone(gpu.usagePercent) },
      ],
      [
        { text: 'mem ', tone: 'muted' },
        { text: gpu.memoryUsedBytes === null ? 'n/a' : `${formatBytes(gpu.memoryUsedBytes)} of ${formatBytes(gpu.memoryTotalBytes)}`, tone: 'normal' },
      ],
      [{ text: gpu.name, tone: 'muted' }],
      ...offScaleLines(gpu.history, 100, scale),
    ],
    tone: percentTone(gpu.usagePercent),
  };
}
