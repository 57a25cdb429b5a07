// Time as the app sees it: injected everywhere so tests run on a fake clock without sleeping.

export type TimerHandle = unknown;

export type Clock = {
  /** Wall-clock milliseconds since the epoch (for display and alert times). */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending sample must never keep the process alive on its own.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
