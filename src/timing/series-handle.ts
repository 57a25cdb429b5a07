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
    if (this.boundGeneration !== this.registry.generation) {
      this.target = this.registry.resolve(this.component, this.operation);
      this.boundGeneration = this.registry.generation;
    } else if (!this.target) {
      this.registry.droppedSeries++;
    }
    this.target?.record(durationMs, success);
  }
}
