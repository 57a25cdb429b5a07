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
  errors = 0;
  lastMs = 0;
  /** When the registry last saw count or errors change (set at rotate time); null if never. */
  lastChangeMs: number | null = null;
  /** Per-camera child series, created on the first camera-tagged call. */
  cameras: Map<string, OperationSeries> | null = null;
  /** Set by the registry when clear() drops this series, so bound handles know to look it up again. */
  retired = false;
  private current = new LogHistogram();
  private previous = new LogHistogram();
  /**
   * Calls since start or clear, bucketed for exports, except those still in the window: a half window
   * is added when it leaves, so the hot path only counts each call in `current`.
   */
  private readonly closed = new CumulativeHistogram();
  /** What totals() returns: one object per series, so exports can cache per series. */
  private published: CumulativeHistogram | null = null;
  private seenCount = 0;
  private seenErrors = 0;

  /** Calls since start or clear; windowing never touches it. */
  get count(): number {
    return this.closed.count + this.current.count + this.previous.count;
  }

  /** Hot path: no clock read, no allocation. Invalid durations are the caller's to filter. */
  record(durationMs: number, success: boolean): void {
    if (!success) this.errors++;
    this.lastMs = durationMs;
    this.closed.noteSplit(this.current.record(durationMs), durationMs);
  }

  /** Counts failures that came without a duration (e.g. a StatsD error counter). */
  recordError(n: number): void {
    this.errors += n;
  }

  /** Starts a new half window: the current one becomes the previous one, the oldest is dropped. */
  shift(): void {
    const oldest = this.previous;
    this.closed.addLog(oldest);
    this.previous = this.current;
    oldest.reset();
    this.current = oldest;
  }

  /** Empties the window (used when rotation lapsed so long that both halves are stale). */
  clearWindow(): void {
    this.closed.addLog(this.current);
    this.closed.addLog(this.previous);
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

  /** Buckets, count and sum since start or clear, window included; refreshed by each call into the same object. */
  totals(): CumulativeHistogram {
    const out = (this.published ??= new CumulativeHistogram());
    // Rotation only moves calls between the parts, so the sum changes only when the count does.
    if (out.count !== this.count) out.setToSum(this.closed, this.current, this.previous);
    return out;
  }

  /** Bytes held by the window's bucket arrays (constant for the life of the series). */
  get histogramBytes(): number {
    return this.current.byteLength + this.previous.byteLength;
  }
}
