// Watches one metric after an apply and turns its samples into an Effect once the settle period is over; no timers.
import type { Clock } from '../app/clock.js';
import type { MetricId } from '../rules/types.js';
import { computeEffect } from './effect.js';
import type { Effect } from './effect.js';

export const DEFAULT_SETTLE_MS = 15_000;

export type EffectTrackerOptions = {
  metric: MetricId;
  appliedAtMs: number;
  /** The metric's values during the evidence period before the apply. */
  beforeValues: readonly number[];
  clock: Pick<Clock, 'now'>;
  /** How long to watch after the apply; default 15 000 ms. */
  settleMs?: number;
  /** Start of the settle period ignored while the app reloads its config; default a third of settleMs. */
  graceMs?: number;
  /** Which way helps; default 'decrease'. */
  expect?: 'decrease' | 'increase';
  /** Smallest move that counts, in display units; default 3. */
  threshold?: number;
};

export class EffectTracker {
  readonly metric: MetricId;
  readonly appliedAtMs: number;
  readonly settleMs: number;
  private readonly graceMs: number;
  private readonly afterValues: number[] = [];
  private effect: Effect | null = null;

  constructor(private readonly options: EffectTrackerOptions) {
    this.metric = options.metric;
    this.appliedAtMs = options.appliedAtMs;
    this.settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
    this.graceMs = options.graceMs ?? Math.round(this.settleMs / 3);
  }

  /** One sample of the metric; those outside the settle period (after the grace) are ignored. */
  add(atMs: number, value: number): void {
    if (this.effect !== null || !Number.isFinite(value)) return;
    if (atMs < this.appliedAtMs + this.graceMs || atMs > this.appliedAtMs + this.settleMs) return;
    this.afterValues.push(value);
  }

  remainingMs(): number {
    return Math.max(0, this.appliedAtMs + this.settleMs - this.options.clock.now());
  }

  /** Null while settling; then the effect, the same object on every call. */
  result(): Effect | null {
    if (this.effect === null && this.remainingMs() === 0) {
      this.effect = computeEffect({
        metric: this.metric,
        beforeValues: this.options.beforeValues,
        afterValues: this.afterValues,
        settleMs: this.settleMs,
        expect: this.options.expect,
        threshold: this.options.threshold,
      });
    }
    return this.effect;
  }
}
