// Benchmark: memory per operation series (JS heap + array buffers) for 10k series, beside prom-client's labelled children.
// Needs --expose-gc: `node --expose-gc dist/bench/memory.bench.js` (npm run bench passes it).
import { OperationRegistry } from '../src/timing/operation-registry.js';
import { findPeers, type PromClient } from './lib/peers.js';
import { emit, numberSetting, summarize, wantsJson, type Measurement } from './lib/result.js';

const SERIES = numberSetting('series', 'ZOOMTOP_BENCH_SERIES', 10_000);
const ROUNDS = numberSetting('rounds', 'ZOOMTOP_BENCH_MEMORY_ROUNDS', 5);

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Heap plus `external`: a series keeps its histogram buckets in typed arrays whose backing stores
 * live outside the JS heap, so heapUsed alone would undercount them.
 */
function usedBytes(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Bytes per series of a structure `build` makes and keeps; the names are made inside, as an app would. */
function perSeries(build: (n: number) => unknown): number {
  const before = usedBytes();
  const kept = build(SERIES);
  const after = usedBytes();
  if (kept === null) throw new Error('unreachable: keeps `kept` alive until after the second reading');
  return (after - before) / SERIES;
}

function zoomtopSeries(n: number): OperationRegistry {
  const registry = new OperationRegistry({ maxSeries: n });
  for (let i = 0; i < n; i++) registry.record(`component${i % 100}`, `operation${i}`, 1 + (i % 50));
  return registry;
}

function promSeries(prom: PromClient, n: number): unknown {
  const histogram = new prom.Histogram({ name: 'op_ms', help: 'operation duration', labelNames: ['component', 'operation'], registers: [] });
  for (let i = 0; i < n; i++) histogram.labels(`component${i % 100}`, `operation${i}`).observe(1 + (i % 50));
  return histogram;
}

function main(): void {
  if (!gc) throw new Error('memory.bench needs --expose-gc: run node --expose-gc dist/bench/memory.bench.js');
  const { promClient } = findPeers();
  const zoomtop: number[] = [];
  const prom: number[] = [];
  // Round 0 warms up (code, string tables, hidden classes) and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    const z = perSeries(zoomtopSeries);
    const p = promClient ? perSeries((n) => promSeries(promClient, n)) : NaN;
    if (round === 0) continue;
    zoomtop.push(z);
    if (promClient) prom.push(p);
  }
  const figures: Record<string, Measurement> = {
    'memory.zoomtop': { values: zoomtop },
    'memory.prom': promClient ? { values: prom } : { values: [], note: 'prom-client not installed' },
  };
  const notes = [`memory per series: (heapUsed + external) after - before, after gc, ${SERIES} series with one call each, names included`];
  if (wantsJson()) {
    emit({ bench: 'memory', figures, notes });
    return;
  }
  for (const [key, m] of Object.entries(figures)) {
    const s = summarize(m.values);
    console.log(`${key}: ${s ? `${(s.median / 1024).toFixed(2)} KiB/series (${(s.min / 1024).toFixed(2)}-${(s.max / 1024).toFixed(2)})` : m.note}`);
  }
}

main();
