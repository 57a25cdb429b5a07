// Benchmark: the real dashboards side by side in tmux at 120x40: CPU, RSS and terminal bytes/s of zoomtop, gtop and btop,
// and start-to-first-frame times. zoomtop gets a camera app's StatsD load (3 cameras x 3 operations x 30 fps) from a sender process.
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { findPeers, ROOT_DIR, ZOOMTOP_CLI } from './lib/peers.js';
import { isAlive, readCpuTicks, readRssBytes, sleep, ticksPerSecond, waitForExit } from './lib/proc.js';
import { emit, numberSetting, summarize, wantsJson, type Measurement } from './lib/result.js';
import { openBenchTmux, shellQuote, tmuxAvailable, type BenchTmux } from './lib/tmux.js';

const SECONDS = numberSetting('seconds', 'ZOOMTOP_BENCH_DASHBOARD_S', 20);
const WARMUP_S = numberSetting('warmup', 'ZOOMTOP_BENCH_WARMUP_S', 5);
const SLICE_S = 5;
const START_ROUNDS = numberSetting('start-rounds', 'ZOOMTOP_BENCH_START_ROUNDS', 3);
const COLS = 120;
const ROWS = 40;
const SENDER = fileURLToPath(new URL('./statsd-sender.js', import.meta.url));
/** Where the last run's screens and terminal output are kept for a look. */
const OUT_DIR = join(ROOT_DIR, 'dist', 'bench', 'out');

type Tool = {
  name: 'zoomtop' | 'zoomtop-idle' | 'gtop' | 'btop';
  /** Only in the steady run (no start-time rounds). */
  steadyOnly?: boolean;
  command: string;
  /** When the screen shows every panel with a value; only zoomtop has one. */
  fullFrame?: (screen: string) => boolean;
};

type Reading = { atMs: number; ticks: number; childTicks: number; rssBytes: number; outputBytes: number };

/** A screen counts as painted once it holds this many visible characters (borders and titles do). */
const PAINTED_CHARS = 200;
const visibleChars = (screen: string): number => screen.replace(/\s/g, '').length;

/**
 * Every panel shows a figure: CPU and memory `now <number>`, the GPU check done, zoomtop's own CPU %
 * in the status line, operations listed. Not "no '…' anywhere": '…' also marks text cut to fit.
 */
const zoomtopFull = (screen: string): boolean =>
  !/now …|measuring…|checking for a GPU/.test(screen) && /now \d/.test(screen) && /zoomtop [\d.]+ %/.test(screen) && screen.includes('encoder.encode');

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function tools(home: string, port: number, notes: string[]): Tool[] {
  const env = (extra = ''): string =>
    `env HOME=${shellQuote(home)} XDG_DATA_HOME=${shellQuote(join(home, 'data'))} XDG_CONFIG_HOME=${shellQuote(join(home, 'config'))} LANG=C.UTF-8 TERM=tmux-256color ${extra}`;
  const node = shellQuote(process.execPath);
  const list: Tool[] = [
    { name: 'zoomtop', command: `${env()}${node} ${shellQuote(ZOOMTOP_CLI)} --statsd 127.0.0.1:${port} --interval 1s`, fullFrame: zoomtopFull },
    // The same dashboard with no StatsD traffic: splits zoomtop's cost into drawing and receiving.
    { name: 'zoomtop-idle', command: `${env()}${node} ${shellQuote(ZOOMTOP_CLI)} --no-statsd --interval 1s`, steadyOnly: true },
  ];
  const peers = findPeers();
  if (peers.gtopBin) list.push({ name: 'gtop', command: `${env()}${node} ${shellQuote(peers.gtopBin)}` });
  else notes.push('gtop not installed in bench/node_modules: skipped');
  if (peers.btopBin) {
    // btop redraws every 2 s by default; the comparison is at 1 s like the others.
    mkdirSync(join(home, 'config', 'btop'), { recursive: true });
    writeFileSync(join(home, 'config', 'btop', 'btop.conf'), 'update_ms = 1000\n');
    list.push({ name: 'btop', command: `${env()}${shellQuote(peers.btopBin)} --utf-force` });
  } else notes.push('btop not installed (apt-get install btop): skipped');
  return list;
}

