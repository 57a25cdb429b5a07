// Benchmark: StatsD ingest through the real listener and parser, fed by a separate sender process over loopback.
// Receives here with src/statsd/server.ts + ingest.ts; counts lines/s received and the share lost.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { StatsdIngest } from '../src/statsd/ingest.js';
import { startStatsdServer } from '../src/statsd/server.js';
import { OperationRegistry } from '../src/timing/operation-registry.js';
import { emit, numberSetting, summarize, wantsJson, type Measurement } from './lib/result.js';

const SENDER = fileURLToPath(new URL('./statsd-sender.js', import.meta.url));
const ROUNDS = numberSetting('rounds', 'ZOOMTOP_BENCH_STATSD_ROUNDS', 3);
const SECONDS = numberSetting('seconds', 'ZOOMTOP_BENCH_STATSD_SECONDS', 1.5);
const PACED_RATE = numberSetting('rate', 'ZOOMTOP_BENCH_STATSD_RATE', 100_000);
const BATCH_LINES = 20;
/** Seconds each receiver is measured under the camera load (after a 1 s warm-up). */
const LOAD_SECONDS = numberSetting('load-seconds', 'ZOOMTOP_BENCH_STATSD_LOAD_SECONDS', 5);

type Scenario = { key: string; args: string[]; linesPerDatagram: number };
type Outcome = { receivedLinesPerSec: number; sentLinesPerSec: number; lossPercent: number; rejected: number; sentDatagramsPerSec: number };
type Sent = { datagrams: number; lines: number; seconds: number };

function runSender(port: number, args: string[]): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SENDER, '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`statsd sender exited with ${code}: ${out.trim()}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Sent);
    });
  });
}

/** One fresh receiver per run, so a backlog from the last run never counts for this one. */
async function runOnce(scenario: Scenario): Promise<Outcome> {
  const registry = new OperationRegistry({ windowMs: 60_000, startMs: Date.now() });
  const ingest = new StatsdIngest({ registry });
  let firstMs = 0;
  let lastMs = 0;
  const server = await startStatsdServer({
    host: '127.0.0.1',
    port: 0,
    onDatagram: (datagram) => {
      const nowMs = performance.now();
      if (firstMs === 0) firstMs = nowMs;
      lastMs = nowMs;
      // Date.now() per datagram, as the dashboard stamps them.
      ingest.ingest(datagram, Date.now());
    },
  });
  try {
    const sent = await runSender(server.address.port, scenario.args);
    // Drain what is still queued in the socket buffer: done once nothing arrived for 200 ms.
    while (performance.now() - lastMs < 200) await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = ingest.counts.lines;
    const seconds = Math.max(1e-6, (lastMs - firstMs) / 1000);
    return {
      receivedLinesPerSec: lines / seconds,
      sentLinesPerSec: sent.lines / sent.seconds,
      sentDatagramsPerSec: sent.datagrams / sent.seconds,
      lossPercent: (100 * (sent.lines - lines)) / sent.lines,
      rejected: ingest.counts.rejected,
    };
  } finally {
    await server.close();
  }
}

/**
 * CPU of this process, % of one core, while a sender plays the dashboard bench's camera app
 * (3 cameras x 3 operations x 30 fps, one line per datagram, about 270 a second). 'zoomtop' receives
 * with the real server and ingest; 'dgram' is a bare Node socket whose handler does nothing: the
 * floor any Node receiver pays for each datagram (a wakeup, a recvmsg, a callback into JavaScript).
 */
async function receiveCpuPercent(receiver: 'zoomtop' | 'dgram'): Promise<number> {
  let port: number;
  let close: () => Promise<void>;
  if (receiver === 'zoomtop') {
    const ingest = new StatsdIngest({ registry: new OperationRegistry({ windowMs: 60_000, startMs: Date.now() }) });
    const server = await startStatsdServer({ host: '127.0.0.1', port: 0, onDatagram: (datagram) => ingest.ingest(datagram, Date.now()) });
    port = server.address.port;
    close = () => server.close();
  } else {
    const socket = dgram.createSocket('udp4');
    socket.on('message', () => {});
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    port = socket.address().port;
    close = () => new Promise<void>((resolve) => socket.close(() => resolve()));
  }
  const sender = spawn(process.execPath, [SENDER, '--port', String(port), '--mode', 'load', '--cameras', '3', '--operations', '3', '--fps', '30'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = process.cpuUsage();
    const startedMs = performance.now();
    await new Promise((resolve) => setTimeout(resolve, LOAD_SECONDS * 1000));
    const used = process.cpuUsage(before);
    return ((used.user + used.system) / 1000 / (performance.now() - startedMs)) * 100;
  } finally {
    sender.kill('SIGTERM');
    await close();
  }
}

async function main(): Promise<void> {
  const seconds = String(SECONDS);
  const scenarios: Scenario[] = [
    { key: 'batched', args: ['--mode', 'blast', '--lines', String(BATCH_LINES), '--seconds', seconds], linesPerDatagram: BATCH_LINES },
    { key: 'single', args: ['--mode', 'blast', '--lines', '1', '--seconds', seconds], linesPerDatagram: 1 },
    { key: 'paced', args: ['--mode', 'paced', '--lines', '1', '--seconds', seconds, '--rate', String(PACED_RATE)], linesPerDatagram: 1 },
  ];
  const outcomes = new Map<string, Outcome[]>(scenarios.map((s) => [s.key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of scenarios) outcomes.get(scenario.key)!.push(await runOnce(scenario));
  }
  const receiveCpu = { zoomtop: [] as number[], dgram: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    receiveCpu.zoomtop.push(await receiveCpuPercent('zoomtop'));
    receiveCpu.dgram.push(await receiveCpuPercent('dgram'));
  }
  const figures: Record<string, Measurement> = {
    'statsd.receiveCpu.zoomtop': { values: receiveCpu.zoomtop },
    'statsd.receiveCpu.dgram': { values: receiveCpu.dgram },
  };
  const notes: string[] = [];
  for (const scenario of scenarios) {
    const runs = outcomes.get(scenario.key)!;
    figures[`statsd.${scenario.key}.received`] = { values: runs.map((o) => o.receivedLinesPerSec) };
    figures[`statsd.${scenario.key}.sent`] = { values: runs.map((o) => o.sentLinesPerSec) };
    figures[`statsd.${scenario.key}.loss`] = { values: runs.map((o) => o.lossPercent) };
    figures[`statsd.${scenario.key}.sentDatagrams`] = { values: runs.map((o) => o.sentDatagramsPerSec) };
    const rejected = runs.reduce((sum, o) => sum + o.rejected, 0);
    if (rejected > 0) notes.push(`statsd ${scenario.key}: ${rejected} lines rejected by the parser (a bench bug)`);
  }
  notes.push(
    `statsd: sender and receiver are separate node processes on loopback; batched = ${BATCH_LINES} tagged timer lines per datagram; ` +
      `blast runs ${SECONDS} s, paced sends ${PACED_RATE} single-line datagrams/s for ${SECONDS} s; ` +
      `receive CPU: ${LOAD_SECONDS} s of the dashboard bench's camera load (about 270 single-line datagrams/s) per receiver and round`,
  );
  if (wantsJson()) {
    emit({ bench: 'statsd', figures, notes });
    return;
  }
  for (const [key, m] of Object.entries(figures)) {
    const s = summarize(m.values);
    console.log(`${key.padEnd(32)} ${s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}-${s.max.toFixed(1)})` : m.note}`);
  }
  for (const note of notes) console.log(note);
}

await main();
