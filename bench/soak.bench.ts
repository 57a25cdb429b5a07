// Benchmark: a compressed soak. The dashboard's pipeline (Profiler: sampler -> store -> rules; actions; views; blessed) on a
// manual clock for hours of its time, 1000 StatsD series, alerts raised and cleared, actions applied and undone; RSS and fds must stay flat.
// Needs --expose-gc (npm run bench passes it). Wired the way src/app/run-dashboard.ts wires it, with scripted sources.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createActionController } from '../src/app/action-controller.js';
import { initialUiState, type Dialog } from '../src/app/ui-state.js';
import { Profiler } from '../src/profiler/profiler.js';
import type { Sample, Source } from '../src/sampler/types.js';
import { StatsdIngest } from '../src/statsd/ingest.js';
import { median } from '../src/timing/median.js';
import { OperationRegistry } from '../src/timing/operation-registry.js';
import { toDashboardModel, type ViewContext } from '../src/views/dashboard-model.js';
import { createBlessedUi } from '../widgets/blessed-ui.js';
import { loadTheme } from '../widgets/theme.js';
// The tests' manual clock: the soak runs hours of the dashboard's time in seconds.
import { FakeClock as ManualClock } from '../test/helpers/fake-clock.js';
import { NullTtyInput, NullTtyOutput } from './lib/null-tty.js';
import { ROOT_DIR } from './lib/peers.js';
import { countFds } from './lib/proc.js';
import { emit, numberSetting, wantsJson, type Measurement } from './lib/result.js';

const HOURS = numberSetting('hours', 'ZOOMTOP_BENCH_SOAK_HOURS', 1);
const SERIES = 1000;
const LINES_PER_DATAGRAM = 20;
const DATAGRAMS_PER_TICK = 30;
/** An action is applied (or the last one undone) at most this often, in the dashboard's time. */
const ACTION_EVERY_MS = 5 * 60_000;
const CHECKPOINTS = 10;
/**
 * The baseline is taken once the bounded buffers are full (1000 snapshots take 1000 s) and the code
 * is warm: 20 minutes in, or half way through a shorter run. Growth after it is what would go on.
 */
const BASELINE_TICK_MAX = 1200;

const gc = (globalThis as { gc?: () => void }).gc;

type Checkpoint = { hour: number; rssBytes: number; heapBytes: number; fds: number };

/** CPU at 97 % for one minute in two (alert, then suggestion, then action), memory at 96 % for 100 s in 300. */
function scriptedSources(clock: ManualClock): Source[] {
  const system: Source = {
    name: 'system',
    intervalMs: 1000,
    timeoutMs: 2000,
    read: async (): Promise<Sample[]> => {
      const s = Math.floor(clock.now() / 1000);
      const memoryPercent = s % 300 < 100 ? 96 : 50;
      return [{ kind: 'system', atMs: clock.now(), cpuPercent: s % 120 < 60 ? 97 : 40, memoryPercent, memoryUsedBytes: memoryPercent * 2 ** 24, memoryTotalBytes: 100 * 2 ** 24 }];
    },
  };
  const self: Source = {
    name: 'process',
    intervalMs: 1000,
    timeoutMs: 2000,
    read: async (): Promise<Sample[]> => [{ kind: 'process', atMs: clock.now(), role: 'self', pid: process.pid, cpuPercent: 1.5, rssBytes: process.memoryUsage().rss }],
  };
  return [system, self];
}

/** 1000 series as 50 datagrams of 20 tagged timer lines; each tick sends 30 of them, so every series moves every two ticks. */
function datagrams(): Buffer[] {
  const out: Buffer[] = [];
  for (let d = 0; d < SERIES / LINES_PER_DATAGRAM; d++) {
    const lines = Array.from({ length: LINES_PER_DATAGRAM }, (_, i) => {
      const n = d * LINES_PER_DATAGRAM + i;
      return `component${n % 100}.operation${Math.floor(n / 100)}:${(1 + (n % 37)).toFixed(1)}|ms`;
    });
    out.push(Buffer.from(lines.join('\n')));
  }
  return out;
}

