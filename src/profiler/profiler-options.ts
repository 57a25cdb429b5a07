// Options of the Profiler, their defaults, and the default sources it samples.
import type { Clock } from '../app/clock.js';
import type { GaugeReader } from '../app/app-figures.js';
import type { AlertRule, SuggestionRule } from '../rules/types.js';
import { createDiskSource } from '../sampler/sources/disk.js';
import { createAutoGpuSource } from '../sampler/sources/gpu-auto.js';
import { createPiSources } from '../sampler/sources/pi-sources.js';
import { createProcessFinderSource, type ProcessTargetSpec } from '../sampler/sources/process-finder.js';
import { createNetworkSource } from '../sampler/sources/network.js';
import { createProcessCountsSource } from '../sampler/sources/process-counts.js';
import { createProcessSource, type ProcessTarget } from '../sampler/sources/process.js';
import { createSystemSource } from '../sampler/sources/system.js';
import type { Source, SourceHealth } from '../sampler/types.js';
import type { Snapshot } from '../store/snapshot.js';
import type { OperationRegistry } from '../timing/operation-registry.js';
import type { Stopwatch } from '../timing/timer.js';
import type { HeapProfilerPort } from './memory-tracking.js';
import type { ProfilerEvent } from './events.js';

/** What a sources factory is given at start(). */
export type SourceContext = {
  intervalMs: number;
  clock: Clock;
  /** Where /proc and /sys are read ("/" in production; a fixture tree in tests). */
  rootDir?: string;
};

export type ProfilerOptions = {
  /** Snapshots kept; the oldest drop out. @default 1000 */
  maxSnapshots?: number;
  /** Wall-clock time and timers (snapshot times, the sampling schedule). @default systemClock */
  clock?: Clock;
  /** Monotonic ms for startTimer/timed durations. @default performance.now() */
  stopwatch?: Stopwatch;
  /**
   * Builds the sources at each start(). The FIRST source paces the snapshots: one snapshot each time
   * it delivers (one timer turn later, so the other sources' reads of that tick are in it). @default createDefaultSources (system, process, disk, network, process counts, GPU)
   */
  sources?: (context: SourceContext) => Source[];
  /** Other processes to watch by pid or by name (--pid, --process), read from /proc; a name follows restarts. @default none */
  watch?: readonly ProcessTargetSpec[];
  /** Root of the /proc and /sys the default sources read. @default "/" */
  rootDir?: string;
  /** Processes the default process source watches. @default this process, as "self" */
  processTargets?: () => ProcessTarget[];
  /** Where operation statistics go. @default a new registry with a `statsWindowMs` window starting now */
  registry?: OperationRegistry;
  /** Window the distribution fields of componentMetrics() describe, ms. @default 60000 */
  statsWindowMs?: number;
  /** @default DEFAULT_ALERT_RULES (CPU > 85 % warning, memory > 85 % warning, disk writes > 50 MiB/s info) */
  alertRules?: readonly AlertRule[];
  /** @default DEFAULT_SUGGESTION_RULES (CPU > 95 %: lower resolution or fps; memory > 95 %: free memory) */
  suggestionRules?: readonly SuggestionRule[];
  /** Alert log entries kept. @default 100 */
  alertLogCapacity?: number;
  /** A repeat of an alert this soon after its last occurrence merges into one entry with a count, ms. @default 60000 */
  alertMergeWindowMs?: number;
  /** App gauges received over StatsD (e.g. StatsdIngest.gauges), read as zoomcam.fps etc. when gauge() has not set them. @default none */
  statsdGauges?: GaugeReader;
  /** The StatsD status a UI shows. @default disabled */
  statsdStatus?: () => Snapshot['statsd'];
  /** Told when a source's health changes (e.g. to log it). @default none */
  onHealth?: (source: string, health: SourceHealth) => void;
  /** Receives what an event listener threw; the other listeners still run. @default rethrown as an uncaught exception */
  onListenerError?: (error: unknown, event: ProfilerEvent) => void;
  /** The heap profiler behind startMemoryTracking(). @default V8's, through node:inspector */
  heapProfiler?: HeapProfilerPort;
};

/** The sources a Profiler samples unless told otherwise; slow ones (a GPU query spawns a program) read less often. */
export function createDefaultSources(context: SourceContext, processTargets: () => ProcessTarget[], watch: readonly ProcessTargetSpec[] = []): Source[] {
  const { intervalMs, clock, rootDir } = context;
  const watched = () => {
    const targets = processTargets();
    return (targets.find((t) => t.role === 'app') ?? targets[0])?.pid ?? process.pid;
  };
  return [
    createSystemSource({ intervalMs, clock, rootDir }),
    // A short first window, so zoomtop's own CPU % is on the first frame rather than a second later.
    createProcessSource({ intervalMs, clock, targets: processTargets, firstWindowMs: 250 }),
    createDiskSource({ intervalMs, clock, rootDir }),
    createNetworkSource({ intervalMs, clock, rootDir }),
    createProcessCountsSource({ intervalMs: Math.max(intervalMs, 2000), clock, pid: watched, rootDir }),
    createAutoGpuSource({ intervalMs: Math.max(intervalMs, 5000), clock, rootDir }),
    ...createPiSources({ clock, rootDir }),
    ...(watch.length > 0 ? [createProcessFinderSource({ targets: [...watch], intervalMs, clock, rootDir })] : []),
  ];
}

/** Throws a one-line error naming the option, the value and the fix. */
export function checkWholeNumber(value: unknown, where: string, min: number, fix: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new Error(`${where} is ${String(value)}; it must be a whole number >= ${min}. ${fix}`);
  }
}
