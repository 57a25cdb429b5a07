// The bottom status line: where, how often, how long, zoomtop's own cost, and the main keys.
import type { Snapshot } from '../store/snapshot.js';
import { formatBytes, formatElapsed, formatPercent } from './format.js';
import type { Line } from './model.js';

export type StatusContext = { host: string; intervalMs: number; statsdAddress: string | null };

export function toStatusLine(snapshot: Snapshot, context: StatusContext): Line {
  const self = snapshot.self;
  const selfCost = self ? `zoomtop ${self.cpuPercent === null ? '…' : formatPercent(self.cpuPercent)} ${formatBytes(self.rssBytes)}` : 'zoomtop …';
  const seconds = context.intervalMs / 1000;
  return [
    { text: ` ${context.host}`, tone: 'title' },
    { text: ` | every ${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s | up ${formatElapsed(snapshot.atMs - snapshot.startedAtMs)}`, tone: 'normal' },
    { text: ` | ${selfCost}`, tone: 'muted' },
    { text: context.statsdAddress ? ` | statsd ${context.statsdAddress}` : ' | statsd off', tone: 'muted' },
    { text: ' | q quit  ? help  a apply  up/down select', tone: 'title' },
  ];
}
