// Process source: CPU % and resident memory of zoomtop itself and the monitored app, via pidusage.
import realPidusage from 'pidusage';
import { systemClock, type Clock } from '../../app/clock.js';
import type { ProcessSample, Source, UnavailableSample } from '../types.js';

export type ProcessTarget = { role: 'self' | 'app'; pid: number };

/** What this source needs from pidusage for one pid: cpu % of one core, memory = RSS bytes. */
export type PidusagePort = (pid: number) => Promise<{ cpu: number; memory: number }>;

export type ProcessSourceOptions = {
  /** The processes to watch, asked on every read (the app's pid changes when it restarts). */
  targets: () => ProcessTarget[];
  /** Default 1000. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** Default: pidusage with a 10-minute history age (see defaultPidusage). */
  pidusage?: PidusagePort;
  /** Default systemClock. */
  clock?: Clock;
  /**
   * When > 0, a pid's first read samples it twice this many ms apart, so its first CPU figure is
   * measured (over that short window) instead of pending until the next interval. Default 0.
   */
  firstWindowMs?: number;
};

const NAME = 'process';

/**
 * pidusage keeps per-pid history (and an open /proc/<pid>/stat fd) for `maxage` ms after the last
 * call; when it expires, the next call measures two back-to-back reads and reports ~0 % as if real.
 * A long age keeps that from happening at slow intervals; entries of exited pids still expire and
 * close their fd. pidusage.clear() is never called: it drops the history without closing the fds.
 */
const defaultPidusage: PidusagePort = (pid) => realPidusage(pid, { maxage: 10 * 60_000 });

/** Reports one sample per target; an exited pid gives an `unavailable` sample, not an error. */
export function createProcessSource(options: ProcessSourceOptions): Source {
  const pidusage = options.pidusage ?? defaultPidusage;
  const clock = options.clock ?? systemClock;
  // Pids measured at least once: their next cpu figure covers a real interval.
  const measured = new Set<number>();

  async function readTarget({ role, pid }: ProcessTarget): Promise<ProcessSample | UnavailableSample> {
    let stat: { cpu: number; memory: number };
    const firstWindowMs = options.firstWindowMs ?? 0;
    try {
      stat = await pidusage(pid);
      if (!measured.has(pid) && firstWindowMs > 0) {
        await new Promise<void>((resolve) => clock.setTimeout(resolve, firstWindowMs));
        measured.add(pid);
        stat = await pidusage(pid);
      }
    } catch (error) {
      if (!hasExited(error)) {
        throw new Error(`pidusage failed for ${role} pid ${pid}: ${error instanceof Error ? error.message : String(error)}`);
      }
      measured.delete(pid);
      const reason = `${role} pid ${pid} exited`;
      return { kind: 'unavailable', atMs: clock.now(), source: NAME, reason, process: { role, pid } };
    }
    if (!isFiniteAtLeastZero(stat.cpu) || !isFiniteAtLeastZero(stat.memory)) {
      throw new Error(`pidusage gave cpu ${stat.cpu}, memory ${stat.memory} for ${role} pid ${pid}; expected numbers >= 0`);
    }
    // pidusage's first figure for a pid spans two back-to-back reads, so it is ~0 by construction.
    const cpuPercent = measured.has(pid) ? stat.cpu : null;
    measured.add(pid);
    return { kind: 'process', atMs: clock.now(), role, pid, cpuPercent, rssBytes: stat.memory };
  }

  return {
    name: NAME,
    intervalMs: options.intervalMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read() {
      const targets = options.targets();
      for (const target of targets) checkTarget(target);
      const watched = new Set(targets.map((target) => target.pid));
      for (const pid of measured) if (!watched.has(pid)) measured.delete(pid);
      return Promise.all(targets.map(readTarget));
    },
    close() {
      measured.clear();
    },
  };
}

function checkTarget(target: ProcessTarget): void {
  if (!Number.isInteger(target.pid) || target.pid <= 0) {
    throw new Error(`process source: target "${target.role}" has pid ${String(target.pid)}; pids are positive integers`);
  }
}

/** ESRCH: the held /proc fd of a process that died; ENOENT / "No matching pid found": no such pid. */
function hasExited(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ESRCH' || code === 'ENOENT' || error.message === 'No matching pid found';
}

function isFiniteAtLeastZero(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
