// Wires the pipeline together: sources -> sampler -> store -> rules -> views -> UI, with keys and actions flowing back.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { dataDir } from '../config/data-dir.js';
import { ensureDemoConfig } from '../config/demo-config.js';
import { spawnPipeline, type SpawnedPipeline } from '../demo/spawn-pipeline.js';
import { DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES } from '../rules/default-rules.js';
import { RulesEngine } from '../rules/rules-engine.js';
import { createSampler, type Sampler } from '../sampler/sampler.js';
import { createGpuSource } from '../sampler/sources/gpu.js';
import { createProcessSource } from '../sampler/sources/process.js';
import { createSystemSource } from '../sampler/sources/system.js';
import { StatsdIngest } from '../statsd/ingest.js';
import { startStatsdServer, type StatsdServer } from '../statsd/server.js';
import { Store } from '../store/store.js';
import { OperationRegistry } from '../timing/operation-registry.js';
import { toDashboardModel, type ViewContext } from '../views/dashboard-model.js';
import { helpMaxOffset } from '../views/dialog-model.js';
import { operationKey, visibleOperations } from '../views/operations-model.js';
import { createActionController } from './action-controller.js';
import { readAppFigures } from './app-figures.js';
import { systemClock, type Clock } from './clock.js';
import { installExitGuard, type ExitGuard, type ExitProcess } from './exit-guard.js';
import { createKeyEffects, type Frame } from './key-effects.js';
import { createFileLogger, type Logger } from './log-file.js';
import type { Options } from './options.js';
import { redirectConsole } from './quiet-console.js';
import type { UiPort } from './ui-port.js';
import { reduceKey } from './ui-reducer.js';
import { initialUiState, type UiState } from './ui-state.js';

/** The UiPort plus what the dashboard's keys need from the terminal side; every extra is optional. */
export type DashboardUi = UiPort & {
  /** The current theme's glyphs the views use. Default: '…' and '#'. */
  glyphs?(): { ellipsis: string; bar: string };
  themeName?(): string;
  /** Switches to the next theme and returns its name; throws a one-line error for a bad theme file. */
  nextTheme?(): string;
};

export type DashboardDeps = {
  /** Opens the terminal UI; called after everything that can fail at start has succeeded. */
  openUi: () => DashboardUi;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** Signals, crashes and exit. Default: process. */
  proc?: ExitProcess;
};

/** A problem found before the screen is taken: printed as one line, exit 1. */
export class StartupError extends Error {}

const WINDOW_MS = 60_000;
const GPU_INTERVAL_MS = 5000;

/** What has been started so far; every way out stops exactly these. */
type Running = { ui: DashboardUi | null; sampler: Sampler | null; pipeline: SpawnedPipeline | null; server: StatsdServer | null; restoreConsole: () => void };

/** Installed before anything is started, so every way out from here on stops what was started. */
function guardRunning(running: Running, log: Logger, proc: ExitProcess | undefined): ExitGuard {
  return installExitGuard({
    proc,
    onExit: (code, reason) => log.info(`exiting with status ${code}: ${reason.split('\n')[0]}`),
    restoreTerminal: () => {
      running.restoreConsole();
      running.ui?.destroy();
    },
    stop: async () => {
      running.sampler?.stop();
      await Promise.all([running.pipeline?.stop(), running.server?.close()]);
    },
  });
}

/** The StatsD listener and, with --demo, the demo pipeline reporting to it. */
async function startInputs(options: Options, running: Running, ingest: StatsdIngest, appConfigFile: string | null, clock: Clock, log: Logger): Promise<void> {
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
    pipeline.onExit((code, signal) => log.warn(`demo pipeline exited (code ${code}, signal ${signal})`));
  }
}