async function checkpoint(hour: number): Promise<Checkpoint> {
  // After a full collection V8 gives pages back to the system in tasks of its own, which a loop that
  // never waits does not let run: RSS then says how much the last burst of frames happened to
  // commit. A pause with the loop idle, as the real dashboard is between its frames, lets them run.
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const m = process.memoryUsage();
  return { hour, rssBytes: m.rss, heapBytes: m.heapUsed + m.external, fds: countFds() };
}

async function main(): Promise<void> {
  if (!gc) throw new Error('soak.bench needs --expose-gc: run node --expose-gc dist/bench/soak.bench.js');
  const dir = mkdtempSync(join(tmpdir(), 'zoomtop-soak-'));
  const appConfigFile = join(dir, 'zoomcam.yaml');
  copyFileSync(join(ROOT_DIR, 'examples', 'zoomcam.yaml'), appConfigFile);
  const startedAtMs = Date.UTC(2026, 0, 1);
  const clock = new ManualClock(startedAtMs);
  const registry = new OperationRegistry({ windowMs: 60_000, startMs: startedAtMs });
  const ingest = new StatsdIngest({ registry });
  const context: ViewContext = { host: 'soak', intervalMs: 1000, statsdAddress: '127.0.0.1:8125', windowLabel: 'last 60 s', ellipsis: '…', gpuIntervalMs: 5000 };
  const profiler = new Profiler({
    clock,
    registry,
    statsdGauges: ingest.gauges,
    statsdStatus: () => ({ enabled: true, address: context.statsdAddress, lines: ingest.counts.lines, rejected: ingest.counts.rejected }),
    sources: () => scriptedSources(clock),
  });
  const counts = { alertsRaised: 0, applied: 0, undone: 0, frames: 0 };
  const actions = createActionController({
    appConfigFile,
    now: () => clock.now(),
    costByCamera: () => new Map(registry.cameraCosts(clock.now()).map((c) => [c.camera, c.totalMs])),
    onApplied: (summary) => profiler.rulesEngine.log.add({ ruleId: 'action-applied', level: 'info', message: `applied ${summary}`, value: 0, atMs: clock.now() }),
  });
  const output = new NullTtyOutput(120, 40);
  const ui = createBlessedUi({ input: new NullTtyInput(), output, term: 'xterm-256color', theme: loadTheme('default'), env: { LANG: 'C.UTF-8' } });

  profiler.on('alert', () => void counts.alertsRaised++);
  profiler.on('snapshot', (record) => {
    void actions.observe(record.atMs, { cpuPercent: record.cpuPercent, memoryPercent: record.memoryPercent });
    const { snapshot, rules } = profiler.current() ?? profiler.peek();
    ui.render(toDashboardModel(snapshot, rules, initialUiState, ui.size(), { ...context, cameraStats: registry.cameraStats(snapshot.atMs) }));
    counts.frames++;
  });

  let lastActionMs = startedAtMs;
  const act = async (): Promise<void> => {
    if (clock.now() - lastActionMs < ACTION_EVERY_MS) return;
    // Only the CPU suggestion's file edit: the memory one's reclaim step would signal real processes.
    const suggestion = profiler.rulesEngine.current().suggestions.find((s) => s.id === 'cpu-saturated');
    if (counts.applied === counts.undone && !suggestion) return;
    lastActionMs = clock.now();
    if (counts.applied > counts.undone) {
      const undone = await actions.undo();
      if (undone.kind === 'message' && undone.title === 'Undone') counts.undone++;
      return;
    }
    const dialog: Dialog = await actions.preview(suggestion);
    if (dialog.kind !== 'confirm') return;
    const result = await actions.apply(dialog, { trigger: 'auto' });
    if (result.kind === 'message' && result.title === 'Applied') counts.applied++;
  };

  const buffers = datagrams();
  const ticks = Math.round(HOURS * 3600);
  const checkpoints: Checkpoint[] = [];
  const baseTick = Math.min(Math.floor(ticks / 2), BASELINE_TICK_MAX);
  const step = Math.max(1, Math.floor((ticks - baseTick) / CHECKPOINTS));
  const wallStartedMs = performance.now();
  profiler.start({ intervalMs: 1000 });
  for (let tick = 1; tick <= ticks; tick++) {
    for (let d = 0; d < DATAGRAMS_PER_TICK; d++) ingest.ingest(buffers[(tick * DATAGRAMS_PER_TICK + d) % buffers.length]!, clock.now());
    clock.advance(1000);
    // Reads resolve as promises: let them settle before the next second (the snapshot follows one timer turn later).
    await new Promise((resolve) => setImmediate(resolve));
    await act();
    if (tick >= baseTick && (tick - baseTick) % step === 0) checkpoints.push(await checkpoint(tick / 3600));
  }
  const wallSeconds = (performance.now() - wallStartedMs) / 1000;
  profiler.stop();
  ui.destroy();
  rmSync(dir, { recursive: true, force: true });
  report(checkpoints, counts, { wallSeconds, terminalBytes: output.bytes, pendingTimers: clock.pendingCount(), series: registry.size });
}

