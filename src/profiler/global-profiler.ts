// A process-wide Profiler created on first use (never at import), and the original's helper functions on it.
import { defaultRegistry } from '../timing/default-registry.js';
import { Profiler, type StartOptions } from './profiler.js';
import type { ProfilerOptions } from './profiler-options.js';
import type { ProfilerSummary } from './summary.js';

let instance: Profiler | undefined;

/** The global profiler, created with default options on the first call; it shares the package's default registry. */
export function globalProfiler(): Profiler {
  return (instance ??= new Profiler({ registry: defaultRegistry() }));
}

/** Replaces the global profiler (stopping the old one), e.g. to give it StatsD gauges or a clock; returns the new one. */
export function configureGlobalProfiler(options: ProfilerOptions = {}): Profiler {
  instance?.stop();
  instance = new Profiler({ registry: defaultRegistry(), ...options });
  return instance;
}

/** Starts the global profiler sampling (default every 1000 ms); a second call with the same interval does nothing. */
export function startGlobalProfiling(options: StartOptions = {}): Profiler {
  const profiler = globalProfiler();
  profiler.start(options);
  return profiler;
}

/** Stops the global profiler if it exists; creates nothing. */
export function stopGlobalProfiling(): void {
  instance?.stop();
}

/** The global profiler's summary of the last `hours` (default 1); undefined when it has no snapshot in that window. */
export function getPerformanceSummary(options: { hours?: number } = {}): ProfilerSummary | undefined {
  return globalProfiler().summary(options);
}

/** Records one finished operation in the global profiler. */
export function recordOperation(component: string, operation: string, durationMs: number, success = true): void {
  globalProfiler().record(component, operation, durationMs, success);
}
