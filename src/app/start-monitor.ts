// What the dashboard and --headless share: inputs (StatsD, demo), the Profiler, the /metrics endpoint, the exit guard.
import { readAppConfig } from '../config/app-config.js';
import { ensureDemoConfig } from '../config/demo-config.js';
import type { ZoomtopConfig } from '../config/zoomtop-config-defaults.js';
import { spawnPipeline, type SpawnedPipeline } from '../demo/spawn-pipeline.js';
import { renderPrometheus } from '../export/prometheus.js';
import { startPrometheusServer, type PrometheusServer } from '../export/prometheus-server.js';
import type { RecordingWriter } from '../export/recorder.js';
import { Profiler } from '../profiler/profiler.js';
import { StatsdIngest } from '../statsd/ingest.js';
import { startStatsdServer, type StatsdServer } from '../statsd/server.js';
import { OperationRegistry } from '../timing/operation-registry.js';
import type { Clock } from './clock.js';
import { installExitGuard, type ExitGuard, type ExitProcess } from './exit-guard.js';
import type { Logger } from './log-file.js';
import type { Options } from './options.js';

/** A problem found before the screen is taken: printed as one line, exit 1. */
export class StartupError extends Error {}

export const WINDOW_MS = 60_000;

/** What has been started so far; every way out stops exactly these. */
export type Running = {
  ui: { destroy(): void } | null;
  profiler: Profiler | null;
  pipeline: SpawnedPipeline | null;
  server: StatsdServer | null;
  prometheus: PrometheusServer | null;
  recorder: RecordingWriter | null;
  restoreConsole: () => void;
  /** Set once an exit began: children stopping then are expected, not news. */
  stopping: boolean;
};

export const nothingRunning = (): Running => ({ ui: null, profiler: null, pipeline: null, server: null, prometheus: null, recorder: null, restoreConsole: () => {}, stopping: false });

/** Installed before anything is started, so every way out from here on stops what was started. */
export function guardRunning(running: Running, log: Logger, proc: ExitProcess | undefined): ExitGuard {
  return installExitGuard({
    proc,
    onExit: (code, reason) => log.info(`exiting with status ${code}: ${reason.split('\n')[0]}`),
    restoreTerminal: () => {
      running.stopping = true;
      running.restoreConsole();
      running.ui?.destroy();
    },
    stop: async () => {
      running.profiler?.stop();
      try {
        running.recorder?.close();
      } catch (error) {
        log.info(`recording not closed cleanly: ${(error as Error).message}`);
      }
      await Promise.all([running.pipeline?.stop(), running.server?.close(), running.prometheus?.close()]);
    },
  });
}

/** The app config actions edit: --app-config, or the demo's copy; checked now so a bad one is one line at start. */
export async function appConfigFor(options: Options, dir: string): Promise<string | null> {
  if (options.demo && !options.statsd) throw new StartupError('--demo reports over StatsD; drop --no-statsd');
  const file = options.appConfig ?? (options.demo ? ensureDemoConfig(dir).file : null);
  if (file) {
    const read = await readAppConfig(file);
    if (!read.ok) throw new StartupError(`${read.error} (given by ${options.appConfig ? '--app-config' : 'the demo copy; delete it to start from the example'})`);
  }
  return file;
}

export type Monitor = {
  registry: OperationRegistry;
  ingest: StatsdIngest;
  profiler: Profiler;
  statsdAddress: string | null;
  /** Optimizer actions applied since start, by action id (for /metrics). */
  actionsApplied: Record<string, number>;
};

export type MonitorDeps = {
  options: Options;
  settings: ZoomtopConfig;
  clock: Clock;
  log: Logger;
  running: Running;
  appConfigFile: string | null;
  /** Read for the ZOOMTOP_PROC_ROOT test hook. Default process.env. */
  env?: NodeJS.ProcessEnv;
};

