// Finds processes by name in /proc cheaply: only pids new since the last scan are read, with a full rescan now and then.
import type { ProcFiles } from './proc-files.js';
import { isDead, readCmdline, readPidStat } from './proc-pid.js';

/** A process seen by a scan; cmdline is undefined until a name needs it, null when the process went away. */
export type Candidate = { pid: number; command: string; startTicks: number; cmdline?: string | null };

export class ProcessScanner {
  private readonly known = new Map<number, Candidate>();
  private lastFullScanMs: number | null = null;

  /**
   * @param selfPid never a match: its own command line holds the names it looks for.
   * @param fullScanEveryMs a process that exec()s keeps its pid but changes its name; a full
   *   rescan this often catches it (new pids are caught on every scan).
   */
  constructor(
    private readonly files: ProcFiles,
    private readonly selfPid: number,
    private readonly fullScanEveryMs: number,
  ) {}

  /** Brings the list up to date with a listing of /proc: drops pids gone, reads the stat of new ones. */
  async refresh(entries: readonly string[], nowMs: number): Promise<void> {
    if (this.lastFullScanMs === null || nowMs - this.lastFullScanMs >= this.fullScanEveryMs || nowMs < this.lastFullScanMs) {
      this.known.clear();
      this.lastFullScanMs = nowMs;
    }
    const listed = new Set<number>();
    for (const entry of entries) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      listed.add(pid);
      if (pid === this.selfPid || this.known.has(pid)) continue;
      // One file at a time: a scan never holds hundreds of descriptors at once.
      const stat = await readPidStat(this.files, pid);
      if (stat && !isDead(stat.stateLetter)) this.known.set(pid, { pid, command: stat.command, startTicks: stat.startTicks });
    }
    for (const pid of this.known.keys()) if (!listed.has(pid)) this.known.delete(pid);
  }

  /**
   * Processes matching `name`, best first: command-name matches (the kernel cuts names to 15
   * characters) before command-line ones, then the oldest (a worker pool's parent, not a worker).
   * Command lines are read only when no command name matches, once per process.
   */
  async matches(name: string): Promise<Candidate[]> {
    const candidates = [...this.known.values()];
    const byCommand = candidates.filter((c) => c.command === name || (c.command.length === 15 && name.startsWith(c.command)));
    if (byCommand.length > 0) return oldestFirst(byCommand);
    const byCmdline: Candidate[] = [];
    for (const c of candidates) {
      if (c.cmdline === undefined) c.cmdline = await readCmdline(this.files, c.pid);
      if (c.cmdline?.includes(name)) byCmdline.push(c);
    }
    return oldestFirst(byCmdline);
  }

  /** A process that exited or turned out dead: its stat is read afresh if its pid is listed again. */
  forget(pid: number): void {
    this.known.delete(pid);
  }
}

function oldestFirst(list: Candidate[]): Candidate[] {
  return list.sort((a, b) => a.startTicks - b.startTicks || a.pid - b.pid);
}