function report(
  checkpoints: Checkpoint[],
  counts: { alertsRaised: number; applied: number; undone: number; frames: number },
  run: { wallSeconds: number; terminalBytes: number; pendingTimers: number; series: number },
): void {
  // The first checkpoint is the baseline (see BASELINE_TICK_MAX).
  const [base, ...rest] = checkpoints;
  const last = rest[rest.length - 1] ?? base!;
  const mb = (bytes: number): number => bytes / 1e6;
  // Growth compares the median of the last three checkpoints with that of the first three, so one
  // odd reading at either end does not decide it (read without the idle pause, RSS swung by 20-50 MB).
  const ends = (pick: (c: Checkpoint) => number): { first: number; last: number } => ({
    first: median(checkpoints.slice(0, 3).map(pick)) ?? 0,
    last: median(checkpoints.slice(-3).map(pick)) ?? 0,
  });
  const rss = ends((c) => c.rssBytes);
  const heap = ends((c) => c.heapBytes);
  const figures: Record<string, Measurement> = {
    'soak.rssGrowthMB': { values: [mb(rss.last - rss.first)] },
    'soak.rssGrowthRangeMB': { values: rest.map((c) => mb(c.rssBytes - rss.first)) },
    'soak.heapGrowthMB': { values: [mb(heap.last - heap.first)] },
    'soak.fdGrowth': { values: [last.fds - base!.fds] },
    'soak.fdRange': { values: rest.map((c) => c.fds - base!.fds) },
  };
  const notes = [
    `soak: ${HOURS} h of dashboard time at 1 s in ${run.wallSeconds.toFixed(0)} s (${((1000 * run.wallSeconds) / counts.frames).toFixed(1)} ms per frame), ${run.series} series, ${counts.frames} frames drawn by blessed into a null tty ` +
      `(${(run.terminalBytes / 2 ** 20).toFixed(1)} MiB), ${counts.alertsRaised} alerts raised, ${counts.applied} actions applied and ${counts.undone} undone; ` +
      `RSS and fds after gc at ${checkpoints.map((c) => `${c.hour.toFixed(2)} h ${mb(c.rssBytes).toFixed(1)} MB/${c.fds} fds`).join(', ')}; timers pending at the end: ${run.pendingTimers}`,
  ];
  if (wantsJson()) emit({ bench: 'soak', figures, notes });
  else {
    for (const [key, m] of Object.entries(figures)) console.log(`${key.padEnd(24)} ${m.values.map((v) => v.toFixed(2)).join(' ')}`);
    for (const note of notes) console.log(note);
  }
}

await main();
