// Benchmark: ns per call of the timing hot path beside Node's own histogram; run `node dist/bench/record.bench.js`.
import { createHistogram } from 'node:perf_hooks';
import { OperationRegistry } from '../src/timing/operation-registry.js';
import { parseDatagram } from '../src/statsd/parse.js';

const CALLS = 1_000_000;
const WARMUP_CALLS = 200_000;

/** Durations cycled through so the bucket index varies as it would in an app. */
const DURATIONS_MS = Array.from({ length: 1024 }, (_, i) => 0.05 + ((i * 7919) % 5000) * 0.0173);

type Row = { figure: string; nsPerCall: number; calls: number; note?: string };

function measure(figure: string, calls: number, body: (i: number) => void, note?: string): Row {
  for (let i = 0; i < WARMUP_CALLS; i++) body(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) body(i);
  const elapsedNs = Number(process.hrtime.bigint() - started);
  return { figure, nsPerCall: elapsedNs / calls, calls, note };
}

function duration(i: number): number {
  return DURATIONS_MS[i & 1023] ?? 1;
}

function main(): void {
  const rows: Row[] = [];

  const registry = new OperationRegistry({ startMs: 0 });
  rows.push(measure('registry.record() one series', CALLS, (i) => registry.record('camera', 'capture', duration(i))));

  const names = Array.from({ length: 50 }, (_, i) => [`component${i % 5}`, `operation${i}`] as const);
  rows.push(
    measure('registry.record() 50 series', CALLS, (i) => {
      const [component, operation] = names[i % 50] ?? ['c', 'o'];
      registry.record(component, operation, duration(i));
    }),
  );

  const handle = registry.series('camera', 'capture');
  rows.push(measure('series handle .record()', CALLS, (i) => handle.record(duration(i))));

  rows.push(
    measure('registry.recordForCamera()', CALLS, (i) =>
      registry.recordForCamera('camera', 'capture', i & 1 ? 'cam1' : 'cam2', duration(i)),
    ),
  );

  const nodeHistogram = createHistogram();
  rows.push(
    measure('perf_hooks histogram.record()', CALLS, (i) => nodeHistogram.record(Math.round(duration(i) * 1000) + 1), 'integer us'),
  );

  const end = registry.startTimer.bind(registry);
  rows.push(measure('startTimer() + end()', CALLS / 4, () => end('camera', 'timer')()));

  const datagram = Array.from({ length: 20 }, (_, i) => `zoomcam.camera.capture:${duration(i)}|ms|#camera:cam${i % 4}`).join('\n');
  const parsed = measure('parseDatagram() per line', CALLS / 20, () => parseDatagram(datagram), '20-line datagrams, tagged');
  rows.push({ ...parsed, nsPerCall: parsed.nsPerCall / 20, calls: parsed.calls * 20 });

  rows.push({ figure: 'prom-client histogram.observe()', nsPerCall: NaN, calls: 0, note: 'skipped: prom-client not installed' });
  print(rows);
}

function print(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.figure.length));
  console.log(`${'figure'.padEnd(width)}  ns/call      calls`);
  console.log(`${'-'.repeat(width)}  -------  ---------`);
  for (const row of rows) {
    const ns = Number.isNaN(row.nsPerCall) ? '      -' : row.nsPerCall.toFixed(1).padStart(7);
    const calls = row.calls === 0 ? '-' : String(row.calls);
    console.log(`${row.figure.padEnd(width)}  ${ns}  ${calls.padStart(9)}${row.note ? `  (${row.note})` : ''}`);
  }
  console.log(`\nafter ${WARMUP_CALLS} warm-up calls each; node ${process.version}`);
}

main();
