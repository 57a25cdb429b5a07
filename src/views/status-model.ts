// The bottom status line: where, how often, how long, zoomtop's own cost, the mode, and the main keys; fitted to the width.
import type { Snapshot } from '../store/snapshot.js';
import { formatBytes, formatElapsed, formatPercent } from './format.js';
import type { Line, Span } from './model.js';
import { lineWidth } from './text-width.js';

export type StatusContext = {
  host: string;
  intervalMs: number;
  statsdAddress: string | null;
  /** --read-only: actions are previewed, never written. */
  readOnly?: boolean;
  /** e.g. "measuring effect 12 s" while an applied action's effect settles; null otherwise. */
  settling?: string | null;
  /** A short-lived word on what a key just did that shows nowhere else, e.g. "theme light"; null otherwise. */
  notice?: string | null;
};

/** The parts of the UI state the status line shows. */
export type StatusUi = {
  paused: boolean;
  editingFilter: boolean;
  filter: string;
  autoMode?: boolean;
  /** One panel at a time (a small terminal): Tab is the key that shows the others. Default false. */
  single?: boolean;
};

const KEYS_LONG = ' | q quit  ? help  Tab focus  / filter  s sort  p pause  z zoom';
const KEYS_MEDIUM = ' | q quit  ? help  Tab focus  / filter';
const KEYS_SHORT = ' | q quit  ? help';
const KEYS_SINGLE = ' | Tab next panel  q quit  ? help';
const KEYS_SINGLE_MEDIUM = ' | Tab next  q quit';
const KEYS_SINGLE_SHORT = ' | Tab next';
const KEYS_SINGLE_TINY = ' | Tab';

export function formatInterval(intervalMs: number): string {
  const seconds = intervalMs / 1000;
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(2))} s`;
}

/**
 * Seconds only in the first minute, then minutes: a clock that ticks every second is rewritten on the
 * terminal every second, and nobody reads zoomtop's uptime to the second after the first minute.
 */
export function formatUptime(ms: number): string {
  const minuteMs = 60_000;
  return ms < minuteMs ? formatElapsed(ms) : formatElapsed(Math.floor(ms / minuteMs) * minuteMs).replace(/00s$/, '');
}

/**
 * The status line for `width` cells. Less important parts are dropped first (StatsD address,
 * uptime, host, then keys from the end of the list, then a passing notice); zoomtop's own cost and
 * PAUSED are never dropped.
 * With one panel at a time (ui.single) the keys lead with Tab, the way to the other panels.
 */
export function toStatusLine(snapshot: Snapshot, context: StatusContext, ui: StatusUi = { paused: false, editingFilter: false, filter: '' }, width = Infinity): Line {
  const self = snapshot.self;
  // Whole MiB: RSS moves by tenths with every GC, and a digit that changes every second is rewritten every second.
  // The mean of the last few readings: one reading moves in whole percent (10 ms kernel ticks a second) and flickers.
  const selfCpu = self ? (self.recentCpuPercent ?? self.cpuPercent) : null;
  const cost: Span = { text: ` | ${self ? `zoomtop ${selfCpu === null ? '…' : formatPercent(selfCpu)} ${formatBytes(self.rssBytes, 0)}` : 'zoomtop …'}`, tone: 'muted' };
  // Modes that change what keys do stay; the passing words (an effect being measured, a theme's name)
  // give way first when the line is short, so zoomtop's own cost is never cut.
  const modes: Span[] = [
    ...(ui.paused ? [{ text: ' PAUSED ', tone: 'critical' as const }] : []),
    ...(ui.autoMode ? [{ text: ' AUTO ', tone: 'warning' as const }] : []),
    ...(context.readOnly ? [{ text: ' READ-ONLY ', tone: 'careful' as const }] : []),
  ];
  const passing: Span[] = [
    ...(context.settling ? [{ text: ` ${context.settling} `, tone: 'careful' as const }] : []),
    ...(context.notice ? [{ text: ` ${context.notice} `, tone: 'title' as const }] : []),
  ];
  if (ui.editingFilter) {
    const prompt: Span[] = [{ text: ' filter: ', tone: 'title' }, { text: `${ui.filter}_`, tone: 'normal' }];
    const forms = [[...modes, ...passing, ...prompt, { text: '  Enter keep  Esc clear', tone: 'muted' as const }, cost], [...modes, ...prompt, { text: '  Enter keep  Esc clear', tone: 'muted' as const }, cost], [...modes, ...prompt, cost]];
    return forms.find((spans) => lineWidth(spans) <= width) ?? forms[forms.length - 1]!;
  }
  const host: Span = { text: ` ${context.host}`, tone: 'title' };
  const every: Span = { text: ` | every ${formatInterval(context.intervalMs)}`, tone: 'normal' };
  const up: Span = { text: ` | up ${formatUptime(snapshot.atMs - snapshot.startedAtMs)}`, tone: 'normal' };
  const statsd: Span = { text: context.statsdAddress ? ` | statsd ${context.statsdAddress}` : ' | statsd off', tone: 'muted' };
  const keys = (text: string): Span => ({ text, tone: 'title' });
  const candidates: Span[][] = ui.single ? [
    [host, every, cost, keys(KEYS_SINGLE)],
    [every, cost, keys(KEYS_SINGLE)],
    [cost, keys(KEYS_SINGLE)],
    [cost, keys(KEYS_SINGLE_MEDIUM)],
    [cost, keys(KEYS_SINGLE_SHORT)],
    [cost, keys(KEYS_SINGLE_TINY)],
    [cost],
  ] : [
    [host, every, up, cost, statsd, keys(KEYS_LONG)],
    [host, every, up, cost, keys(KEYS_LONG)],
    [host, every, cost, keys(KEYS_LONG)],
    [every, cost, keys(KEYS_LONG)],
    [host, every, cost, keys(KEYS_MEDIUM)],
    [every, cost, keys(KEYS_MEDIUM)],
    [host, every, cost, keys(KEYS_SHORT)],
    [every, cost, keys(KEYS_SHORT)],
    // Only reached with a notice beside them: it shows for its few seconds instead of the keys.
    [every, cost],
    [cost],
  ];
  // Without the host in front, the first separator would lead the line.
  const leading = (spans: Span[]): Span[] => {
    const [first, ...rest] = spans;
    return first ? [{ ...first, text: first.text.replace(/^ \| /, ' ') }, ...rest] : [];
  };
  for (const extras of [[...modes, ...passing], modes]) {
    const fits = candidates.map(leading).find((spans) => lineWidth(spans) <= width - lineWidth(extras));
    if (fits) return [...extras, ...fits];
  }
  return [...modes, ...leading(ui.single ? [cost] : [every, cost, keys(KEYS_SHORT)])];
}
