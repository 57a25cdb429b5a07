// Runs each source on its own drift-free schedule, times every read and tracks per-source health.
import { systemClock, type Clock, type TimerHandle } from '../app/clock.js';
import type { Recorder } from '../timing/recorder.js';
import type { Sample, Source, SourceHealth } from './types.js';

export type SamplerOptions = {
  /** What to read; names must be unique, intervalMs and timeoutMs positive. */
  sources: Source[];
  /** Time and timers; default systemClock. */
  clock?: Clock;
  /**
   * Receives every settled read's samples (unavailable ones included), tagged with the source name.
   * It is not guarded: a throw here is a bug in the caller and surfaces as an unhandled rejection.
   */
  onSamples(samples: Sample[], source: string): void;
  /** Called after every read ends (delivered, failed or timed out), after onSamples; default none. */
  onSettled?(source: string): void;
  /** Called when a source's health changes state or reason (not on every ok read); default none. */
  onHealth?(source: string, health: SourceHealth): void;
  /** Times every read as component "sampler", operation = source name; default none. */
  recorder?: Recorder;
};

/** Counters per source, for the sources view and tests. */
export type SourceStats = {
  /** Reads that settled in time (ok or failed). */
  reads: number;
  /** Reads that threw, rejected or timed out. */
  failures: number;
  timeouts: number;
  /** Ticks not read because the previous read was still running or the timer fired late. */
  skippedTicks: number;
  /** Duration of the last settled read, ms; null before the first. */
  lastReadMs: number | null;
};

export type Sampler = {
  /** Reads every source at once, then every intervalMs on a fixed grid. */
  start(): void;
  /** Cancels all timers, ignores reads still in flight, closes the sources. Idempotent. */
  stop(): void;
  health(): Record<string, SourceHealth>;
  stats(): Record<string, SourceStats>;
  /** How many reads are running now (started and neither settled nor timed out). */
  readsInFlight(): number;
  /** Changes one source's interval; its grid restarts from now. */
  setInterval(source: string, intervalMs: number): void;
};

type InFlight = { startedMs: number; timeout: TimerHandle | null };

type Slot = {
  source: Source;
  intervalMs: number;
  /** Tick k is due at anchorMs + k * intervalMs. */
  anchorMs: number;
  nextTick: number;
  timer: TimerHandle | null;
  inFlight: InFlight | null;
  health: SourceHealth;
  stats: SourceStats;
};

