// A fixed-bucket duration histogram counted since start, for exports whose counters must never go down (Prometheus).

/** Upper bounds of the buckets, seconds (Prometheus `le`), 0.5 ms to 30 s; a last +Inf bucket catches the rest. */
export const DURATION_BOUNDS_SECONDS: readonly number[] = Object.freeze([
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
]);

/** The same bounds in ms, the unit record() takes; shared by every histogram. */
const BOUNDS_MS = Float64Array.from(DURATION_BOUNDS_SECONDS, (s) => s * 1000);
const BOUND_COUNT = BOUNDS_MS.length;

export class CumulativeHistogram {
  /** Calls per bucket (not cumulative); index BOUND_COUNT is the +Inf bucket. Allocated once. */
  readonly counts = new Float64Array(BOUND_COUNT + 1);
  count = 0;
  sumMs = 0;

  /** Hot path: a short scan over 15 bounds, no allocation. ms must be finite and >= 0 (the registry filters). */
  record(ms: number): void {
    let i = 0;
    // Prometheus buckets are upper-inclusive (le); most frame work falls in the first few buckets.
    while (i < BOUND_COUNT && ms > (BOUNDS_MS[i] as number)) i++;
    this.counts[i] = (this.counts[i] as number) + 1;
    this.count++;
    this.sumMs += ms;
  }

  /** Calls at or below DURATION_BOUNDS_SECONDS[i]; i === bounds length gives the +Inf bucket (= count). */
  cumulativeCount(i: number): number {
    let total = 0;
    for (let j = 0; j <= i && j <= BOUND_COUNT; j++) total += this.counts[j] as number;
    return total;
  }
}
