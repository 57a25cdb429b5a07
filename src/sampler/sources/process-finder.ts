// Process-targets source: --pid N and --process NAME, read from /proc, following a named process across restarts.
import { systemClock, type Clock } from '../../app/clock.js';
import type { ProcessTargetSample, Source, UnavailableSample } from '../types.js';
import { procFiles, type ProcFiles } from './proc-files.js';
import { readPidFigures, type PidFigures } from './proc-pid.js';
import { ProcessScanner } from './process-scan.js';

/** A fixed pid (gone for good once it exits) or a name matched against command names and command lines. */
export type ProcessTargetSpec = { pid: number } | { name: string };

export type ProcessFinderOptions = {
  targets: readonly ProcessTargetSpec[];
  /** Default 1000. A restarted process is picked up on the first read after it appears. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** Where proc/ is read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Never matched by name (its own command line holds the name); default process.pid. */
  selfPid?: number;
  /** New pids are looked at on every scan; all of them again this often (catches a process that exec()s). Default 10000. */
  fullScanEveryMs?: number;
  /** The kernel's USER_HZ, the unit of /proc/<pid>/stat times; default 100 (every Linux architecture we run on). */
  clockTicksPerSec?: number;
  /** Default systemClock. */
  clock?: Clock;
};

export const PROCESS_TARGETS_SOURCE = 'process-targets';

type Followed = { pid: number; command: string; startTicks: number; cpuTicks: number; atMs: number };
type Tracked = {
  spec: ProcessTargetSpec;
  target: string;
  /** The process read now; null once it is gone or before one is found. */
  followed: Followed | null;
  exited: { pid: number; command: string; atMs: number } | null;
  restartCount: number;
};

/** One sample per target per read, in the order given: running, exited (not an error) or missing. */
export function createProcessFinderSource(options: ProcessFinderOptions): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  const selfPid = options.selfPid ?? process.pid;
  const ticksPerSec = options.clockTicksPerSec ?? 100;
  const scanner = new ProcessScanner(files, selfPid, options.fullScanEveryMs ?? 10_000);
  let procListable: boolean | null = null;
  const tracked: Tracked[] = validateTargets(options.targets).map((spec) => ({
    spec,
    target: targetLabel(spec),
    followed: null,
    exited: null,
    restartCount: 0,
  }));

  function running(t: Tracked, figures: PidFigures, atMs: number): ProcessTargetSample {
    const before = t.followed?.pid === figures.pid ? t.followed : null;
    const elapsedSec = before ? (atMs - before.atMs) / 1000 : 0;
    const cpuPercent = before && elapsedSec > 0 ? ((figures.cpuTicks - before.cpuTicks) / ticksPerSec / elapsedSec) * 100 : null;
    t.followed = { pid: figures.pid, command: figures.command, startTicks: figures.startTicks, cpuTicks: figures.cpuTicks, atMs };
    const { pid, command, state, rssBytes, threadCount, openFdCount } = figures;
    const { restartCount, target } = t;
    return { kind: 'process-target', atMs, target, status: 'running', pid, command, state, cpuPercent, rssBytes, threadCount, openFdCount, restartCount };
  }

  async function step(t: Tracked, atMs: number, scan: () => Promise<void>): Promise<ProcessTargetSample> {
    if (t.followed) {
      const figures = await readPidFigures(files, t.followed.pid);
      // Same pid, same start time: the same process. A reused pid is another process.
      if (figures && figures.startTicks === t.followed.startTicks) return running(t, figures, atMs);
      t.exited = { pid: t.followed.pid, command: t.followed.command, atMs };
      scanner.forget(t.followed.pid);
      t.followed = null;
    }
    const pidSpec = 'pid' in t.spec ? t.spec.pid : null;
    if (pidSpec !== null && t.exited === null) {
      const figures = await readPidFigures(files, pidSpec);
      if (figures) return running(t, figures, atMs);
    }
    if ('name' in t.spec) {
      await scan();
      for (const candidate of await scanner.matches(t.spec.name)) {
        const figures = await readPidFigures(files, candidate.pid);
        if (!figures) {
          scanner.forget(candidate.pid);
          continue;
        }
        if (t.exited) t.restartCount += 1;
        t.exited = null;
        return running(t, figures, atMs);
      }
    }
    if (t.exited) {
      const { pid, command, atMs: exitedAtMs } = t.exited;
      return { kind: 'process-target', atMs, target: t.target, status: 'exited', pid, command, exitedAtMs, restartCount: t.restartCount };
    }
    const reason = 'pid' in t.spec ? `no process with pid ${t.spec.pid}` : `no process named "${t.spec.name}" (command name or command line)`;
    return { kind: 'process-target', atMs, target: t.target, status: 'missing', reason };
  }

  return {
    name: PROCESS_TARGETS_SOURCE,
    intervalMs: options.intervalMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read(): Promise<(ProcessTargetSample | UnavailableSample)[]> {
      const atMs = clock.now();
      procListable ??= await files.list('proc').then(() => true, () => false);
      if (!procListable) {
        const reason = `${files.where('proc')} not listable: process targets need Linux`;
        return [{ kind: 'unavailable', atMs, source: PROCESS_TARGETS_SOURCE, reason }];
      }
      // /proc is listed only when a named target needs a scan, and once per read at most.
      let scanned: Promise<void> | null = null;
      const scan = () => (scanned ??= files.list('proc').then((entries) => scanner.refresh(entries, atMs)));
      const out: ProcessTargetSample[] = [];
      // One target at a time: a scan opens one file at a time, never hundreds at once.
      for (const t of tracked) out.push(await step(t, atMs, scan));
      return out;
    },
  };
}

function targetLabel(spec: ProcessTargetSpec): string {
  return 'pid' in spec ? `--pid ${spec.pid}` : `--process ${spec.name}`;
}

function validateTargets(targets: readonly ProcessTargetSpec[]): ProcessTargetSpec[] {
  const seen = new Set<string>();
  return targets.map((spec, index) => {
    if ('pid' in spec && (!Number.isInteger(spec.pid) || spec.pid <= 0)) {
      throw new Error(`process finder: targets[${index}] has pid ${String(spec.pid)}; give a positive integer, e.g. --pid 1234`);
    }
    if ('name' in spec && (typeof spec.name !== 'string' || spec.name.trim() === '')) {
      throw new Error(`process finder: targets[${index}] has an empty name; give a command name or part of a command line, e.g. --process camera`);
    }
    const label = targetLabel(spec);
    if (seen.has(label)) throw new Error(`process finder: "${label}" is given twice; give each target once`);
    seen.add(label);
    return spec;
  });
}
