// System source: whole-machine CPU busy % (/proc/stat) and used memory (/proc/meminfo); systeminformation only where those are missing.
import { join } from 'node:path';
import { systemClock, type Clock } from '../../app/clock.js';
import type { Source, SystemSample } from '../types.js';
import { busyPercent, parseProcStat, type CpuCounters } from './cpu-counters.js';
import { KeptFile } from './kept-file.js';
import { parseMeminfo, type MemoryFigures } from './meminfo.js';
import { isMissing } from './proc-files.js';

/** The two systeminformation calls this source may use (the real module satisfies it). */
export type SystemInfoPort = {
  currentLoad(): Promise<{ currentLoad: number }>;
  mem(): Promise<{ total: number; available: number }>;
};

/** Gives the text of one file; sync in production (a kept descriptor), a promise in tests. */
export type TextReader = () => string | Promise<string>;

export type SystemSourceOptions = {
  /** Default 1000. At least 200: systeminformation returns a cached CPU figure within 200 ms. */
  intervalMs?: number;
  /** A read slower than this is abandoned; default 2000 (the first read waits ~250 ms by itself). */
  timeoutMs?: number;
  /** Default: the systeminformation module, imported on first need only (where /proc is missing). */
  si?: SystemInfoPort;
  /** Default systemClock. */
  clock?: Clock;
  /** Where proc/stat and proc/meminfo are read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /**
   * Reads /proc/stat. Default: the file under rootDir, kept open; on a machine without one (not
   * Linux) CPU comes from systeminformation. Tests pass a fake, or null to use `si` for CPU too
   * (the default when `si` is given without a rootDir).
   */
  readProcStat?: TextReader | null;
  /** Reads /proc/meminfo; the same defaults and fallback as readProcStat, for memory. */
  readMeminfo?: TextReader | null;
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
  const clock = options.clock ?? systemClock;
  const rootDir = options.rootDir ?? '/';
  const kept = [new KeptFile(), new KeptFile()] as const;
  const statPath = join(rootDir, 'proc/stat');
  const meminfoPath = join(rootDir, 'proc/meminfo');
  const fileOrSi = (given: TextReader | null | undefined, keptFile: KeptFile, path: string) =>
    given === undefined ? (options.si && options.rootDir === undefined ? null : () => keptFile.read(path)) : given;
  let readProcStat = fileOrSi(options.readProcStat, kept[0], statPath);
  let readMeminfo = fileOrSi(options.readMeminfo, kept[1], meminfoPath);
  let si = options.si;
  let primed = false;
  let previous: CpuCounters | null = null;

  // Imported on first need only: the module costs ~11 MB of RSS, and Linux never needs it.
  async function systemInfo(): Promise<SystemInfoPort> {
    si ??= (await import('systeminformation')).default;
    return si;
  }

  // A file read per tick: systeminformation's currentLoad() runs `cat /proc/stat | grep cpu` in a
  // blocking shell every call (a quarter of the dashboard's busy time in the bench).
  async function readProcCpuPercent(read: TextReader): Promise<number | null> {
    let before = previous;
    if (!before) {
      // The first read takes a second reading a moment later, so the first frame already has a
      // measured figure (over a short window) instead of waiting a whole interval.
      before = parseProcStat(await read(), statPath);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, FIRST_WINDOW_MS));
    }
    const counters = parseProcStat(await read(), statPath);
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
    const load = await (await systemInfo()).currentLoad();
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

  async function readMemory(): Promise<MemoryFigures> {
    if (readMeminfo) {
      try {
        return parseMeminfo(await readMeminfo(), meminfoPath);
      } catch (error) {
        if (!isMissing(error)) throw error;
        readMeminfo = null;
      }
    }
    const { total, available } = await (await systemInfo()).mem();
    if (!(Number.isFinite(total) && total > 0 && Number.isFinite(available) && available >= 0 && available <= total)) {
      throw new Error(
        `systeminformation mem() gave total ${total}, available ${available}; expected 0 <= available <= total, total > 0`,
      );
    }
    return { totalBytes: total, availableBytes: available };
  }

  return {
    name: 'system',
    intervalMs,
    timeoutMs: options.timeoutMs ?? 2000,
    async read() {
      const [cpuPercent, { totalBytes, availableBytes }] = await Promise.all([readCpuPercent(), readMemory()]);
      const usedBytes = totalBytes - availableBytes;
      const sample: SystemSample = {
        kind: 'system',
        atMs: clock.now(),
        cpuPercent,
        memoryPercent: (usedBytes / totalBytes) * 100,
        memoryUsedBytes: usedBytes,
        memoryTotalBytes: totalBytes,
      };
      return [sample];
    },
    close() {
      for (const file of kept) file.close();
    },
  };
}
