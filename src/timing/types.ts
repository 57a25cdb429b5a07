// Shapes of per-operation statistics, shared by the registry, the views and exports.

/** Which stretch of time the distribution fields describe. */
export type StatsWindow = {
  /** Human label, e.g. "last 45 s". */
  label: string;
  startMs: number;
  endMs: number;
};

/** Statistics of one component.operation series. */
export type OperationStats = {
  component: string;
  operation: string;
  /** Calls since start or the last clear. */
  count: number;
  /** Failed calls since start or the last clear. */
  errors: number;
  /** Calls per second over `window`. */
  ratePerSec: number;
  /** Duration of the most recent call, ms. */
  lastMs: number;
  /** Distribution over `window`; null when the window holds no call. */
  avgMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Number of calls inside `window`. */
  windowCount: number;
  window: StatsWindow;
};
