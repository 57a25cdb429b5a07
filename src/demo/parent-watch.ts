// Lets the demo child notice that zoomtop died (even by kill -9) and exit, so no orphan keeps burning the CPU.
import { readFileSync } from 'node:fs';
import { systemClock, type Clock, type TimerHandle } from '../app/clock.js';

export type ParentWatchOptions = {
  /** Called once when the parent is gone. */
  onOrphaned: () => void;
  /** How often to check the parent. @default 1000 */
  intervalMs?: number;
  /** The current parent pid. @default read from /proc/self/stat (process.ppid is fixed at start), else null */
  readPpid?: () => number | null;
  /** Whether a pid is alive; used where readPpid gives null. @default process.kill(pid, 0) */
  isAlive?: (pid: number) => boolean;
  /** The process whose IPC channel (if any) is watched. @default process */
  proc?: Pick<NodeJS.Process, 'ppid' | 'connected' | 'once' | 'off'>;
  /** @default systemClock (unref'd timers: the watch alone never keeps the process alive) */
  clock?: Clock;
};

/** Reads the parent pid from /proc (Linux); null elsewhere. */
export function readProcPpid(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the ")" that closes the command name: state, ppid, ...
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Starts watching the parent: its IPC channel closing, or this process being re-parented. Returns a stop function. */
export function watchParent(options: ParentWatchOptions): () => void {
  const { onOrphaned, intervalMs = 1000, readPpid = readProcPpid, isAlive = pidAlive, proc = process, clock = systemClock } = options;
  const parentPid = proc.ppid;
  let fired = false;
  const orphaned = (): void => {
    if (fired) return;
    fired = true;
    stop();
    onOrphaned();
  };
  let timer: TimerHandle = null;
  const check = (): void => {
    const ppid = readPpid();
    if (ppid === null ? !isAlive(parentPid) : ppid !== parentPid) orphaned();
    else timer = clock.setTimeout(check, intervalMs);
  };
  timer = clock.setTimeout(check, intervalMs);
  if (proc.connected) proc.once('disconnect', orphaned);
  function stop(): void {
    clock.clearTimeout(timer);
    proc.off('disconnect', orphaned);
  }
  return stop;
}