function startLoad(port: number): ChildProcess {
  return spawn(process.execPath, [SENDER, '--port', String(port), '--mode', 'load', '--cameras', '3', '--operations', '3', '--fps', '30'], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Spawn-to-first-paint (and, for zoomtop, to the first full frame), one fresh start per round. */
async function measureStart(tmux: BenchTmux, tool: Tool, round: number, dir: string): Promise<{ firstPaintMs: number; fullMs: number }> {
  const session = `start-${tool.name}-${round}`;
  const { pid } = tmux.open(session, tool.command, join(dir, `${session}.out`), COLS, ROWS);
  const startedMs = performance.now();
  tmux.start(session);
  let firstPaintMs = NaN;
  let fullMs = NaN;
  while (performance.now() - startedMs < 10_000) {
    const screen = tmux.capture(session);
    const atMs = performance.now() - startedMs;
    if (Number.isNaN(firstPaintMs) && visibleChars(screen) >= PAINTED_CHARS) firstPaintMs = atMs;
    if (tool.fullFrame && tool.fullFrame(screen)) {
      fullMs = atMs;
      break;
    }
    if (!tool.fullFrame && !Number.isNaN(firstPaintMs)) break;
    // Each capture runs a tmux client: poll often enough for a useful resolution, not so often that it starves the tool.
    await sleep(20);
  }
  tmux.kill(session);
  // The next start must find zoomtop's StatsD port free again.
  await waitForExit(pid);
  return { firstPaintMs, fullMs };
}

function read(pid: number, outputFile: string): Reading | null {
  if (!isAlive(pid)) return null;
  const { self, children } = readCpuTicks(pid);
  return { atMs: performance.now(), ticks: self, childTicks: children, rssBytes: readRssBytes(pid), outputBytes: statSync(outputFile).size };
}

/** Per-slice CPU % of one core (self, and with reaped children), bytes/s, and RSS at every reading. */
function figuresOf(readings: Reading[]): { cpu: number[]; cpuWithChildren: number[]; bytesPerSec: number[]; rssMB: number[] } {
  const hz = ticksPerSecond();
  const out = { cpu: [] as number[], cpuWithChildren: [] as number[], bytesPerSec: [] as number[], rssMB: readings.map((r) => r.rssBytes / 1e6) };
  for (let i = SLICE_S; i < readings.length; i += SLICE_S) {
    const a = readings[i - SLICE_S]!;
    const b = readings[i]!;
    const seconds = (b.atMs - a.atMs) / 1000;
    out.cpu.push((100 * (b.ticks - a.ticks)) / hz / seconds);
    out.cpuWithChildren.push((100 * (b.ticks + b.childTicks - a.ticks - a.childTicks)) / hz / seconds);
    out.bytesPerSec.push((b.outputBytes - a.outputBytes) / seconds);
  }
  return out;
}

/** All tools at once, so background noise on the machine falls on each of them alike. */
async function measureSteady(tmux: BenchTmux, list: Tool[], dir: string, notes: string[]): Promise<Map<string, Reading[]>> {
  const running = list.map((tool) => {
    const outputFile = join(dir, `steady-${tool.name}.out`);
    return { tool, outputFile, ...tmux.open(`steady-${tool.name}`, tool.command, outputFile, COLS, ROWS) };
  });
  for (const r of running) tmux.start(`steady-${r.tool.name}`);
  await sleep(WARMUP_S * 1000);
  const readings = new Map<string, Reading[]>(list.map((t) => [t.name, []]));
  const readingCount = Math.floor(SECONDS / SLICE_S) * SLICE_S + 1;
  const startedMs = performance.now();
  for (let i = 0; i < readingCount; i++) {
    for (const r of running) {
      const reading = read(r.pid, r.outputFile);
      if (reading) readings.get(r.tool.name)!.push(reading);
    }
    // On a fixed 1 s grid, so a slow reading does not stretch the run.
    await sleep(Math.max(0, startedMs + (i + 1) * 1000 - performance.now()));
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const r of running) {
    const screen = tmux.capture(`steady-${r.tool.name}`);
    writeFileSync(join(OUT_DIR, `${r.tool.name}-screen.txt`), screen);
    if (readings.get(r.tool.name)!.length < readingCount) notes.push(`${r.tool.name} exited during the run; its figures cover less time`);
    if (r.tool.name === 'zoomtop' && !screen.includes('encoder.encode')) notes.push('zoomtop showed no StatsD operations at the end: the load did not arrive');
    tmux.kill(`steady-${r.tool.name}`);
  }
  for (const r of running) await waitForExit(r.pid);
  cpSync(dir, join(OUT_DIR, 'terminal-output'), { recursive: true });
  return readings;
}

async function main(): Promise<void> {
  const figures: Record<string, Measurement> = {};
  const notes: string[] = [];
  if (!tmuxAvailable()) {
    emit({ bench: 'dashboard', figures, notes: ['tmux is not installed (apt-get install tmux): the dashboard figures are skipped'] });
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'zoomtop-bench-'));
  const dir = join(home, 'out');
  mkdirSync(dir);
  const port = await freeUdpPort();
  const list = tools(home, port, notes);
  const load = startLoad(port);
  const tmux = openBenchTmux();
  // The tools live in tmux, outside this process group: an interrupted bench must not leave them running.
  const abort = (): void => {
    tmux.close();
    load.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    for (const tool of list.filter((t) => !t.steadyOnly)) {
      const starts = [];
      for (let round = 0; round < START_ROUNDS; round++) starts.push(await measureStart(tmux, tool, round, dir));
      figures[`start.firstPaint.${tool.name}`] = { values: starts.map((s) => s.firstPaintMs) };
      if (tool.fullFrame) {
        figures[`start.full.${tool.name}`] = { values: starts.map((s) => s.fullMs) };
        figures[`start.fullAfterFirst.${tool.name}`] = { values: starts.map((s) => s.fullMs - s.firstPaintMs) };
      }
    }
    const readings = await measureSteady(tmux, list, dir, notes);
    for (const tool of list) {
      const f = figuresOf(readings.get(tool.name)!);
      figures[`dashboard.cpu.${tool.name}`] = { values: f.cpu };
      figures[`dashboard.cpuWithChildren.${tool.name}`] = { values: f.cpuWithChildren };
      figures[`dashboard.rssMB.${tool.name}`] = { values: f.rssMB };
      figures[`dashboard.bytesPerSec.${tool.name}`] = { values: f.bytesPerSec };
    }
  } finally {
    tmux.close();
    load.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  }
  for (const name of ['gtop', 'btop']) {
    if (!list.some((t) => t.name === name)) for (const key of ['cpu', 'cpuWithChildren', 'rssMB', 'bytesPerSec']) figures[`dashboard.${key}.${name}`] = { values: [], note: `${name} not installed` };
  }
  notes.push(
    `dashboard: ${list.map((t) => t.name).join(', ')} together in tmux ${COLS}x${ROWS} at a 1 s interval, ${WARMUP_S} s warm-up then ${SECONDS} s; ` +
      `CPU per ${SLICE_S} s slice from /proc/<pid>/stat, RSS each second from /proc/<pid>/status, bytes from tmux pipe-pane; ` +
      `start times over ${START_ROUNDS} fresh starts each; screens in dist/bench/out/`,
  );
  if (wantsJson()) emit({ bench: 'dashboard', figures, notes });
  else for (const [key, m] of Object.entries(figures)) console.log(`${key.padEnd(36)} ${format(m)}`);
}

function format(m: Measurement): string {
  const s = summarize(m.values);
  return s ? `${s.median.toFixed(2)} (${s.min.toFixed(2)}-${s.max.toFixed(2)}, n=${s.n})` : (m.note ?? '-');
}

await main();