/** Starts StatsD (and the demo), builds the Profiler, and serves /metrics when asked; the profiler is not started. */
export async function startMonitor(deps: MonitorDeps): Promise<Monitor> {
  const { options, settings, clock, log, running } = deps;
  const registry = new OperationRegistry({ windowMs: WINDOW_MS, startMs: clock.now() });
  const ingest = new StatsdIngest({ registry });
  await startInputs(deps, ingest);
  const { server } = running;
  const statsdAddress = server ? `${server.address.host}:${server.address.port}` : null;
  // The dashboard is a view of the same Profiler an app embeds: one sampler, store and rule set.
  const profiler = new Profiler({
    clock,
    watch: options.watch,
    // Test hook: read /proc and /sys from a fixture tree (a Pi under-voltage, an NVIDIA PC, ...); see README, Development.
    rootDir: (deps.env ?? process.env)['ZOOMTOP_PROC_ROOT'] || undefined,
    alertRules: settings.alerts,
    suggestionRules: settings.suggestions,
    registry,
    statsdGauges: ingest.gauges,
    statsdStatus: () => ({ enabled: server !== null, address: statsdAddress, lines: ingest.counts.lines, rejected: ingest.counts.rejected }),
    processTargets: () => [{ role: 'self' as const, pid: process.pid }, ...(running.pipeline ? [{ role: 'app' as const, pid: running.pipeline.pid }] : [])],
    onHealth: (source, state) => log.info(`source ${source}: ${JSON.stringify(state)}`),
  });
  const monitor: Monitor = { registry, ingest, profiler, statsdAddress, actionsApplied: {} };
  if (options.prometheus) {
    try {
      running.prometheus = await servePrometheus(options.prometheus, monitor, settings, log);
    } catch (error) {
      // The caller exits at once on a StartupError: the demo must not outlive it.
      await Promise.all([running.pipeline?.stop(), running.server?.close()]);
      throw error;
    }
  }
  return monitor;
}

/** The StatsD listener and, with --demo, the demo pipeline reporting to it. */
async function startInputs(deps: MonitorDeps, ingest: StatsdIngest): Promise<void> {
  const { options, running, clock, log, appConfigFile } = deps;
  if (options.statsd) {
    try {
      running.server = await startStatsdServer({ ...options.statsd, onDatagram: (datagram) => ingest.ingest(datagram, clock.now()) });
    } catch (error) {
      throw new StartupError((error as Error).message);
    }
  }
  if (options.demo && running.server && appConfigFile) {
    const pipeline = spawnPipeline({ configFile: appConfigFile, statsd: running.server.address, onStderr: (line) => log.info(line) });
    running.pipeline = pipeline;
    log.info(`demo pipeline started, pid ${pipeline.pid}, config ${appConfigFile}`);
    pipeline.onExit((code, signal) => log.info(`demo pipeline exited (code ${code}, signal ${signal})`));
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** /metrics from the profiler's latest snapshot; the address goes to the log, never on the screen. */
async function servePrometheus(address: NonNullable<Options['prometheus']>, monitor: Monitor, settings: ZoomtopConfig, log: Logger): Promise<PrometheusServer> {
  const { profiler, registry, ingest, statsdAddress } = monitor;
  let server: PrometheusServer;
  try {
    server = await startPrometheusServer({
      host: address.host,
      port: address.port,
      render: () =>
        renderPrometheus({
          snapshot: profiler.current()?.snapshot ?? null,
          registry,
          alerts: profiler.rulesEngine.log.list(),
          alertRules: settings.alerts,
          actionsApplied: monitor.actionsApplied,
          statsdCounts: statsdAddress === null ? null : ingest.counts,
        }),
      onError: (error) => log.error(`Prometheus scrape failed: ${(error as Error)?.message ?? String(error)}`),
    });
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  const where = `http://${server.address.host.includes(':') ? `[${server.address.host}]` : server.address.host}:${server.address.port}/metrics`;
  if (isLoopback(server.address.host)) log.info(`Prometheus metrics at ${where}`);
  else log.warn(`Prometheus metrics at ${where}, reachable from the network (--prometheus ${address.host}:${address.port} was given)`);
  return server;
}
