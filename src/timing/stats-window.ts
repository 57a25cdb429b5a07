// The half-window rotation schedule of a registry and how its window is described in stats.
import type { OperationStats, StatsWindow } from './types.js';
import type { OperationSeries } from './operation-series.js';

/** What rotate() must do to every series after advancing the schedule. */
export type RotateStep = 'none' | 'shift' | 'clear';

export class WindowSchedule {
  readonly halfMs: number;
  private currentStartMs: number | null;
  private previousStartMs: number | null = null;

  constructor(windowMs: number, startMs: number | undefined) {
    this.halfMs = windowMs / 2;
    this.currentStartMs = startMs ?? null;
  }

  /**
   * Advances to nowMs. Half windows stay on a fixed grid from the start, so a late tick does not stretch them.
   * A clock that stepped backwards by more than a half window restarts the window at nowMs rather than
   * freezing it until time catches up.
   */
  advance(nowMs: number): RotateStep {
    if (this.currentStartMs === null) {
      // No start given: the first rotation anchors the grid.
      this.currentStartMs = nowMs;
      return 'none';
    }
    if (nowMs < this.currentStartMs) {
      // A reader a little behind the last rotation (two callers, slight skew) changes nothing.
      if (nowMs >= this.currentStartMs - this.halfMs) return 'none';
      this.currentStartMs = nowMs;
      this.previousStartMs = null;
      return 'clear';
    }
    const halves = Math.floor((nowMs - this.currentStartMs) / this.halfMs);
    if (halves === 0) return 'none';
    // Two or more halves without a rotation: calls since the last one cannot be placed in time, so the
    // window restarts empty (totals keep them).
    this.previousStartMs = this.currentStartMs + (halves - 1) * this.halfMs;
    this.currentStartMs += halves * this.halfMs;
    return halves === 1 ? 'shift' : 'clear';
  }

  /** The stretch the window fields describe when read at nowMs (after advance(nowMs)). */
  describe(nowMs: number): StatsWindow {
    const startMs = this.previousStartMs ?? this.currentStartMs ?? nowMs;
    const endMs = Math.max(startMs, nowMs);
    return { label: `last ${formatSeconds(endMs - startMs)} s`, startMs, endMs };
  }
}

function formatSeconds(spanMs: number): string {
  const seconds = spanMs / 1000;
  if (seconds >= 10) return String(Math.round(seconds));
  return String(Math.round(seconds * 10) / 10);
}

/** Builds the public stats of one series for a window. */
export function toOperationStats(
  component: string,
  operation: string,
  series: OperationSeries,
  window: StatsWindow,
): OperationStats {
  const summary = series.summarize();
  const spanMs = window.endMs - window.startMs;
  return {
    component,
    operation,
    count: series.count,
    errors: series.errors,
    ratePerSec: spanMs > 0 ? (summary.windowCount * 1000) / spanMs : 0,
    lastMs: series.lastMs,
    avgMs: summary.avgMs,
    minMs: summary.minMs,
    maxMs: summary.maxMs,
    p50Ms: summary.p50Ms,
    p95Ms: summary.p95Ms,
    p99Ms: summary.p99Ms,
    windowCount: summary.windowCount,
    window: { ...window },
  };
}
