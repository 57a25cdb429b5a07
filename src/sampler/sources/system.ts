// System source: whole-machine CPU busy % (from /proc/stat where there is one) and used memory (systeminformation).
import si from 'systeminformation';
import { systemClock, type Clock } from '../../app/clock.js';
import type { Source, SystemSample } from '../types.js';
import { busyPercent, parseProcStat, type CpuCounters } from './cpu-counters.js';
import { isMissing, procFiles } from './proc-files.js';

/** The two systeminformation calls this source uses (the real module satisfies it). */
export type SystemInfoPort = {
  currentLoad(): Promise<{ currentLoad: number }>;
  mem(): Promise<{ total: number; available: number }>;
};

export type SystemSourceOptions = {
  /** Default 1000. At least 200: systeminformation returns a cached CPU figure within 200 ms. */
  intervalMs?: number;
  /** A read slower than this is abandoned; default 2000 (the first read waits ~500 ms by itself). */
  timeoutMs?: number;
  /** Default the systeminformation module. */
  si?: SystemInfoPort;
  /** Default systemClock. */
  clock?: Clock;
  /**
   * Reads /proc/stat. Default: the real file; on a machine without one (not Linux) CPU comes from
   * systeminformation. Tests pass a fake, or null to use `si` for CPU too.
   */
  readProcStat?: (() => Promise<string>) | null;
};

/** Window of the very first CPU figure from /proc/stat, ms. */
const FIRST_WINDOW_MS = 250;

/** systeminformation's own cache window for currentLoad(). */
const MIN_INTERVAL_MS = 200;

/**
 * CPU % is the busy share of all cores between two readings of the counters, so the first read
 * only primes them and reports cpuPercent null (systeminformation answers that first call with a
 * figure from its own short or since-boot window, depending on the version, not our interval).
 * Used memory is total - available (the kernel's MemAvailable), so reclaimable caches and
 * buffers count as free: `used` would count them as used, and `active` is the same figure as
 * total - available on Linux but a different one on macOS.
 */
export function createSystemSource(options: SystemSourceOptions = {}): Source {
  const intervalMs = options.intervalMs ?? 1000;
  if (!Number.isFinite(intervalMs) || intervalMs < MIN_INTERVAL_MS) {
    throw new Error(
      `system source: intervalMs ${intervalMs} is below ${MIN_INTERVAL_MS}; systeminformation caches CPU load for 200 ms, use 200 or more`,
    );
  }
  const info = options.si ?? si;
  const clock = options.clock ?? systemClock;
  let primed = false;
  let readProcStat = options.readProcStat === undefined ? (options.si ? null : () => procFiles().readText('proc/stat')) : options.readProcStat;
  let previous: CpuCounters | null = null;

  // A file read per tick: systeminformation's currentLoad() runs `cat /proc/stat | grep cpu` in a
  // blocking shell every call (a quarter of the dashboard's busy time in the bench).
  async function readProcCpuPercent(read: () => Promise<string>): Promise<number | null> {
    let before = previous;
    if (!before) {
      // The first read takes a second reading a moment later, so the first frame already has a
      // measured figure (over a short window) instead of waiting a whole interval.
      before = parseProcStat(await read());
      await new Promise<void>((resolve) => clock.setTimeout(resolve, FIRST_WINDOW_MS));
    }
    const counters = parseProcStat(await read());
    previous = counters;
    return busyPercent(before, counters);
  }

  async function readCpuPercent(): Promise<number | null> {
    if (readProcStat) {
      try {
        return await readProcCpuPercent(readProcStat);
      } catch (error) {
        if (!isMissing(error)) throw error;
        readProcStat = null; // No /proc here: systeminformation knows the platform's way.
      }
    }
    const load = await info.currentLoad();
    const wasPrimed = primed;
    primed = true;
    if (!wasPrimed) return null;
    const value = load.currentLoad;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`systeminformation currentLoad() gave currentLoad ${String(value)}, not a number`);
    }
    // Counter rounding can overshoot by a hair; a share of time is 0..100 by definition.
    return Math.min(100, Math.max(0, value));
  }

  return {
    name: 'system',
    intervalMs,
    timeoutMs: options.timeoutMs ?? 2000,
    async read() {
      const [cpuPercent, memory] = await Promise.all([readCpuPercent(), info.mem()]);
      const { total, available } = memory;
      if (!(Number.isFinite(total) && total > 0 && Number.isFinite(available) && available >= 0 && available <= total)) {
        throw new Error(
          `systeminformation mem() gave total ${total}, available ${available}; expected 0 <= available <= total, total > 0`,
        );
      }
      const usedBytes = total - available;
      const sample: SystemSample = {
        kind: 'system',
        atMs: clock.now(),
        cpuPercent,
        memoryPercent: (usedBytes / total) * 100,
        memoryUsedBytes: usedBytes,
        memoryTotalBytes: total,
      };
      return [sample];
    },
  };
}
