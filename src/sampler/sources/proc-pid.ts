// One process's figures from /proc/<pid>: stat (CPU ticks, start time), status (state, threads, RSS), fd (open files).
import { isMissing, type ProcFiles } from './proc-files.js';

export type PidFigures = {
  pid: number;
  /** The kernel's command name (15 characters at most). */
  command: string;
  /** "S (sleeping)", "R (running)", ... */
  state: string;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  /** Start time since boot, in clock ticks: with the pid, it names one process (pids are reused). */
  startTicks: number;
  rssBytes: number | null;
  threadCount: number;
  openFdCount: number | null;
};

export type PidStat = { command: string; stateLetter: string; cpuTicks: number; startTicks: number };

/** Zombies (Z) and dead tasks (X) have exited; only their parent has not collected them yet. */
export function isDead(stateLetter: string): boolean {
  return stateLetter === 'Z' || stateLetter === 'X';
}

/** True for errors that mean "this pid is gone" (exited between listing and reading, or never was). */
export function isGone(error: unknown): boolean {
  return isMissing(error) || (error as NodeJS.ErrnoException | null)?.code === 'ESRCH';
}

/** The stat of a pid, or null when it is gone. */
export async function readPidStat(files: ProcFiles, pid: number): Promise<PidStat | null> {
  const path = `proc/${pid}/stat`;
  try {
    return parseStat(await files.readText(path), files.where(path));
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

/** A live process's figures, or null when it is gone or dead. */
export async function readPidFigures(files: ProcFiles, pid: number): Promise<PidFigures | null> {
  const stat = await readPidStat(files, pid);
  if (stat === null || isDead(stat.stateLetter)) return null;
  const statusPath = `proc/${pid}/status`;
  let status: PidStatus;
  try {
    status = parseStatus(await files.readText(statusPath), files.where(statusPath));
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
  const openFdCount = await files.list(`proc/${pid}/fd`).then(
    (entries) => entries.length,
    (error: unknown) => {
      // Another user's process: its fds are not ours to list; the other figures still are.
      if (isGone(error)) return null;
      throw error;
    },
  );
  const { command, cpuTicks, startTicks } = stat;
  return { pid, command, state: status.state, cpuTicks, startTicks, rssBytes: status.rssBytes, threadCount: status.threadCount, openFdCount };
}

/** The command line, NUL-separated arguments joined with spaces; '' for kernel threads. */
export async function readCmdline(files: ProcFiles, pid: number): Promise<string | null> {
  try {
    return (await files.readText(`proc/${pid}/cmdline`)).split('\0').filter((arg) => arg !== '').join(' ');
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

/** "pid (comm) S ppid ..." — comm may hold spaces and parentheses, so fields count from the last ")". */
export function parseStat(text: string, where = 'stat'): PidStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const fields = close > open && open >= 0 ? text.slice(close + 2).trim().split(/\s+/) : [];
  // After ")": state is field 3 of the man page, utime 14, stime 15, starttime 22.
  const [stateLetter, utime, stime, start] = [fields[0], Number(fields[11]), Number(fields[12]), Number(fields[19])];
  if (stateLetter === undefined || !/^[A-Za-z]$/.test(stateLetter) || ![utime, stime, start].every(Number.isSafeInteger)) {
    throw new Error(`${where} "${text.trim().slice(0, 60)}" is not a /proc/<pid>/stat line (pid (comm) state and 49 more fields)`);
  }
  return { command: text.slice(open + 1, close), stateLetter, cpuTicks: utime + stime, startTicks: start };
}

type PidStatus = { state: string; threadCount: number; rssBytes: number | null };

/** State, Threads and VmRSS (kB; absent for kernel threads) of a /proc/<pid>/status text. */
export function parseStatus(text: string, where = 'status'): PidStatus {
  const state = /^State:\s+(.+?)\s*$/m.exec(text)?.[1];
  const threads = /^Threads:\s+(\d+)\s*$/m.exec(text)?.[1];
  if (state === undefined || threads === undefined) {
    throw new Error(`${where} has no "State:" or "Threads:" line; is it a /proc/<pid>/status file?`);
  }
  const rssKb = /^VmRSS:\s+(\d+) kB\s*$/m.exec(text)?.[1];
  return { state, threadCount: Number(threads), rssBytes: rssKb === undefined ? null : Number(rssKb) * 1024 };
}
