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

// The bucket edges, computed once: every index decision is an exact comparison against them, so a
// value equal to an edge always lands in the lower bucket. The last bucket has no upper edge.
const UPPER_MS = new Float64Array(BUCKET_COUNT);
for (let i = 0; i < LAST_BUCKET; i++) UPPER_MS[i] = LOWEST_MS * GAMMA ** i;
UPPER_MS[LAST_BUCKET] = Infinity;
// A private copy of LOWEST_MS, for the same reason as indexOf() below.
const FIRST_EDGE_MS = UPPER_MS[0] as number;
/** Values above this go to the last bucket without a table lookup. */
const CLAMP_MS = UPPER_MS[LAST_BUCKET - 1] as number;

// Math.log costs more than the whole record() budget, so the index comes from the float's bits:
// the high word holds the exponent and the top 20 mantissa bits. Its top SLOT_BITS mantissa bits
// cut each binade into slots no wider than 2^-SLOT_BITS relative, narrower than a bucket (about
// 3 %), so a slot meets at most one edge: the slot gives the bucket of its lowest value, and one
// comparison with that bucket's upper edge corrects it.
const SLOT_BITS = 6;
const SLOT_SHIFT = 20 - SLOT_BITS;
const FLOAT = new Float64Array(1);
const WORDS = new Uint32Array(FLOAT.buffer);
/** Which of the two words holds the exponent depends on the platform's byte order. */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function slotOf(ms: number): number {
  FLOAT[0] = ms;
  return (WORDS[HIGH_WORD] as number) >>> SLOT_SHIFT;
}

const FIRST_SLOT = slotOf(LOWEST_MS);
/** Slot (offset by FIRST_SLOT) -> bucket of the slot's lowest value. */
const SLOT_BUCKET = new Uint16Array(slotOf(CLAMP_MS) - FIRST_SLOT + 1);
for (let slot = 0, bucket = 0; slot < SLOT_BUCKET.length; slot++) {
  WORDS[HIGH_WORD] = (FIRST_SLOT + slot) << SLOT_SHIFT;
  WORDS[1 - HIGH_WORD] = 0;
  const lowestMs = FLOAT[0] as number;
  while (lowestMs > (UPPER_MS[bucket] as number)) bucket++;
  SLOT_BUCKET[slot] = bucket;
}

/** Upper edge of bucket index, ms (inclusive): -Infinity below bucket 0, Infinity for the last bucket. */
export function bucketUpperMs(index: number): number {
  return index < 0 ? -Infinity : index > LAST_BUCKET ? Infinity : (UPPER_MS[index] as number);
}

/** Index of the bucket that holds ms (ms must be a number >= 0; NaN lands in bucket 0). */
export function bucketIndex(ms: number): number {
  return indexOf(ms);
}

// Callers in this module use this private copy: an exported binding is read through a cell and
// checked on every call, and a function declaration's binding is mutable, so V8 checks it too; a
// module-private const it can fold into the caller.
const indexOf = (ms: number): number => {
  if (!(ms > FIRST_EDGE_MS)) return 0;
  if (ms > CLAMP_MS) return LAST_BUCKET;
  FLOAT[0] = ms;
  const index = SLOT_BUCKET[((WORDS[HIGH_WORD] as number) >>> SLOT_SHIFT) - FIRST_SLOT] as number;
  // Unary plus on the comparison compiles to a setcc; a ternary would be a branch that random durations mispredict.
  return index + +(ms > (UPPER_MS[index] as number));
};

export class LogHistogram {
  /** Counts per bucket; allocated once, never resized. */
  readonly counts = new Uint32Array(BUCKET_COUNT);
  count = 0;
  sumMs = 0;
  /** Exact extremes, so clamped tails still report true min and max. */
  minMs = Infinity;
  maxMs = -Infinity;

  /** Hot path, no allocation. Returns the bucket index, for callers that keep other counts by bucket. */
  record(ms: number): number {
    const index = indexOf(ms);
    this.counts[index] = (this.counts[index] as number) + 1;
    this.count++;
    this.sumMs += ms;
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
    return index;
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
