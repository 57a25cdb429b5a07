// Process source: CPU % and resident memory of zoomtop itself and the monitored app, via pidusage.
import realPidusage from 'pidusage';
import { systemClock, type Clock } from '../../app/clock.js';
import type { ProcessSample, Source, UnavailableSample } from '../types.js';

export type ProcessTarget = { role: 'self' | 'app'; pid: number };

/** What pidusage says about one pid: cpu % of one core, memory = RSS bytes. */
export type PidUsage = { cpu: number; memory: number };

/** What this source needs from pidusage: every pid asked at once, each answered with its figures or its error. */
export type PidusagePort = (pids: readonly number[]) => Promise<Map<number, PidUsage | Error>>;

/** pidusage's own call shape, for one pid or many (the real module satisfies it). */
export type PidusageFn = {
  (pid: number, options: { maxage: number }): Promise<PidUsage>;
  (pids: number[], options: { maxage: number }): Promise<Record<string, PidUsage | undefined>>;
};

export type ProcessSourceOptions = {
  /** The processes to watch, asked on every read (the app's pid changes when it restarts). */
  targets: () => ProcessTarget[];
  /** Default 1000. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** Default: batchedPidusage() over the real pidusage. */
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
const MAXAGE_MS = 10 * 60_000;

/**
 * One pidusage call for all pids: each call reads /proc/uptime through the thread pool, which
 * costs more than the pid's own stat read, so one call for two pids saves about a fifth. In a
 * call for several pids pidusage drops a failing pid's error (it is just absent from the answer),
 * so a pid missing from the answer is asked alone, to learn whether it exited or what failed.
 */
export function batchedPidusage(pidusage: PidusageFn = realPidusage as PidusageFn): PidusagePort {
  return async (pids) => {
    const answers = new Map<number, PidUsage | Error>();
    // pidusage rewrites the array it is given; a single pid comes back bare, not in an object. If
    // the call for many fails as a whole, each pid asked alone gets its own error.
    const none: Record<string, PidUsage | undefined> = {};
    const many = pids.length > 1 ? await pidusage([...pids], { maxage: MAXAGE_MS }).catch(() => none) : none;
    for (const pid of pids) {
      const usage = many[String(pid)];
      answers.set(pid, usage ?? (await pidusage(pid, { maxage: MAXAGE_MS }).catch((error: unknown) => asError(error))));
    }
    return answers;
  };
}

/** Reports one sample per target; an exited pid gives an `unavailable` sample, not an error. */
export function createProcessSource(options: ProcessSourceOptions): Source {
  const pidusage = options.pidusage ?? batchedPidusage();
  const clock = options.clock ?? systemClock;
  const firstWindowMs = options.firstWindowMs ?? 0;
  // Pids measured at least once: their next cpu figure covers a real interval.
  const measured = new Set<number>();

  async function usageOf(pids: number[]): Promise<Map<number, PidUsage | Error>> {
    const answers = await pidusage(pids);
    const fresh = pids.filter((pid) => !measured.has(pid) && !(answers.get(pid) instanceof Error));
    if (firstWindowMs > 0 && fresh.length > 0) {
      await new Promise<void>((resolve) => clock.setTimeout(resolve, firstWindowMs));
      for (const [pid, answer] of await pidusage(fresh)) answers.set(pid, answer);
      for (const pid of fresh) measured.add(pid);
    }
    return answers;
  }

  function toSample({ role, pid }: ProcessTarget, answer: PidUsage | Error | undefined): ProcessSample | UnavailableSample {
    if (answer === undefined || answer instanceof Error) {
      if (!hasExited(answer)) {
        throw new Error(`pidusage failed for ${role} pid ${pid}: ${answer ? answer.message : 'no answer for this pid'}`);
      }
      measured.delete(pid);
      const reason = `${role} pid ${pid} exited`;
      return { kind: 'unavailable', atMs: clock.now(), source: NAME, reason, process: { role, pid } };
    }
    if (!isFiniteAtLeastZero(answer.cpu) || !isFiniteAtLeastZero(answer.memory)) {
      throw new Error(`pidusage gave cpu ${answer.cpu}, memory ${answer.memory} for ${role} pid ${pid}; expected numbers >= 0`);
    }
    // pidusage's first figure for a pid spans two back-to-back reads, so it is ~0 by construction.
    const cpuPercent = measured.has(pid) ? answer.cpu : null;
    measured.add(pid);
    return { kind: 'process', atMs: clock.now(), role, pid, cpuPercent, rssBytes: answer.memory };
  }

  return {
    name: NAME,
    intervalMs: options.intervalMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read() {
      const targets = options.targets();
      for (const target of targets) checkTarget(target);
      const pids = [...new Set(targets.map((target) => target.pid))];
      for (const pid of measured) if (!pids.includes(pid)) measured.delete(pid);
      if (pids.length === 0) return [];
      const answers = await usageOf(pids);
      return targets.map((target) => toSample(target, answers.get(target.pid)));
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function isFiniteAtLeastZero(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
