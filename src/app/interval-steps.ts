// The sampling intervals `+` and `-` step through.

/** From a quarter second (responsive) to a minute (almost free on a Pi). */
export const INTERVAL_STEPS_MS: readonly number[] = [250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000];

/**
 * The next step above (`direction` 1) or below (-1) `currentMs`; an interval between steps (from
 * --interval) moves to the nearest step in that direction; at either end it stays.
 */
export function stepInterval(currentMs: number, direction: 1 | -1): number {
  if (direction === 1) return INTERVAL_STEPS_MS.find((ms) => ms > currentMs) ?? Math.max(currentMs, INTERVAL_STEPS_MS.at(-1)!);
  return [...INTERVAL_STEPS_MS].reverse().find((ms) => ms < currentMs) ?? Math.min(currentMs, INTERVAL_STEPS_MS[0]!);
}
