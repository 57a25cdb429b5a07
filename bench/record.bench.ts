// Benchmark: ns per record() call beside perf_hooks' and prom-client's histograms, percentile query cost, bytes allocated per call.
// Run `node dist/bench/record.bench.js` for a readable table, or through `npm run bench` (adds --json).
import { createHistogram, PerformanceObserver } from 'node:perf_hooks';
import { OperationRegistry } from '../src/timing/operation-registry.js';
import { parseDatagram } from '../src/statsd/parse.js';
import { emit, numberSetting, summarize, wantsJson, type Measurement } from './lib/result.js';
import { findPeers } from './lib/peers.js';

const CALLS = 1_000_000;
const WARMUP_CALLS = 200_000;
const QUERY_CALLS = 20_000;
const ROUNDS = numberSetting('rounds', 'ZOOMTOP_BENCH_ROUNDS', 7);

/** Durations cycled through so the bucket index varies as it would in an app. */
const DURATIONS_MS = Float64Array.from({ length: 1024 }, (_, i) => 0.05 + ((i * 7919) % 5000) * 0.0173);

/**
 * One timed case. `run(n)` holds its own loop, so each call site stays monomorphic and can be
 * inlined as in an app (a shared loop calling `body(i)` would add an indirect call to every case).
 */
type Case = { key: string; label: string; calls: number; run: (n: number) => void; unitsPerCall?: number; note?: string };

/** Results of the query and parse cases go here, so their work is observable and never optimized away. */
let sink = 0;

function buildCases(): { cases: Case[]; notes: string[] } {
  const notes: string[] = [];
  const registry = new OperationRegistry({ startMs: 0 });
  const handle = registry.series('camera', 'capture');
  const names = Array.from({ length: 50 }, (_, i) => [`component${i % 5}`, `operation${i}`] as const);
  const nodeHistogram = createHistogram();
  const datagram = Array.from({ length: 20 }, (_, i) => `zoomcam.camera.capture:${DURATIONS_MS[i]!.toFixed(3)}|ms|#camera:cam${i % 4}`).join('\n');

  // The query cases read a series filled like a busy minute: 100k calls spread over the buckets.
  const queried = new OperationRegistry({ startMs: 0 });
  const queriedHistogram = createHistogram();
  for (let i = 0; i < 100_000; i++) {
    queried.record('camera', 'capture', DURATIONS_MS[i & 1023]!);
    queriedHistogram.record(Math.round(DURATIONS_MS[i & 1023]! * 1000) + 1);
  }
  const series = queried.resolve('camera', 'capture')!;

  const cases: Case[] = [
    {
      key: 'baseline',
      label: 'loop + duration lookup (baseline)',
      calls: CALLS,
      run: (n) => {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += DURATIONS_MS[i & 1023]!;
        sink += sum;
      },
    },
    { key: 'record', label: 'registry.record() one series', calls: CALLS, run: (n) => { for (let i = 0; i < n; i++) registry.record('camera', 'capture', DURATIONS_MS[i & 1023]!); } },
    {
      key: 'record50',
      label: 'registry.record() 50 series',
      calls: CALLS,
      run: (n) => {
        for (let i = 0; i < n; i++) {
          const pair = names[i % 50]!;
          registry.record(pair[0], pair[1], DURATIONS_MS[i & 1023]!);
        }
      },
    },
    { key: 'handle', label: 'series handle .record()', calls: CALLS, run: (n) => { for (let i = 0; i < n; i++) handle.record(DURATIONS_MS[i & 1023]!); } },
    { key: 'recordForCamera', label: 'registry.recordForCamera()', calls: CALLS, run: (n) => { for (let i = 0; i < n; i++) registry.recordForCamera('camera', 'capture', i & 1 ? 'cam1' : 'cam2', DURATIONS_MS[i & 1023]!); } },
    { key: 'perfHooks', label: 'perf_hooks histogram.record()', calls: CALLS, note: 'integer us', run: (n) => { for (let i = 0; i < n; i++) nodeHistogram.record(Math.round(DURATIONS_MS[i & 1023]! * 1000) + 1); } },
    { key: 'startTimer', label: 'startTimer() + end()', calls: CALLS / 4, run: (n) => { for (let i = 0; i < n; i++) registry.startTimer('camera', 'timer')(); } },
    { key: 'parse', label: 'parseDatagram() per line', calls: CALLS / 80, unitsPerCall: 20, note: '20-line datagrams, tagged', run: (n) => { for (let i = 0; i < n; i++) sink += parseDatagram(datagram).metrics.length; } },
    { key: 'query', label: 'series.summarize() (p50+p95+p99)', calls: QUERY_CALLS, run: (n) => { for (let i = 0; i < n; i++) sink += series.summarize().p99Ms ?? 0; } },
    { key: 'queryStats', label: 'registry.stats() of one series', calls: QUERY_CALLS, run: (n) => { for (let i = 0; i < n; i++) sink += queried.stats(1000).length; } },
    {
      key: 'queryPerfHooks',
      label: 'perf_hooks percentile(50/95/99)',
      calls: QUERY_CALLS / 4,
      run: (n) => { for (let i = 0; i < n; i++) sink += queriedHistogram.percentile(50) + queriedHistogram.percentile(95) + queriedHistogram.percentile(99); },
    },
  ];

  const { promClient } = findPeers();
  if (promClient) {
    const histogram = new promClient.Histogram({ name: 'op_ms', help: 'operation duration', labelNames: ['component', 'operation'], registers: [] });
    const child = histogram.labels('camera', 'capture');
    cases.push(
      { key: 'promObserve', label: 'prom-client observe({labels}, v)', calls: CALLS / 4, run: (n) => { for (let i = 0; i < n; i++) histogram.observe({ component: 'camera', operation: 'capture' }, DURATIONS_MS[i & 1023]!); } },
      { key: 'promChild', label: 'prom-client labels(..).observe(v)', calls: CALLS / 4, note: 'pre-bound child', run: (n) => { for (let i = 0; i < n; i++) child.observe(DURATIONS_MS[i & 1023]!); } },
    );
  } else {
    notes.push('prom-client not installed in bench/node_modules: its rows are skipped (npm run bench installs it)');
  }
  return { cases, notes };
}

