// zoomtop without a screen: the profiler's snapshots written as NDJSON or Influx lines, or a final JSON/YAML summary.
import { closeSync, openSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Clock, TimerHandle } from '../app/clock.js';
import type { Profiler } from '../profiler/profiler.js';
import { formatInflux } from './influx.js';
import { createNdjsonWriter } from './ndjson.js';

export const HEADLESS_FORMATS = ['ndjson', 'json', 'yaml', 'influx'] as const;
export type HeadlessFormat = (typeof HEADLESS_FORMATS)[number];

/** Where text goes; process.stdout fits. */
export type TextSink = { write(text: string): unknown };

export type HeadlessOptions = {
  /** Sampled for the run: started here (every intervalMs) unless already running, and then stopped here too. */
  profiler: Pick<Profiler, 'on' | 'current' | 'start' | 'stop' | 'running' | 'exportMetrics' | 'registry' | 'clock'>;
  /** ndjson and influx write a line (or points) per snapshot; json and yaml write one summary at the end. */
  format: HeadlessFormat;
  /** Stop after this long, ms; omitted or null: run until stop(). */
  durationMs?: number | null;
  /** A sink, or a file path (appended for ndjson/influx, replaced for json/yaml). @default process.stdout */
  output?: TextSink | string;
  /** Schedules the end of the run. @default the profiler's clock */
  clock?: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  /** Sampling interval when the profiler is started here, ms. @default 1000 */
  intervalMs?: number;
  /** Host name in NDJSON lines and the Influx host tag. @default os.hostname() */
  host?: string;
  /**
   * Holds the process open until the run ends: the sampler's timers are unref'd (they never keep a dashboard
   * alive), so without StatsD or Prometheus sockets nothing else would. @default true
   */
  keepAlive?: boolean;
  /** Opens the --output file. @default fs.openSync, writeSync and closeSync */
  fs?: { open(file: string, flags: 'a' | 'w'): number; write(fd: number, text: string): unknown; close(fd: number): void };
};

export type HeadlessRun = {
  /** Resolves once the run has ended and everything is written; rejects with a one-line error when a write failed. */
  done: Promise<void>;
  /** Ends the run now (the summary formats write their summary); idempotent. */
  stop(): void;
};

const nodeFs: NonNullable<HeadlessOptions['fs']> = { open: (file, flags) => openSync(file, flags), write: (fd, text) => writeSync(fd, text), close: closeSync };

export function runHeadless(options: HeadlessOptions): HeadlessRun {
  const { profiler, format, durationMs = null } = options;
  if (!HEADLESS_FORMATS.includes(format)) {
    throw new Error(`--format ${JSON.stringify(format)} is not supported; use one of ${HEADLESS_FORMATS.join(', ')}`);
  }
  if (durationMs !== null && !(durationMs > 0 && durationMs < Infinity)) {
    throw new Error(`--duration ${durationMs} ms is not a positive duration; write it like 60s or 10m, or leave it out to run until interrupted`);
  }
  const clock = options.clock ?? profiler.clock;
  const host = options.host ?? hostname();
  const out = openSink(options.output ?? process.stdout, format, options.fs ?? nodeFs);
  const startedHere = !profiler.running;
  try {
    // Before subscribing: the first snapshot comes a timer turn after start(), so none is missed.
    if (startedHere) profiler.start({ intervalMs: options.intervalMs ?? 1000 });
  } catch (error) {
    out.close();
    throw error;
  }
  const writeFrame = frameWriter(profiler, format, out.sink, host);
  let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => {}, reject: () => {} };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let timer: TimerHandle | null = null;
  // A real, ref'd timer whatever the clock: it only holds the event loop open, it times nothing.
  const holder = options.keepAlive === false ? null : setInterval(() => {}, 2 ** 30);
  let stopped = false;
  const finish = (failure: Error | null): void => {
    if (stopped) return;
    stopped = true;
    if (timer !== null) clock.clearTimeout(timer);
    if (holder !== null) clearInterval(holder);
    unsubscribe();
    if (startedHere) profiler.stop();
    try {
      if (failure === null && (format === 'json' || format === 'yaml')) out.sink.write(profiler.exportMetrics(format));
    } catch (error) {
      failure = outputError(error);
    }
    out.close();
    if (failure === null) settle.resolve();
    else settle.reject(failure);
  };
  const unsubscribe = profiler.on('snapshot', () => {
    try {
      writeFrame();
    } catch (error) {
      // A full disk or a reader that went away (EPIPE) ends the run; done rejects with the reason.
      finish(outputError(error));
    }
  });
  if (durationMs !== null) timer = clock.setTimeout(() => finish(null), durationMs);
  return { done, stop: () => finish(null) };
}

/** Writes the profiler's latest frame as the format asks; json and yaml write nothing until the end. */
function frameWriter(profiler: HeadlessOptions['profiler'], format: HeadlessFormat, sink: TextSink, host: string): () => void {
  const ndjson = createNdjsonWriter(sink, { host });
  return () => {
    const view = profiler.current();
    if (!view || format === 'json' || format === 'yaml') return;
    const cameraStats = profiler.registry.cameraStats(view.snapshot.atMs);
    if (format === 'ndjson') ndjson.write({ snapshot: view.snapshot, outcome: view.rules, cameraStats });
    else sink.write(formatInflux(view.snapshot, { host, cameraStats }));
  };
}

function outputError(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.message ?? String(error);
  return new Error(`headless output failed (${code}); the run stopped. Check the --output file's disk, or the program reading stdout`);
}

function openSink(output: TextSink | string, format: HeadlessFormat, fs: NonNullable<HeadlessOptions['fs']>): { sink: TextSink; close(): void } {
  if (typeof output !== 'string') return { sink: output, close: () => {} };
  let fd: number;
  try {
    fd = fs.open(output, format === 'json' || format === 'yaml' ? 'w' : 'a');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`--output ${JSON.stringify(output)} cannot be opened (${code}); give a file in an existing, writable directory`);
  }
  // Synchronous writes: a line is in the file (the OS's cache) as soon as it is written, even if zoomtop dies next.
  return { sink: { write: (text: string) => fs.write(fd, text) }, close: () => fs.close(fd) };
}
