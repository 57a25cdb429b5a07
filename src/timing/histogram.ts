// A fixed-size, log-bucketed duration histogram (DDSketch-style relative accuracy) for percentiles.

/** Bucket values are within this fraction of any value they hold. */
export const RELATIVE_ACCURACY = 0.015;
/** Smallest distinguished duration (1 us); anything below lands in the first bucket. */
export const LOWEST_MS = 0.001;
/** Largest distinguished duration (100 s); anything above lands in the last bucket. */
export const HIGHEST_MS = 100_000;

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const INV_LOG_GAMMA = 1 / Math.log(GAMMA);
/** Bucket i holds (LOWEST_MS * GAMMA^(i-1), LOWEST_MS * GAMMA^i]; bucket 0 holds everything <= LOWEST_MS. */
export const BUCKET_COUNT = Math.ceil(Math.log(HIGHEST_MS / LOWEST_MS) * INV_LOG_GAMMA) + 1;
const LAST_BUCKET = BUCKET_COUNT - 1;

// One shared table: the value reported for a bucket is the point of least relative error in it.
const REPRESENTATIVE_MS = new Float64Array(BUCKET_COUNT);
for (let i = 0; i < BUCKET_COUNT; i++) {
  REPRESENTATIVE_MS[i] = i === 0 ? LOWEST_MS : (LOWEST_MS * 2 * GAMMA ** i) / (GAMMA + 1);
}

/** Index of the bucket that holds ms (ms must be a finite number >= 0). */
export function bucketIndex(ms: number): number {
  if (ms <= LOWEST_MS) return 0;
  const index = Math.ceil(Math.log(ms / LOWEST_MS) * INV_LOG_GAMMA);
  return index > LAST_BUCKET ? LAST_BUCKET : index;
}

export class LogHistogram {
  /** Counts per bucket; allocated once, never resized. */
  readonly counts = new Uint32Array(BUCKET_COUNT);
  count = 0;
  sumMs = 0;
  /** Exact extremes, so clamped tails still report true min and max. */
  minMs = Infinity;
  maxMs = -Infinity;

  record(ms: number): void {
    const index = bucketIndex(ms);
    this.counts[index] = (this.counts[index] ?? 0) + 1;
    this.count++;
    this.sumMs += ms;
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  reset(): void {
    if (this.count === 0) return;
    this.counts.fill(0);
    this.count = 0;
    this.sumMs = 0;
    this.minMs = Infinity;
    this.maxMs = -Infinity;
  }

  /** Bytes held by the bucket array. */
  get byteLength(): number {
    return this.counts.byteLength;
  }

  /** Nearest-rank quantile (q in 0..1) of this histogram; null when empty. */
  quantile(q: number): number | null {
    const out = [NaN];
    return quantilesOf(this, undefined, [q], out) ? (out[0] ?? null) : null;
  }
}

/**
 * Nearest-rank quantiles of the union of one or two histograms, written into out (same order as qs,
 * which must be ascending). Walks the buckets once and allocates nothing. Returns false when both are empty.
 */
export function quantilesOf(
  a: LogHistogram,
  b: LogHistogram | undefined,
  qs: readonly number[],
  out: number[],
): boolean {
  const total = a.count + (b ? b.count : 0);
  if (total === 0) return false;
  const minMs = b && b.minMs < a.minMs ? b.minMs : a.minMs;
  const maxMs = b && b.maxMs > a.maxMs ? b.maxMs : a.maxMs;
  let next = 0;
  let rank = targetRank(qs[0] ?? 0, total);
  let seen = 0;
  for (let i = 0; i < BUCKET_COUNT && next < qs.length; i++) {
    seen += (a.counts[i] ?? 0) + (b ? (b.counts[i] ?? 0) : 0);
    while (seen >= rank && next < qs.length) {
      // The extreme ranks are known exactly, and the overflow bucket has no meaningful midpoint.
      const value = rank === 1 ? minMs : rank === total || i === LAST_BUCKET ? maxMs : (REPRESENTATIVE_MS[i] ?? 0);
      out[next] = value < minMs ? minMs : value > maxMs ? maxMs : value;
      next++;
      rank = targetRank(qs[next] ?? 1, total);
    }
  }
  return true;
}

function targetRank(q: number, total: number): number {
  const rank = Math.ceil(q * total);
  return rank < 1 ? 1 : rank > total ? total : rank;
}
