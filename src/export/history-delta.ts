// Chart histories recorded as deltas: how many points fell off the front and which were appended, so a record stays small.

export type HistoryPoint = number | null;

/** prev.slice(drop).concat(append) equals the new history exactly. */
export type HistoryDelta = { drop: number; append: HistoryPoint[] };

/** Shifts tried before giving up and writing the history whole (a ring buffer moves by one point per sample). */
const MAX_SHIFT = 64;

/**
 * The delta from prev to next. Any shift at which the overlap matches gives an exact reconstruction, even when
 * values repeat, so the first match is taken; no match within MAX_SHIFT writes next whole.
 */
export function diffHistory(prev: readonly HistoryPoint[], next: readonly HistoryPoint[]): HistoryDelta {
  const limit = Math.min(prev.length, MAX_SHIFT);
  for (let drop = 0; drop <= limit; drop++) {
    const overlap = prev.length - drop;
    if (overlap > next.length) continue;
    if (overlapMatches(prev, drop, next, overlap)) return { drop, append: next.slice(overlap) };
  }
  return { drop: prev.length, append: next.slice() };
}

function overlapMatches(prev: readonly HistoryPoint[], drop: number, next: readonly HistoryPoint[], overlap: number): boolean {
  for (let i = 0; i < overlap; i++) {
    if (prev[drop + i] !== next[i]) return false;
  }
  return true;
}

/** Applies a delta; throws a one-line error when it does not fit prev (a record from another stream). */
export function applyHistory(prev: readonly HistoryPoint[], delta: HistoryDelta, where: string): HistoryPoint[] {
  if (!Number.isInteger(delta.drop) || delta.drop < 0 || delta.drop > prev.length) {
    throw new Error(`${where}: history drops ${delta.drop} points but only ${prev.length} are known; the recording is out of order or missing its keyframe`);
  }
  return prev.slice(delta.drop).concat(delta.append);
}
