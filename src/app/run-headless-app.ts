// zoomtop --headless: the dashboard's inputs, Profiler and rules with no TUI; figures go to stdout or --output.
import { join } from 'node:path';
import { dataDir } from '../config/data-dir.js';
import { DEFAULT_ZOOMTOP_CONFIG, type ZoomtopConfig } from '../config/zoomtop-config-defaults.js';
import { runHeadless, type TextSink } from '../export/headless.js';
import { createRecorder } from '../export/recorder.js';
import { systemClock, type Clock } from './clock.js';
import { createFileLogger } from './log-file.js';
import type { Options } from './options.js';
import { appConfigFor, nothingRunning, startMonitor, type Running } from './start-monitor.js';

export type HeadlessAppDeps = {
  settings?: ZoomtopConfig;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** Where figures go without --output, and where a failure is told. @default process.stdout, process.stderr */
  stdout?: TextSink & { on?(event: 'error', listener: (error: Error) => void): unknown };
  stderr?: TextSink;
  /** Signals that end the run (json/yaml still write their summary). @default process */
  proc?: Pick<NodeJS.Process, 'on' | 'off'>;
};

const END_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs until --duration passes or a signal comes; resolves with the exit code (0, or 1 after a one-line error). */
export async function runHeadlessApp(options: Options, deps: HeadlessAppDeps = {}): Promise<number> {
  const clock = deps.clock ?? systemClock;
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const proc = deps.proc ?? process;
  const dir = dataDir(deps.env ?? process.env);
  const log = createFileLogger(join(dir, 'zoomtop.log'), { now: () => clock.now(), level: options.logLevel });
  const running = nothingRunning();
  const fail = (message: string): number => {
    stderr.write(`zoomtop: ${message.split('\n')[0]}\n`);
    return 1;
  };
  try {
    const appConfigFile = await appConfigFor(options, dir);
    if (options.record) running.recorder = createRecorder({ file: options.record, clock });
    const monitor = await startMonitor({ options, settings: deps.settings ?? DEFAULT_ZOOMTOP_CONFIG, clock, log, running, appConfigFile });
    running.profiler = monitor.profiler;
    const { recorder } = running;
    if (recorder) {
      monitor.profiler.on('snapshot', () => {
        const view = monitor.profiler.current();
        if (view) recorder.frame({ snapshot: view.snapshot, outcome: view.rules, cameraStats: monitor.registry.cameraStats(view.snapshot.atMs) });
      });
    }
    const run = runHeadless({ profiler: monitor.profiler, format: options.format, durationMs: options.durationMs, output: options.output ?? stdout, intervalMs: options.intervalMs });
    log.info(`zoomtop headless: format ${options.format}, output ${options.output ?? 'stdout'}, duration ${options.durationMs ?? 'until a signal'} ms, statsd ${monitor.statsdAddress ?? 'off'}`);
    let pipeFailure: string | null = null;
    // A reader that went away (EPIPE) shows up as an error event on stdout, not as a throw from write().
    const onPipeError = (error: NodeJS.ErrnoException): void => {
      pipeFailure ??= `headless output failed (${error.code ?? error.message}); the run stopped. Check the program reading stdout`;
      run.stop();
    };
    if (options.output === null) stdout.on?.('error', onPipeError);
    const onSignal = (): void => run.stop();
    for (const signal of END_SIGNALS) proc.on(signal, onSignal);
    try {
      await run.done;
    } finally {
      for (const signal of END_SIGNALS) proc.off(signal, onSignal);
    }
    if (pipeFailure !== null) return fail(pipeFailure);
    log.info('zoomtop headless: done');
    return 0;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return fail(error.message);
  } finally {
    await stopAll(running);
  }
}

async function stopAll(running: Running): Promise<void> {
  running.stopping = true;
  running.profiler?.stop();
  try {
    running.recorder?.close();
  } catch {
    // Closing flushes; a failure there was already counted by the recorder.
  }
  await Promise.all([running.pipeline?.stop(), running.server?.close(), running.prometheus?.close()]);
}
