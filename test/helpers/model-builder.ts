// Hand-built DashboardModels for widget tests: plausible content at any size, every part overridable.
import { computeLayout } from '../../src/views/layout.js';
import type { ChartModel, DashboardModel, Line, ListModel, TableModel, Tone } from '../../src/views/model.js';

const span = (text: string, tone: Tone = 'normal') => ({ text, tone });

/** A rising and falling series with a gap, `length` samples long, oldest first. */
export function wave(length: number, max = 100): (number | null)[] {
  return Array.from({ length }, (_, i) => (i % 17 === 5 ? null : Math.round(((Math.sin(i / 4) + 1) / 2) * max * 10) / 10));
}

export function chart(title: string, now: string, tone: Tone = 'ok', values = wave(240)): ChartModel {
  return {
    title,
    label: `${title} %, 0-100`,
    values,
    max: 100,
    lines: [[span('now ', 'muted'), span(now, tone)], [span('app ', 'muted'), span('12.0 % of one core')]],
    tone,
  };
}

/** Rows laid out the way the operations view does: name cell, then ' ' + each right-aligned cell. */
export function operations(rows: [string, string, string][], selectedIndex = -1): TableModel {
  const line = ([name, count, p95]: [string, string, string]): Line => [
    span(name.padEnd(24)),
    span(' ' + count.padStart(7)),
    span(' ' + p95.padStart(7), Number(p95) > 100 ? 'warning' : 'normal'),
  ];
  return {
    title: 'Operations (last 60 s)',
    columns: [
      { header: 'component.operation (ms)', width: 24, align: 'left' },
      { header: 'count', width: 7, align: 'right' },
      { header: 'p95', width: 7, align: 'right' },
    ],
    rows: rows.map(line),
    selectedIndex,
    empty: 'no operations yet',
  };
}

export function list(title: string, lines: Line[], selectedIndex = -1, empty = 'nothing here'): ListModel {
  return { title, lines, selectedIndex, empty };
}

/** A full model for a `cols` x `rows` terminal; `overrides` replace whole parts. */
export function buildModel(cols: number, rows: number, overrides: Partial<DashboardModel> = {}): DashboardModel {
  const { tooSmall, layout } = computeLayout(cols, rows);
  return {
    cols,
    rows,
    tooSmall,
    layout,
    focus: null,
    cpu: chart('CPU', '73.2 %', 'careful'),
    memory: chart('Memory', '41.0 %', 'ok'),
    gpu: chart('GPU', '5.0 %', 'ok'),
    operations: operations([
      ['camera.capture', '1204', '35.1'],
      ['encoder.encode', '1198', '140.2'],
      ['stream.send', '1190', '4.3'],
    ]),
    operationOrder: { sort: 'p95', keys: ['camera.capture', 'encoder.encode', 'stream.send'] },
    alerts: list('Alerts', [[span('12:00:01 ', 'muted'), span('CPU above 85 % for 10 s', 'critical')]]),
    suggestions: list(
      'Suggestions',
      [[span('Lower camera resolution to 1280x720 [r]')], [span('Lower target fps to 25 [f]')]],
      1,
    ),
    status: [span('zoomtop ', 'title'), span('q quit  ? help  a apply', 'muted')],
    dialog: null,
    ...overrides,
  };
}
