// startTimer and timed built on any record function, shared by the registry and the StatsD reporter.
import { performance } from 'node:perf_hooks';
import type { EndTimer } from './recorder.js';

export type RecordFn = (component: string, operation: string, durationMs: number, success: boolean) => void;

/** A monotonic millisecond reading, for measuring durations (never for wall-clock time). */
export type Stopwatch = () => number;

const monotonicMs: Stopwatch = () => performance.now();

/** Starts timing one call; the returned function records it once and returns the measured ms. */
export function startTimerWith(
  record: RecordFn,
  component: string,
  operation: string,
  stopwatch: Stopwatch = monotonicMs,
): EndTimer {
  const startedMs = stopwatch();
  let ended = false;
  return (success = true) => {
    const durationMs = stopwatch() - startedMs;
    // A second end() would double-count the call; it still reports the elapsed time.
    if (!ended) record(component, operation, durationMs, success);
    ended = true;
    return durationMs;
  };
}

/** Runs fn and records it; a throw or rejection is recorded as a failure and rethrown unchanged. */
export function timedWith<T>(
  record: RecordFn,
  component: string,
  operation: string,
  fn: () => T,
  stopwatch: Stopwatch = monotonicMs,
): T {
  const startedMs = stopwatch();
  let result: T;
  try {
    result = fn();
  } catch (error) {
    record(component, operation, stopwatch() - startedMs, false);
    throw error;
  }
  if (!isThenable(result)) {
    record(component, operation, stopwatch() - startedMs, true);
    return result;
  }
  return result.then(
    (value) => {
      record(component, operation, stopwatch() - startedMs, true);
      return value;
    },
    (error: unknown) => {
      record(component, operation, stopwatch() - startedMs, false);
      throw error;
    },
  ) as T;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