export async function runDashboard(options: Options, deps: DashboardDeps): Promise<void> {
  const clock = deps.clock ?? systemClock;
  const env = deps.env ?? process.env;
  const dir = dataDir(env);
  const log = createFileLogger(join(dir, 'zoomtop.log'), { now: () => clock.now(), level: options.logLevel });
  if (options.demo && !options.statsd) throw new StartupError('--demo reports over StatsD; drop --no-statsd');
  const appConfigFile = options.appConfig ?? (options.demo ? ensureDemoConfig(dir).file : null);
  const running: Running = { ui: null, sampler: null, pipeline: null, server: null, restoreConsole: () => {} };
  const guard = guardRunning(running, log, deps.proc);

  const startedAtMs = clock.now();
  const registry = new OperationRegistry({ windowMs: WINDOW_MS, startMs: startedAtMs });
  const ingest = new StatsdIngest({ registry });
  await startInputs(options, running, ingest, appConfigFile, clock, log);
  const { server } = running;
  const statsdAddress = server ? `${server.address.host}:${server.address.port}` : null;

  const store = new Store({ startedAtMs });
  const rules = new RulesEngine(DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES);
  const actions = createActionController({
    appConfigFile,
    now: () => clock.now(),
    costByCamera: () => new Map(registry.cameraCosts(clock.now()).map((c) => [c.camera, c.totalMs])),
    onApplied: (summary, file, backup) => {
      rules.log.add({ ruleId: 'action-applied', level: 'info', message: `applied ${summary}`, value: 0, atMs: clock.now() });
      log.info(`applied ${summary} to ${file}; backup ${backup}`);
    },
  });

  const screen = deps.openUi();
  running.ui = screen;
  running.restoreConsole = redirectConsole(log);
  let uiState: UiState = initialUiState;
  const context: ViewContext = {
    host: hostname(),
    intervalMs: options.intervalMs,
    statsdAddress,
    windowLabel: `last ${WINDOW_MS / 1000} s`,
    ellipsis: '…',
    gpuIntervalMs: GPU_INTERVAL_MS,
  };

  const takeFrame = (evaluate: boolean): Frame => {
    const now = clock.now();
    const snapshot = store.snapshot(now, {
      operations: registry.stats(now),
      appFigures: readAppFigures(ingest.gauges),
      statsd: { enabled: server !== null, address: statsdAddress, lines: ingest.counts.lines, rejected: ingest.counts.rejected },
    });
    return { snapshot, outcome: evaluate ? rules.evaluate(snapshot) : rules.current(), cameraStats: registry.cameraStats(now) };
  };
  let frame: Frame | null = null;
  const render = (evaluate: boolean): void => {
    // Paused: what is shown stays, but the rules still see every tick, so alerts are logged.
    if (uiState.paused && frame) {
      if (evaluate) rules.evaluate(takeFrame(false).snapshot);
    } else {
      frame = takeFrame(evaluate);
    }
    const glyphs = screen.glyphs?.() ?? { ellipsis: '…', bar: '#' };
    screen.render(toDashboardModel(frame.snapshot, frame.outcome, uiState, screen.size(), { ...context, ...glyphs, cameraStats: frame.cameraStats }));
  };

  const sampler = createSampler({
    clock,
    sources: [
      createSystemSource({ intervalMs: options.intervalMs, clock }),
      createProcessSource({
        intervalMs: options.intervalMs,
        clock,
        targets: () => [{ role: 'self' as const, pid: process.pid }, ...(running.pipeline ? [{ role: 'app' as const, pid: running.pipeline.pid }] : [])],
      }),
      createGpuSource({ clock, intervalMs: GPU_INTERVAL_MS }),
    ],
    onSamples: (samples, source) => {
      store.ingest(samples);
      // One full evaluation and repaint per system tick; other sources show up on the next one.
      if (source === 'system') render(true);
    },
    onHealth: (source, health) => log.info(`source ${source}: ${JSON.stringify(health)}`),
  });
  running.sampler = sampler;

  const effects = createKeyEffects({
    guard,
    actions,
    log,
    dataDir: dir,
    ui: screen,
    rules,
    sampler,
    context,
    getState: () => uiState,
    setState: (next) => {
      uiState = next;
      render(false);
    },
    getFrame: () => frame ?? takeFrame(false),
    setFrame: (next) => void (frame = next),
  });
  const testCrash = env['ZOOMTOP_TEST_CRASH'];

  screen.onResize(() => render(false));
  screen.onKey((key) => {
    // Test hook (see README, Development): makes the crash paths reachable from a real terminal.
    if (key === '!' && testCrash === 'throw') throw new Error('crash on purpose (ZOOMTOP_TEST_CRASH=throw)');
    if (key === '!' && testCrash === 'reject') void Promise.reject(new Error('crash on purpose (ZOOMTOP_TEST_CRASH=reject)'));
    const shown = frame ?? takeFrame(false);
    const operationKeys = visibleOperations(shown.snapshot.operations, uiState.sort, uiState.filter).map(operationKey);
    const suggestions = shown.outcome.suggestions;
    const { state, effect } = reduceKey(uiState, key, { suggestionCount: suggestions.length, operationKeys, helpMaxOffset: helpMaxOffset(screen.size().rows) });
    uiState = state;
    effects.run(effect, suggestions);
    render(false);
  });

  sampler.start();
  render(false);
  log.info(`zoomtop started: interval ${options.intervalMs} ms, statsd ${statsdAddress ?? 'off'}, app config ${appConfigFile ?? 'none'}, theme ${screen.themeName?.() ?? 'n/a'}`);
}
