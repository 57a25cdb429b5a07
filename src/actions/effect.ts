// The measured effect of an applied action, pure: the watched metric before vs after the settle period, in words.
import type { MetricId } from '../rules/types.js';
import { median } from '../timing/median.js';

/** Moves smaller than this, in the metric's display units (pts, fps, MB/s), count as no effect. */
export const DEFAULT_EFFECT_THRESHOLD = 3;

export type MeasuredEffect = {
  known: true;
  metric: MetricId;
  /** Median during the evidence period before the apply, in display units, rounded as shown. */
  before: number;
  /** Median during the settle period after the apply, in display units, rounded as shown. */
  after: number;
  /** after - before, as shown. */
  delta: number;
  settleMs: number;
  /** The metric moved the expected way by at least the threshold. */
  helped: boolean;
  /** "cpu 97 % -> 71 % (-26 pts) over 15 s", or "no effect: cpu 97 % -> 96 % (-1 pts) over 15 s". */
  text: string;
};

export type UnknownEffect = { known: false; metric: MetricId; settleMs: number; helped: false; text: string };

export type Effect = MeasuredEffect | UnknownEffect;

export type EffectInput = {
  metric: MetricId;
  /** Raw values (as the snapshot holds them) during the evidence period before the apply. */
  beforeValues: readonly number[];
  /** Raw values during the settle period after the apply. */
  afterValues: readonly number[];
  settleMs: number;
  /** Which way helps; default 'decrease'. */
  expect?: 'decrease' | 'increase';
  /** Default DEFAULT_EFFECT_THRESHOLD (3). */
  threshold?: number;
};

type Unit = { label: string; unit: string; deltaUnit: string; decimals: number; scale: number };

const UNITS: Record<MetricId, Unit> = {
  cpuPercent: { label: 'cpu', unit: ' %', deltaUnit: 'pts', decimals: 0, scale: 1 },
  memoryPercent: { label: 'memory', unit: ' %', deltaUnit: 'pts', decimals: 0, scale: 1 },
  appFps: { label: 'app fps', unit: '', deltaUnit: 'fps', decimals: 1, scale: 1 },
  diskWriteBytesPerSec: { label: 'disk writes', unit: ' MiB/s', deltaUnit: 'MiB/s', decimals: 1, scale: 1 / 1024 ** 2 },
  socTemperatureC: { label: 'SoC', unit: ' °C', deltaUnit: '°C', decimals: 0, scale: 1 },
  // Flags read 1 while they hold: an effect reads as "1 -> 0".
  underVoltageNow: { label: 'under-voltage', unit: '', deltaUnit: '', decimals: 0, scale: 1 },
  throttledNow: { label: 'throttled', unit: '', deltaUnit: '', decimals: 0, scale: 1 },
  softTemperatureLimitNow: { label: 'soft temperature limit', unit: '', deltaUnit: '', decimals: 0, scale: 1 },
  armFrequencyCappedNow: { label: 'ARM frequency capped', unit: '', deltaUnit: '', decimals: 0, scale: 1 },
};

/**
 * Medians rather than means, so one spike in either period does not decide the verdict.
 * Values are rounded as displayed before comparing, so the text and the verdict agree.
 */
export function computeEffect(input: EffectInput): Effect {
  const { metric, settleMs } = input;
  const u = UNITS[metric];
  const before = median(input.beforeValues);
  const after = median(input.afterValues);
  if (before === null || after === null) {
    const missing = before === null ? 'before the apply' : 'in the settle period';
    return { known: false, metric, settleMs, helped: false, text: `effect unknown: no ${u.label} samples ${missing}` };
  }
  const round = (value: number) => Number((value * u.scale).toFixed(u.decimals));
  const b = round(before);
  const a = round(after);
  const delta = Number((a - b).toFixed(u.decimals));
  const threshold = input.threshold ?? DEFAULT_EFFECT_THRESHOLD;
  const helped = (input.expect ?? 'decrease') === 'decrease' ? -delta >= threshold : delta >= threshold;
  const sign = delta < 0 ? '-' : '+';
  const show = (value: number) => value.toFixed(u.decimals);
  const change = `${u.label} ${show(b)}${u.unit} -> ${show(a)}${u.unit} (${sign}${show(Math.abs(delta))} ${u.deltaUnit}) over ${Math.round(settleMs / 1000)} s`;
  return { known: true, metric, before: b, after: a, delta, settleMs, helped, text: helped ? change : `no effect: ${change}` };
}

