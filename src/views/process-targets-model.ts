// One line per watched process (--pid, --process): its cost, or when it exited, or why it is not found.
import type { ProcessTargetFigures } from '../store/snapshot.js';
import { formatBytes, formatClock, formatPercent } from './format.js';
import type { Line } from './model.js';

export function toProcessTargetLines(targets: readonly ProcessTargetFigures[] | undefined, offsetMinutes?: number): Line[] {
  return (targets ?? []).map((t): Line => {
    const name: Line[number] = { text: `${t.status === 'missing' ? t.target : `${t.command} ${t.pid}`} `, tone: 'muted' };
    switch (t.status) {
      case 'running':
        return [
          name,
          { text: t.cpuPercent === null ? '…' : `${formatPercent(t.cpuPercent)} of 1 core`, tone: 'normal' },
          { text: `, ${formatBytes(t.rssBytes)}, ${t.threadCount} thr${t.openFdCount === null ? '' : `, ${t.openFdCount} fd`}, ${t.state.split(' ')[0]}`, tone: 'muted' },
        ];
      case 'exited':
        return [name, { text: `exited at ${formatClock(t.exitedAtMs, offsetMinutes)}`, tone: 'careful' }];
      case 'missing':
        return [name, { text: t.reason, tone: 'muted' }];
    }
  });
}