export function createSampler(options: SamplerOptions): Sampler {
  const clock = options.clock ?? systemClock;
  const slots = new Map<string, Slot>();
  for (const source of options.sources) {
    validateSource(source, slots);
    slots.set(source.name, newSlot(source));
  }
  let started = false;
  let stopped = false;

  function scheduleNext(slot: Slot): void {
    const nowMs = clock.now();
    let dueMs = slot.anchorMs + slot.nextTick * slot.intervalMs;
    if (dueMs - nowMs > 2 * slot.intervalMs) {
      // The wall clock went backwards (more than timer jitter): restart the grid from now.
      slot.anchorMs = nowMs;
      slot.nextTick = 1;
      dueMs = nowMs + slot.intervalMs;
    } else if (dueMs < nowMs) {
      // The timer fired late (busy event loop, suspend): skip the ticks already past.
      const firstFutureTick = Math.ceil((nowMs - slot.anchorMs) / slot.intervalMs);
      slot.stats.skippedTicks += firstFutureTick - slot.nextTick;
      slot.nextTick = firstFutureTick;
      dueMs = slot.anchorMs + firstFutureTick * slot.intervalMs;
    }
    slot.timer = clock.setTimeout(() => {
      slot.timer = null;
      runTick(slot);
      slot.nextTick += 1;
      scheduleNext(slot);
    }, dueMs - nowMs);
  }

  function runTick(slot: Slot): void {
    if (slot.inFlight) {
      slot.stats.skippedTicks += 1;
      return;
    }
    const flight: InFlight = { startedMs: clock.now(), timeout: null };
    slot.inFlight = flight;
    flight.timeout = clock.setTimeout(() => onTimeout(slot, flight), slot.source.timeoutMs);
    let pending: Promise<Sample[]>;
    try {
      pending = Promise.resolve(slot.source.read());
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (samples) => settle(slot, flight, samples, null),
      (error: unknown) => settle(slot, flight, null, error ?? new Error('read rejected without a reason')),
    );
  }

  function settle(slot: Slot, flight: InFlight, samples: Sample[] | null, error: unknown): void {
    // A stopped sampler or an abandoned (timed-out) read: its result belongs to nobody.
    if (stopped || slot.inFlight !== flight) return;
    clock.clearTimeout(flight.timeout);
    slot.inFlight = null;
    const nowMs = clock.now();
    const durationMs = nowMs - flight.startedMs;
    slot.stats.reads += 1;
    slot.stats.lastReadMs = durationMs;
    if (samples !== null && !Array.isArray(samples)) {
      error = new Error(`read() resolved to ${typeof samples}, not an array of samples`);
    }
    options.recorder?.record('sampler', slot.source.name, durationMs, error === null);
    if (error !== null || samples === null) {
      slot.stats.failures += 1;
      setHealth(slot, { state: 'failed', atMs: nowMs, reason: reasonOf(error) });
    } else {
      setHealth(slot, healthOf(samples, nowMs));
      options.onSamples(samples, slot.source.name);
    }
    options.onSettled?.(slot.source.name);
  }

  function onTimeout(slot: Slot, flight: InFlight): void {
    if (slot.inFlight !== flight) return;
    slot.inFlight = null;
    slot.stats.failures += 1;
    slot.stats.timeouts += 1;
    const timeoutMs = slot.source.timeoutMs;
    options.recorder?.record('sampler', slot.source.name, timeoutMs, false);
    setHealth(slot, { state: 'failed', atMs: clock.now(), reason: `timed out after ${timeoutMs} ms` });
    options.onSettled?.(slot.source.name);
  }

  function setHealth(slot: Slot, health: SourceHealth): void {
    const before = slot.health;
    slot.health = health;
    if (before.state !== health.state || reasonText(before) !== reasonText(health)) {
      options.onHealth?.(slot.source.name, health);
    }
  }

  function cancel(slot: Slot): void {
    if (slot.timer !== null) clock.clearTimeout(slot.timer);
    if (slot.inFlight) clock.clearTimeout(slot.inFlight.timeout);
    slot.timer = null;
    slot.inFlight = null;
  }

  return {
    start() {
      if (stopped) throw new Error('sampler: start() after stop(); the sources are closed, create a new sampler');
      if (started) throw new Error('sampler: start() called twice; call it once');
      started = true;
      const nowMs = clock.now();
      for (const slot of slots.values()) {
        slot.anchorMs = nowMs;
        slot.nextTick = 0;
        runTick(slot);
        slot.nextTick = 1;
        scheduleNext(slot);
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      const failures: string[] = [];
      for (const slot of slots.values()) {
        cancel(slot);
        try {
          slot.source.close?.();
        } catch (error) {
          failures.push(`${slot.source.name}: ${reasonOf(error)}`);
        }
      }
      if (failures.length > 0) throw new Error(`sampler: closing sources failed (${failures.join('; ')})`);
    },
    health: () => Object.fromEntries([...slots].map(([name, slot]) => [name, slot.health])),
    readsInFlight() {
      let count = 0;
      for (const slot of slots.values()) if (slot.inFlight) count++;
      return count;
    },
    stats: () => Object.fromEntries([...slots].map(([name, slot]) => [name, { ...slot.stats }])),
    setInterval(name, intervalMs) {
      const slot = slots.get(name);
      if (!slot) {
        throw new Error(`sampler: setInterval: no source "${name}"; known sources: ${[...slots.keys()].join(', ')}`);
      }
      checkPositive(intervalMs, `setInterval("${name}")`, 'intervalMs');
      slot.intervalMs = intervalMs;
      if (!started || stopped) return;
      if (slot.timer !== null) clock.clearTimeout(slot.timer);
      slot.anchorMs = clock.now();
      slot.nextTick = 1;
      scheduleNext(slot);
    },
  };
}

function newSlot(source: Source): Slot {
  return {
    source,
    intervalMs: source.intervalMs,
    anchorMs: 0,
    nextTick: 0,
    timer: null,
    inFlight: null,
    health: { state: 'pending' },
    stats: { reads: 0, failures: 0, timeouts: 0, skippedTicks: 0, lastReadMs: null },
  };
}

function validateSource(source: Source, seen: Map<string, Slot>): void {
  if (typeof source.name !== 'string' || source.name === '') {
    throw new Error('sampler: a source has no name; give every source a unique non-empty name');
  }
  if (seen.has(source.name)) {
    throw new Error(`sampler: two sources are named "${source.name}"; source names must be unique`);
  }
  checkPositive(source.intervalMs, `source "${source.name}"`, 'intervalMs');
  checkPositive(source.timeoutMs, `source "${source.name}"`, 'timeoutMs');
}

function checkPositive(value: number, where: string, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`sampler: ${where} has ${field} ${String(value)}; use a positive number of milliseconds`);
  }
}

/** A read of only unavailable samples makes the source unavailable; any real sample makes it ok. */
function healthOf(samples: Sample[], atMs: number): SourceHealth {
  const reasons = samples.flatMap((s) => (s.kind === 'unavailable' ? [s.reason] : []));
  if (samples.length > 0 && reasons.length === samples.length) {
    return { state: 'unavailable', reason: [...new Set(reasons)].join('; ') };
  }
  return { state: 'ok', atMs };
}

function reasonText(health: SourceHealth): string {
  return health.state === 'failed' || health.state === 'unavailable' ? health.reason : '';
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Health is shown on one line; a multi-line stack or program output would break the panel.
  return text.split('\n')[0]?.trim() || 'unknown error';
}
