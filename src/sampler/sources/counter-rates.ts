// Per-second rates of cumulative counters, from the real time elapsed between two readings.

/**
 * Keeps the previous reading of a set of counters. The first reading only primes it (every rate
 * null, "no data yet" rather than 0); a counter that went down (device removed, 32-bit wrap, reboot)
 * or a clock that did not move forward gives null for that reading and primes again.
 */
export class CounterRates<K extends string> {
  private previous: { atMs: number; values: Record<K, number> } | null = null;

  constructor(private readonly keys: readonly K[]) {}

  update(atMs: number, values: Record<K, number>): Record<K, number | null> {
    const before = this.previous;
    this.previous = { atMs, values: { ...values } };
    const out = {} as Record<K, number | null>;
    const elapsedSec = before === null ? 0 : (atMs - before.atMs) / 1000;
    for (const key of this.keys) {
      const delta = before === null ? -1 : values[key] - before.values[key];
      out[key] = elapsedSec > 0 && delta >= 0 ? delta / elapsedSec : null;
    }
    return out;
  }

  reset(): void {
    this.previous = null;
  }
}
