// CPU, Memory and GPU panels: graph values cleaned for drawing, and the figures under them.
import type { Snapshot } from '../store/snapshot.js';
import { formatBytes, formatPercent } from './format.js';
import type { ChartModel, Line, Tone } from './model.js';

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

export function toCpuModel(snapshot: Snapshot): ChartModel {
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
    label: 'machine CPU %, all cores, 0-100',
    values: cleanSeries(snapshot.cpu.history, 100),
    max: 100,
    lines,
    tone: percentTone(now),
  };
}

export function toMemoryModel(snapshot: Snapshot): ChartModel {
  const { percent, usedBytes, totalBytes } = snapshot.memory;
  const lines: Line[] = [
    [
      { text: 'now ', tone: 'muted' },
      { text: formatPercent(percent), tone: percentTone(percent) },
      { text: usedBytes === null ? '' : ` (${formatBytes(usedBytes)} of ${formatBytes(totalBytes)})`, tone: 'muted' },
    ],
    [
      { text: 'app RSS ', tone: 'muted' },
      { text: snapshot.app ? formatBytes(snapshot.app.rssBytes) : 'no app process', tone: snapshot.app ? 'normal' : 'muted' },
    ],
  ];
  return {
    title: 'Memory',
    label: 'used memory %, 0-100',
    values: cleanSeries(snapshot.memory.history, 100),
    max: 100,
    lines,
    tone: percentTone(percent),
  };
}

export function toGpuModel(snapshot: Snapshot): ChartModel {
  const gpu = snapshot.gpu;
  if (gpu.state !== 'ok') {
    const reason = gpu.state === 'pending' ? 'checking for a GPU…' : gpu.reason;
    return {
      title: 'GPU',
      label: 'GPU usage %, 0-100',
      values: [],
      max: 100,
      lines: [[{ text: 'n/a', tone: 'muted' }], [{ text: reason, tone: 'muted' }]],
      tone: 'muted',
    };
  }
  return {
    title: 'GPU',
    label: 'GPU usage %, 0-100',
    values: cleanSeries(gpu.history, 100),
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
    ],
    tone: percentTone(gpu.usagePercent),
  };
}
