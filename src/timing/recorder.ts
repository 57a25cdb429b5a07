// The instrumentation API an app codes against: a local registry and a StatsD reporter both implement it.

/** Ends a running timer; `success` defaults to true. Returns the measured duration in ms. */
export type EndTimer = (success?: boolean) => number;

export type Recorder = {
  /** Records one finished call of component.operation that took durationMs. */
  record(component: string, operation: string, durationMs: number, success?: boolean): void;
  /** Starts timing one call; call the returned function when it ends. */
  startTimer(component: string, operation: string): EndTimer;
  /** Runs fn (sync or async), records its duration; a throw or rejection is recorded as a failure and rethrown. */
  timed<T>(component: string, operation: string, fn: () => T): T;
};
