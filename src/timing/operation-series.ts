// One component.operation series: totals since start plus a sliding window made of two half-window histograms.
import { CumulativeHistogram } from './cumulative-histogram.js';
import { LogHistogram, quantilesOf } from './histogram.js';

const PERCENTILES = [0.5, 0.95, 0.99] as const;

/** The window part of a series' statistics; distribution fields are null when the window is empty. */
export type WindowSummary = {
  windowCount: number;
  sumMs: number;
  avgMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
};

export class OperationSeries {
  /** Calls since start or clear; windowing never touches it. */
  count = 0;
  errors = 0;
  lastMs = 0;
  /** When the registry last saw count or errors change (set at rotate time); null if never. */
  lastChangeMs: number | null = null;
  /** Per-camera child series, created on the first camera-tagged call. */
  cameras: Map<string, OperationSeries> | null = null;
  /** Fixed buckets since start or clear, for exports that need counters which never go down. */
  readonly total = new CumulativeHistogram();
  private current = new LogHistogram();
  private previous = new LogHistogram();
  private seenCount = 0;
  private seenErrors = 0;

  /** Hot path: no clock read, no allocation. Invalid durations are the caller's to filter. */
  record(durationMs: number, success: boolean): void {
    this.count++;
    if (!success) this.errors++;
    this.lastMs = durationMs;
    this.current.record(durationMs);
    this.total.record(durationMs);
  }

  /** Counts failures that came without a duration (e.g. a StatsD error counter). */
  recordError(n: number): void {
    this.errors += n;
  }

  /** Starts a new half window: the current one becomes the previous one, the oldest is dropped. */
  shift(): void {
    const oldest = this.previous;
    this.previous = this.current;
    oldest.reset();
    this.current = oldest;
  }

  /** Empties the window (used when rotation lapsed so long that both halves are stale). */
  clearWindow(): void {
    this.current.reset();
    this.previous.reset();
  }

  /** Notes the time when count or errors moved since the last call. */
  noteChange(nowMs: number): void {
    if (this.count !== this.seenCount || this.errors !== this.seenErrors) {
      this.seenCount = this.count;
      this.seenErrors = this.errors;
      this.lastChangeMs = nowMs;
    }
  }

  /** Sum of durations inside the window, ms. */
  windowSumMs(): number {
    return this.current.sumMs + this.previous.sumMs;
  }

  windowCount(): number {
    return this.current.count + this.previous.count;
  }

  summarize(): WindowSummary {
    const windowCount = this.windowCount();
    const sumMs = this.windowSumMs();
    const out = [0, 0, 0];
    if (!quantilesOf(this.current, this.previous, PERCENTILES, out)) {
      return { windowCount, sumMs, avgMs: null, minMs: null, maxMs: null, p50Ms: null, p95Ms: null, p99Ms: null };
    }
    return {
      windowCount,
      sumMs,
      avgMs: sumMs / windowCount,
      minMs: Math.min(this.current.minMs, this.previous.minMs),
      maxMs: Math.max(this.current.maxMs, this.previous.maxMs),
      p50Ms: out[0] ?? null,
      p95Ms: out[1] ?? null,
      p99Ms: out[2] ?? null,
    };
  }

  /** Bytes held by the window's bucket arrays (constant for the life of the series). */
  get histogramBytes(): number {
    return this.current.byteLength + this.previous.byteLength;
  }
}
