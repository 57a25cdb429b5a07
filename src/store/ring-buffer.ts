// Fixed-capacity history of numbers (null = no reading) that never grows.

export class RingBuffer {
  private readonly values: Float64Array;
  private start = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    this.values = new Float64Array(capacity);
  }

  /** Appends a value; null is kept as a gap. The oldest value drops out when full. */
  push(value: number | null): void {
    const stored = value === null ? Number.NaN : value;
    if (this.length < this.capacity) {
      this.values[(this.start + this.length) % this.capacity] = stored;
      this.length++;
    } else {
      this.values[this.start] = stored;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  get size(): number {
    return this.length;
  }

  /** Newest value, or null when empty or a gap. */
  latest(): number | null {
    if (this.length === 0) return null;
    const v = this.values[(this.start + this.length - 1) % this.capacity]!;
    return Number.isNaN(v) ? null : v;
  }

  /** Values oldest first; gaps as null. */
  toArray(): (number | null)[] {
    const out: (number | null)[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const v = this.values[(this.start + i) % this.capacity]!;
      out[i] = Number.isNaN(v) ? null : v;
    }
    return out;
  }

  clear(): void {
    this.start = 0;
    this.length = 0;
  }
}
