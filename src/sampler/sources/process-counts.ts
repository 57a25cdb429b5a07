// Process-counts source: processes on the machine and threads of the watched process, read cheaply from /proc.
import { systemClock, type Clock } from '../../app/clock.js';
import type { ProcessCountsSample, Source, UnavailableSample } from '../types.js';
import { KeptFile } from './kept-file.js';
import { isMissing, procFiles } from './proc-files.js';

export type ProcessCountsSourceOptions = {
  /** Default 1000. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** The process whose threads are counted, asked on every read; default this process. */
  pid?: () => number;
  /** Where proc/ is read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Default systemClock. */
  clock?: Clock;
};

const NAME = 'process-counts';

/**
 * One listing of /proc and two small files per read, all in this thread: the listing is the bulk
 * of the cost (~50 us for 130 processes), and nothing cheaper counts processes (loadavg and
 * sysinfo count threads). The two files stay open between reads (see KeptFile).
 */
export function createProcessCountsSource(options: ProcessCountsSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  const pidOf = options.pid ?? (() => process.pid);
  const status = new KeptFile();
  const loadavg = new KeptFile();

  function threadsOf(pid: number): number | null {
    const where = files.where(`proc/${pid}/status`);
    try {
      return parseThreads(status.read(where), where);
    } catch (error) {
      // The watched process exited between two reads: its count is unknown, the machine's is not.
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ESRCH') return null;
      throw error;
    }
  }

  function systemThreads(): number | null {
    const where = files.where('proc/loadavg');
    try {
      return parseLoadavgThreads(loadavg.read(where), where);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return {
    name: NAME,
    intervalMs: options.intervalMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read(): Promise<(ProcessCountsSample | UnavailableSample)[]> {
      const pid = pidOf();
      if (!Number.isInteger(pid) || pid <= 0) {
        throw new Error(`process-counts source: pid() gave ${String(pid)}; pids are positive integers`);
      }
      let entries: string[];
      try {
        entries = files.listSync('proc');
      } catch (error) {
        if (!isMissing(error)) throw error;
        return [{ kind: 'unavailable', atMs: clock.now(), source: NAME, reason: `${files.where('proc')} not listable: process counts need Linux` }];
      }
      const threadCount = threadsOf(pid);
      const systemThreadCount = systemThreads();
      const processCount = entries.reduce((n, name) => (/^\d+$/.test(name) ? n + 1 : n), 0);
      return [{ kind: 'process-counts', atMs: clock.now(), processCount, systemThreadCount, pid, threadCount }];
    },
    close() {
      status.close();
      loadavg.close();
    },
  };
}

/** The "Threads:" figure of a /proc/<pid>/status text. */
export function parseThreads(text: string, where = 'status'): number {
  const match = /^Threads:\s+(\d+)\s*$/m.exec(text);
  if (!match) throw new Error(`${where} has no "Threads: N" line; is it a /proc/<pid>/status file?`);
  return Number(match[1]);
}

/** The total of "running/total" scheduling entities (threads) in /proc/loadavg. */
export function parseLoadavgThreads(text: string, where = '/proc/loadavg'): number {
  const match = /^\S+ \S+ \S+ \d+\/(\d+) \d+/.exec(text.trim());
  if (!match) throw new Error(`${where} "${text.trim().slice(0, 60)}" is not "load1 load5 load15 running/total lastpid"`);
  return Number(match[1]);
}
