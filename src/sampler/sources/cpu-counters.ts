// Whole-machine CPU busy % from two readings of /proc/stat's "cpu" line: a file read, where systeminformation spawns a shell.

/** The aggregate jiffies of all cores: total time and the part of it spent idle (idle + iowait). */
export type CpuCounters = { totalTicks: number; idleTicks: number };

/** Parses the first ("cpu ") line of /proc/stat; throws a one-line error naming what was wrong. */
export function parseProcStat(text: string, where = '/proc/stat'): CpuCounters {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error(`${where} has no "cpu " line; expected the aggregate counters of all cores`);
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  if (fields.length < 4 || fields.some((n) => !Number.isFinite(n) || n < 0)) {
    throw new Error(`${where} "cpu " line "${line.slice(0, 80)}" is not at least 4 counters`);
  }
  // guest and guest_nice (fields 9, 10) are already counted in user and nice.
  const counted = fields.slice(0, 8);
  const totalTicks = counted.reduce((sum, n) => sum + n, 0);
  const idleTicks = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { totalTicks, idleTicks };
}

/** Busy share of the time between two readings, 0..100; null when no time passed or a counter went back. */
export function busyPercent(before: CpuCounters, after: CpuCounters): number | null {
  const total = after.totalTicks - before.totalTicks;
  const idle = after.idleTicks - before.idleTicks;
  if (total <= 0 || idle < 0 || idle > total) return null;
  return ((total - idle) / total) * 100;
}
