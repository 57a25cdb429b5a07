// A pre-bound series handle: the hot path without name lookups, still correct across clear().
import type { OperationRegistry } from './operation-registry.js';
import type { OperationSeries } from './operation-series.js';

/** A series bound once, so each call skips the name lookups. */
export type SeriesHandle = { record(durationMs: number, success?: boolean): void };

export class BoundSeries implements SeriesHandle {
  private target: OperationSeries | undefined;
  private boundGeneration = -1;

  constructor(
    private readonly registry: OperationRegistry,
    private readonly component: string,
    private readonly operation: string,
  ) {}

  record(durationMs: number, success = true): void {
    if (!(durationMs >= 0 && durationMs < Infinity)) {
      this.registry.invalidRecords++;
      return;
    }
    const target = this.target;
    // The whole fast path: a bound series that clear() has not dropped. Strict comparisons compile
    // to pointer compares, where `?.` or `!x` would be a generic truthiness test.
    if (target !== undefined && target.retired === false) target.record(durationMs, success);
    else this.recordUnbound(durationMs, success);
  }

  /** Kept out of record() so the hot path stays small enough to inline. */
  private recordUnbound(durationMs: number, success: boolean): void {
    if (this.boundGeneration === this.registry.generation) {
      // Unbound in this generation: the series cap refused it; resolve() counted the first drop.
      this.registry.droppedSeries++;
      return;
    }
    this.target = this.registry.resolve(this.component, this.operation);
    this.boundGeneration = this.registry.generation;
    this.target?.record(durationMs, success);
  }
}