function timeOnce(c: Case): number {
  const started = process.hrtime.bigint();
  c.run(c.calls);
  return Number(process.hrtime.bigint() - started) / (c.calls * (c.unitsPerCall ?? 1));
}

/**
 * Bytes allocated per call: the heap's growth over 1e6 calls, valid only when no GC ran in between
 * (a GC would hide what was allocated). NaN with a note when one did.
 */
async function bytesPerCall(c: Case): Promise<{ bytes: number; gcs: number }> {
  let gcs = 0;
  const observer = new PerformanceObserver((list) => void (gcs += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  await new Promise((resolve) => setTimeout(resolve, 20));
  gcs = 0;
  const before = process.memoryUsage().heapUsed;
  c.run(CALLS);
  const after = process.memoryUsage().heapUsed;
  await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries arrive asynchronously
  observer.disconnect();
  return { bytes: gcs === 0 ? (after - before) / CALLS : NaN, gcs };
}

async function main(): Promise<void> {
  const { cases, notes } = buildCases();
  for (const c of cases) c.run(Math.min(WARMUP_CALLS, c.calls));
  const rounds = new Map<string, number[]>(cases.map((c) => [c.key, []]));
  // Rounds interleave the cases, so a burst of noise from other processes hits all of them alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) rounds.get(c.key)!.push(timeOnce(c));
  }
  const figures: Record<string, Measurement> = {};
  for (const c of cases) figures[`ns.${c.key}`] = { values: rounds.get(c.key)! };
  for (const key of ['record', 'handle', 'promObserve']) {
    const c = cases.find((x) => x.key === key);
    if (!c) continue;
    const { bytes, gcs } = await bytesPerCall(c);
    figures[`alloc.${key}`] = gcs === 0 ? { values: [bytes] } : { values: [], note: `${gcs} GCs during ${CALLS} calls: allocates` };
  }
  if (!figures['ns.promObserve']) {
    figures['ns.promObserve'] = { values: [], note: 'prom-client not installed' };
    figures['ns.promChild'] = { values: [], note: 'prom-client not installed' };
  }
  if (wantsJson()) emit({ bench: 'record', figures, notes });
  else print(cases, figures, notes);
}

function print(cases: Case[], figures: Record<string, Measurement>, notes: string[]): void {
  const width = Math.max(...cases.map((c) => c.label.length));
  console.log(`${'figure'.padEnd(width)}  ns/call (median, min-max of ${ROUNDS} rounds)`);
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(40)}`);
  for (const c of cases) {
    const s = summarize(figures[`ns.${c.key}`]?.values ?? []);
    const text = s ? `${s.median.toFixed(1).padStart(8)}  (${s.min.toFixed(1)}-${s.max.toFixed(1)})` : '       -';
    console.log(`${c.label.padEnd(width)}  ${text}${c.note ? `  ${c.note}` : ''}`);
  }
  for (const [key, m] of Object.entries(figures).filter(([k]) => k.startsWith('alloc.'))) {
    console.log(`bytes allocated per call, ${key.slice(6)}: ${m.values.length ? m.values[0]!.toFixed(3) : m.note}`);
  }
  for (const note of notes) console.log(note);
  console.log(`\nup to ${CALLS} calls per round (queries ${QUERY_CALLS}), ${ROUNDS} rounds, after up to ${WARMUP_CALLS} warm-up calls; node ${process.version}`);
}

await main();
