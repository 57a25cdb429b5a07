// ResourceMonitor: this process's memory against a baseline, its peak (tracked on every profiler sample), and runtime.
import type { Profiler } from './profiler.js';
import { globalProfiler } from './global-profiler.js';

export type ResourceMonitorOptions = {
  /** Whose snapshots update the peak. @default the global profiler */
  profiler?: Pick<Profiler, 'on' | 'clock'>;
  /** Reads this process's resident memory. @default process.memoryUsage.rss() */
  readRssBytes?: () => number;
};

export type ResourceSummary = {
  runtimeMs: number;
  baselineRssBytes: number;
  currentRssBytes: number;
  /** current - baseline; negative when memory was given back. */
  memoryDeltaBytes: number;
  peakRssBytes: number;
};

export class ResourceMonitor {
  readonly startedAtMs: number;
  /** RSS when the monitor was created. */
  readonly baselineRssBytes: number;
  private peak: number;
  private current: number;
  private readonly readRssBytes: () => number;
  private readonly profiler: Pick<Profiler, 'on' | 'clock'>;
  private readonly unsubscribe: () => void;

  constructor(options: ResourceMonitorOptions = {}) {
    this.profiler = options.profiler ?? globalProfiler();
    this.readRssBytes = options.readRssBytes ?? (() => process.memoryUsage.rss());
    this.startedAtMs = this.profiler.clock.now();
    this.baselineRssBytes = this.readRssBytes();
    this.peak = this.baselineRssBytes;
    this.current = this.baselineRssBytes;
    // Every snapshot counts toward the peak, not only the moments someone asks (the original's gap).
    this.unsubscribe = this.profiler.on('snapshot', (record) => {
      if (record.processRssBytes !== null) this.note(record.processRssBytes);
    });
  }

  get peakRssBytes(): number {
    return this.peak;
  }

  /** Reads RSS now (also counted toward the peak) and returns current - baseline. */
  memoryDeltaBytes(): number {
    this.note(this.readRssBytes());
    return this.current - this.baselineRssBytes;
  }

  runtimeMs(): number {
    return this.profiler.clock.now() - this.startedAtMs;
  }

  summary(): ResourceSummary {
    const memoryDeltaBytes = this.memoryDeltaBytes();
    return {
      runtimeMs: this.runtimeMs(),
      baselineRssBytes: this.baselineRssBytes,
      currentRssBytes: this.current,
      memoryDeltaBytes,
      peakRssBytes: this.peak,
    };
  }

  /** Stops following the profiler. */
  dispose(): void {
    this.unsubscribe();
  }

  private note(rssBytes: number): void {
    this.current = rssBytes;
    if (rssBytes > this.peak) this.peak = rssBytes;
  }
}
