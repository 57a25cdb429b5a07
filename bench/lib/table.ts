// The one table `npm run bench` prints: which figure, zoomtop against its peer, the target and whether it is met.
import { summarize, type Measurement, type Summary } from './result.js';

type Figures = Record<string, Measurement>;

export type RowSpec = {
  figure: string;
  unit: string;
  zoomtop: string;
  peer?: { name: string; key: string };
  target: string;
  /** Whether the target is met from the medians (and the zoomtop values); undefined = reported only. */
  met?: (z: Summary, p: Summary | null, values: number[]) => boolean;
  /** Multiplies the stored values for display (e.g. ns -> us). */
  scale?: number;
  digits?: number;
  /** The target is relative to the peer: without the peer it cannot be judged. */
  needsPeer?: boolean;
  /** Appended to the figure, e.g. the name of the costliest source. */
  suffix?: (figures: Figures) => string;
};

const k = (n: number): number => n * 1000;

export const ROWS: RowSpec[] = [
  { figure: 'record(component, op, ms)', unit: 'ns/call', zoomtop: 'ns.record', peer: { name: 'prom-client observe({labels})', key: 'ns.promObserve' }, target: '<= 50 ns', met: (z) => z.median <= 50 },
  { figure: 'record(component, op, ms)', unit: 'ns/call', zoomtop: 'ns.record', peer: { name: 'perf_hooks histogram.record()', key: 'ns.perfHooks' }, target: '<= 50 ns', met: (z) => z.median <= 50 },
  { figure: 'pre-bound series handle .record()', unit: 'ns/call', zoomtop: 'ns.handle', peer: { name: 'prom-client child.observe()', key: 'ns.promChild' }, target: '<= 10 ns', met: (z) => z.median <= 10 },
  { figure: 'heap allocated per record() call', unit: 'B/call', zoomtop: 'alloc.record', peer: { name: 'prom-client observe({labels})', key: 'alloc.promObserve' }, target: 'none', met: (z) => z.max < 0.05, digits: 3 },
  { figure: 'heap allocated per handle .record()', unit: 'B/call', zoomtop: 'alloc.handle', target: 'none', met: (z) => z.max < 0.05, digits: 3 },
  { figure: 'percentile query p50+p95+p99, one series', unit: 'us', zoomtop: 'ns.query', peer: { name: 'perf_hooks percentile() x3', key: 'ns.queryPerfHooks' }, target: '<= 5 us', met: (z) => z.median <= 5, scale: 1e-3, digits: 2 },
  { figure: 'memory per operation series (10k series)', unit: 'KiB', zoomtop: 'memory.zoomtop', peer: { name: 'prom-client labelled child', key: 'memory.prom' }, target: '<= 8 KiB', met: (z) => z.median <= 8, scale: 1 / 1024, digits: 2 },
  { figure: 'StatsD ingest, batched datagrams', unit: 'lines/s', zoomtop: 'statsd.batched.received', target: '>= 500k lines/s', met: (z) => z.median >= k(500), digits: 0 },
  { figure: 'StatsD ingest, single-line datagrams', unit: 'lines/s', zoomtop: 'statsd.single.received', target: 'reported', digits: 0 },
  { figure: 'StatsD loss at 100k datagrams/s', unit: '%', zoomtop: 'statsd.paced.loss', target: '0 %', met: (_z, _p, values) => values.every((v) => v === 0), digits: 3 },
  { figure: 'StatsD receive CPU at the camera load (270 datagrams/s)', unit: '% of one core', zoomtop: 'statsd.receiveCpu.zoomtop', peer: { name: 'Node dgram, no-op handler', key: 'statsd.receiveCpu.dgram' }, target: 'reported', digits: 2 },
  { figure: 'dashboard self CPU, % of one core', unit: '%', zoomtop: 'dashboard.cpu.zoomtop', peer: { name: 'btop', key: 'dashboard.cpu.btop' }, target: "<= btop's", needsPeer: true, met: (z, p) => p !== null && z.median <= p.median, digits: 2 },
  { figure: 'dashboard self CPU, % of one core', unit: '%', zoomtop: 'dashboard.cpu.zoomtop', peer: { name: 'gtop', key: 'dashboard.cpu.gtop' }, target: "<= 1/6 of gtop's", needsPeer: true, met: (z, p) => p !== null && z.median <= p.median / 6, digits: 2 },
  { figure: 'dashboard self CPU without StatsD traffic', unit: '%', zoomtop: 'dashboard.cpu.zoomtop-idle', peer: { name: 'btop', key: 'dashboard.cpu.btop' }, target: 'reported', digits: 2 },
  { figure: 'dashboard CPU incl. reaped children', unit: '%', zoomtop: 'dashboard.cpuWithChildren.zoomtop', peer: { name: 'gtop', key: 'dashboard.cpuWithChildren.gtop' }, target: 'reported', digits: 2 },
  { figure: 'dashboard RSS', unit: 'MB', zoomtop: 'dashboard.rssMB.zoomtop', peer: { name: 'gtop', key: 'dashboard.rssMB.gtop' }, target: '<= 70 MB', met: (z) => z.median <= 70, digits: 1 },
  { figure: 'dashboard RSS', unit: 'MB', zoomtop: 'dashboard.rssMB.zoomtop', peer: { name: 'btop', key: 'dashboard.rssMB.btop' }, target: 'reported', digits: 1 },
  { figure: 'bytes written to the terminal', unit: 'B/s', zoomtop: 'dashboard.bytesPerSec.zoomtop', peer: { name: 'gtop', key: 'dashboard.bytesPerSec.gtop' }, target: "<= 1/3 of gtop's", needsPeer: true, met: (z, p) => p !== null && z.median <= p.median / 3, digits: 0 },
  { figure: 'bytes written to the terminal', unit: 'B/s', zoomtop: 'dashboard.bytesPerSec.zoomtop', peer: { name: 'btop', key: 'dashboard.bytesPerSec.btop' }, target: 'reported', digits: 0 },
  { figure: 'start to first paint', unit: 'ms', zoomtop: 'start.firstPaint.zoomtop', peer: { name: 'gtop', key: 'start.firstPaint.gtop' }, target: 'reported', digits: 0 },
  { figure: 'start to first paint', unit: 'ms', zoomtop: 'start.firstPaint.zoomtop', peer: { name: 'btop', key: 'start.firstPaint.btop' }, target: 'reported', digits: 0 },
  { figure: 'first paint (= first sample) to full frame', unit: 'ms', zoomtop: 'start.fullAfterFirst.zoomtop', target: '<= 500 ms', met: (z) => z.median <= 500, digits: 0 },
  { figure: 'sampler CPU per tick, all sources', unit: 'us', zoomtop: 'sampler.tickCpuUs', target: 'reported', digits: 0, suffix: (f) => `; most: ${f['sampler.top']?.note ?? '?'}` },
  { figure: 'soak: RSS growth, 1000 series', unit: 'MB', zoomtop: 'soak.rssGrowthMB', target: '< 5 MB', met: (z) => z.median < 5, digits: 2 },
  { figure: 'soak: heap + external growth, 1000 series', unit: 'MB', zoomtop: 'soak.heapGrowthMB', target: 'reported', digits: 2 },
  { figure: 'soak: open fds growth', unit: 'fds', zoomtop: 'soak.fdGrowth', target: 'flat (0)', met: (z) => z.max === 0, digits: 0 },
];

