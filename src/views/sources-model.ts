// The sources view: what each source reads, whether it is healthy, stale or failed, and StatsD's intake.
import type { SourceHealth } from '../sampler/types.js';
import { formatClock, formatElapsed } from './format.js';
import { compareText } from './compare-text.js';

export type StatsdIntake = { lines: number; metrics: number; rejected: number; rejectsByReason: Record<string, number> } | null;

/** A source with no good read for this long is shown as stale. */
const STALE_AFTER_MS = 10_000;

/** One line per source, sorted by name, then StatsD; plain text for a message dialog. */
export function toSourcesLines(health: ReadonlyMap<string, SourceHealth>, statsd: StatsdIntake, nowMs: number, offsetMinutes?: number): string[] {
  const width = Math.max(8, ...[...health.keys()].map((name) => name.length)) + 2;
  const lines = [...health.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, h]) => `${name.padEnd(width)}${describe(h, nowMs, offsetMinutes)}`);
  if (statsd === null) lines.push(`${'statsd'.padEnd(width)}off (--no-statsd)`);
  else {
    const reasons = Object.entries(statsd.rejectsByReason)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ');
    lines.push(`${'statsd'.padEnd(width)}${statsd.lines} lines, ${statsd.metrics} applied, ${statsd.rejected} rejected${reasons ? ` (${reasons})` : ''}`);
  }
  return lines;
}

function describe(h: SourceHealth, nowMs: number, offsetMinutes?: number): string {
  switch (h.state) {
    case 'pending':
      return 'waiting for its first read';
    case 'ok':
      return nowMs - h.atMs > STALE_AFTER_MS ? `stale since ${formatClock(h.atMs, offsetMinutes)}` : `ok, read ${formatElapsed(nowMs - h.atMs)} ago`;
    case 'failed':
      return `failed at ${formatClock(h.atMs, offsetMinutes)}: ${h.reason}`;
    case 'unavailable':
      return `n/a: ${h.reason}`;
  }
}
