// A fixed-bucket duration histogram counted since start, for exports whose counters must never go down (Prometheus).
import { BUCKET_COUNT, bucketIndex, bucketUpperMs, type LogHistogram } from './histogram.js';

/** Upper bounds of the buckets, seconds (Prometheus `le`), 0.5 ms to 30 s; a last +Inf bucket catches the rest. */
export const DURATION_BOUNDS_SECONDS: readonly number[] = Object.freeze([
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
]);

/** The same bounds in ms, the unit record() takes; shared by every histogram. */
const BOUNDS_MS = Float64Array.from(DURATION_BOUNDS_SECONDS, (s) => s * 1000);
const BOUND_COUNT = BOUNDS_MS.length;

// Log buckets map to these buckets through two shared tables. A log bucket (lower, upper] lies inside
// one of them unless a bound falls strictly inside it (log buckets are ~3 % wide and the bounds at
// least 2x apart, so at most one does): then its values up to the bound belong to the bucket of its
// lowest values and the rest to the next one. One comparison against that bound keeps `le` exact.
/** Log bucket -> bucket of its lowest values. */
const LOG_TO_BOUND = new Uint8Array(BUCKET_COUNT);
/** Log bucket -> the bound falling strictly inside it, or Infinity when none does. */
const SPLIT_MS = new Float64Array(BUCKET_COUNT);
for (let i = 0; i < BUCKET_COUNT; i++) {
  const low = countBounds((boundMs) => boundMs <= bucketUpperMs(i - 1));
  const high = countBounds((boundMs) => boundMs < bucketUpperMs(i));
  if (high > low + 1) throw new Error(`cumulative-histogram: log bucket ${i} holds ${high - low} bounds; bounds must be further apart`);
  LOG_TO_BOUND[i] = low;
  SPLIT_MS[i] = high > low ? (BOUNDS_MS[low] as number) : Infinity;
}

/** Bucket j -> first log bucket mapped to it (LOG_TO_BOUND ascends); one more entry ends the last range. */
const FIRST_LOG = new Uint16Array(BOUND_COUNT + 2);
for (let j = 0, i = 0; j <= BOUND_COUNT + 1; j++) {
  while (i < BUCKET_COUNT && (LOG_TO_BOUND[i] as number) < j) i++;
  FIRST_LOG[j] = i;
}

function countBounds(test: (boundMs: number) => boolean): number {
  let n = 0;
  for (const boundMs of BOUNDS_MS) if (test(boundMs)) n++;
  return n;
}

export class CumulativeHistogram {
  /** Calls per bucket (not cumulative); index BOUND_COUNT is the +Inf bucket. Allocated once. */
  readonly counts = new Float64Array(BOUND_COUNT + 1);
  count = 0;
  sumMs = 0;

  /** O(1), no allocation. ms must be finite and >= 0 (the registry filters). */
  record(ms: number): void {
    const logIndex = bucketIndex(ms);
    const i = (LOG_TO_BOUND[logIndex] as number) + +(ms > (SPLIT_MS[logIndex] as number));
    this.counts[i] = (this.counts[i] as number) + 1;
    this.count++;
    this.sumMs += ms;
  }

  /**
   * Adds every call of a log histogram, each log bucket's calls to the bucket of its lowest values.
   * Calls above a bound inside their log bucket must have gone through noteSplit() when recorded.
   */
  addLog(log: LogHistogram): void {
    if (log.count === 0) return;
    for (let j = 0; j <= BOUND_COUNT; j++) {
      let n = 0;
      for (let i = FIRST_LOG[j] as number, end = FIRST_LOG[j + 1] as number; i < end; i++) n += log.counts[i] as number;
      this.counts[j] = (this.counts[j] as number) + n;
    }
    this.count += log.count;
    this.sumMs += log.sumMs;
  }

  /**
   * Hot-path companion of addLog(), for a call just recorded in a log histogram at logIndex that will
   * be added here later: when the call lies above a bound inside its log bucket, one call moves up a
   * bucket now, ahead of addLog() counting it in the lower one. Between the two, counts may read -1.
   */
  noteSplit(logIndex: number, ms: number): void {
    if (ms > (SPLIT_MS[logIndex] as number)) {
      const i = LOG_TO_BOUND[logIndex] as number;
      this.counts[i] = (this.counts[i] as number) - 1;
      this.counts[i + 1] = (this.counts[i + 1] as number) + 1;
    }
  }

  /** Sets this to base plus the calls of two log histograms (their noteSplit() calls having gone to base). */
  setToSum(base: CumulativeHistogram, a: LogHistogram, b: LogHistogram): void {
    this.counts.set(base.counts);
    this.count = base.count;
    this.sumMs = base.sumMs;
    this.addLog(a);
    this.addLog(b);
  }

  /** Calls at or below DURATION_BOUNDS_SECONDS[i]; i === bounds length gives the +Inf bucket (= count). */
  cumulativeCount(i: number): number {
    let total = 0;
    for (let j = 0; j <= i && j <= BOUND_COUNT; j++) total += this.counts[j] as number;
    return total;
  }
}