export type Cell = { figure: string; zoomtop: string; peer: string; ratio: string; target: string; met: string };

function show(s: Summary | null, spec: RowSpec, note?: string): string {
  if (!s) return note ? `skipped (${note})` : '-';
  const f = (v: number): string => v.toFixed(spec.digits ?? 1);
  return s.n > 1 ? `${f(s.median)} [${f(s.min)}-${f(s.max)}]` : f(s.median);
}

/** The bench that measures a figure key ("ns.record" comes from the record bench, "start.*" from the dashboards). */
export function benchOf(key: string): string {
  const prefix = key.split('.')[0] ?? '';
  return ({ ns: 'record', alloc: 'record', start: 'dashboard' } as Record<string, string>)[prefix] ?? prefix;
}

/** The table's rows, only those whose bench ran when `ran` is given (so `--only` prints no rows of the others). */
export function buildCells(figures: Figures, ran?: readonly string[]): Cell[] {
  return ROWS.filter((spec) => !ran || ran.includes(benchOf(spec.zoomtop))).map((spec) => {
    // Targets are written in display units, so values are scaled before anything is judged.
    const scaled = (m: Measurement | undefined): number[] => (m?.values ?? []).map((v) => v * (spec.scale ?? 1));
    const zm = figures[spec.zoomtop];
    const pm = spec.peer ? figures[spec.peer.key] : undefined;
    const z = summarize(scaled(zm));
    const p = pm ? summarize(scaled(pm)) : null;
    const met = !z || (spec.needsPeer && !p) ? 'n/a' : spec.met ? (spec.met(z, p, scaled(zm)) ? 'met' : 'MISSED') : '-';
    const ratio = z && p && p.median !== 0 ? (z.median / p.median).toFixed(2) : '-';
    const peerText = spec.peer ? `${spec.peer.name}: ${show(p, spec, pm?.note ?? 'not run')}` : '-';
    return {
      figure: `${spec.figure} (${spec.unit})${spec.suffix ? spec.suffix(figures) : ''}`,
      zoomtop: show(z, spec, zm?.note ?? 'not run'),
      peer: peerText,
      ratio,
      target: spec.target,
      met,
    };
  });
}

const HEADERS: Cell = { figure: 'figure', zoomtop: 'zoomtop median [min-max]', peer: 'peer median [min-max]', ratio: 'ratio', target: 'target', met: 'met' };
const COLUMNS = Object.keys(HEADERS) as (keyof Cell)[];

export function formatText(cells: Cell[]): string {
  const widths = COLUMNS.map((c) => Math.max(HEADERS[c].length, ...cells.map((cell) => cell[c].length)));
  const line = (cell: Cell): string => COLUMNS.map((c, i) => cell[c].padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function formatMarkdown(cells: Cell[]): string {
  const line = (cell: Cell): string => `| ${COLUMNS.map((c) => cell[c].replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEADERS), `|${COLUMNS.map(() => '---').join('|')}|`, ...cells.map(line)].join('\n');
}
