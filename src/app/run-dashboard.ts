// Wires the pipeline together: sources -> sampler -> store -> rules -> views -> UI, with keys and actions flowing back.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readAppConfig } from '../config/app-config.js';
import { dataDir } from '../config/data-dir.js';
import { DEFAULT_ZOOMTOP_CONFIG, type ZoomtopConfig } from '../config/zoomtop-config-defaults.js';
import { ensureDemoConfig } from '../config/demo-config.js';
import { spawnPipeline, type SpawnedPipeline } from '../demo/spawn-pipeline.js';
import { StatsdIngest } from '../statsd/ingest.js';
import { startStatsdServer, type StatsdServer } from '../statsd/server.js';
import { AuditLog, auditLogFile } from '../actions/audit-log.js';
import { AutoGate } from '../actions/auto-gate.js';
import { Profiler } from '../profiler/profiler.js';
import { createAutoMode } from './auto-mode.js';
import { metricValues } from './metric-values.js';
import { OperationRegistry } from '../timing/operation-registry.js';
import { toDashboardModel, type ViewContext } from '../views/dashboard-model.js';
import { helpMaxOffset } from '../views/dialog-model.js';
import { operationKey, visibleOperations } from '../views/operations-model.js';
import { createActionController } from './action-controller.js';
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
  /** zoomtop.yaml's rules and action settings. Default: every default. */
  settings?: ZoomtopConfig;
  /** Signals, crashes and exit. Default: process. */
  proc?: ExitProcess;
};

/** A problem found before the screen is taken: printed as one line, exit 1. */
export class StartupError extends Error {}

const WINDOW_MS = 60_000;
const GPU_INTERVAL_MS = 5000;

/** What has been started so far; every way out stops exactly these. */
type Running = {
  ui: DashboardUi | null;
  profiler: Profiler | null;
  pipeline: SpawnedPipeline | null;
  server: StatsdServer | null;
  restoreConsole: () => void;
  /** Set once an exit began: children stopping then are expected, not news. */
  stopping: boolean;
};

/** Installed before anything is started, so every way out from here on stops what was started. */
function guardRunning(running: Running, log: Logger, proc: ExitProcess | undefined): ExitGuard {
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
    pipeline.onExit((code, signal) => log.info(`demo pipeline exited (code ${code}, signal ${signal})`));
  }
}

export async function runDashboard(options: Options, deps: DashboardDeps): Promise<void> {
  const clock = deps.clock ?? systemClock;
  const settings = deps.settings ?? DEFAULT_ZOOMTOP_CONFIG;
  const env = deps.env ?? process.env;
  const dir = dataDir(env);
  const logFile = join(dir, 'zoomtop.log');
  const log = createFileLogger(logFile, { now: () => clock.now(), level: options.logLevel });
  if (options.demo && !options.statsd) throw new StartupError('--demo reports over StatsD; drop --no-statsd');
  const appConfigFile = options.appConfig ?? (options.demo ? ensureDemoConfig(dir).file : null);
  if (appConfigFile) {
    // A config the actions could never edit is reported now, in one line, not discovered on the first keypress.
    const read = await readAppConfig(appConfigFile);
    if (!read.ok) throw new StartupError(`${read.error} (given by ${options.appConfig ? '--app-config' : 'the demo copy; delete it to start from the example'})`);
  }
  const running: Running = { ui: null, profiler: null, pipeline: null, server: null, restoreConsole: () => {}, stopping: false };
  const guard = guardRunning(running, log, deps.proc);

  const startedAtMs = clock.now();
  const registry = new OperationRegistry({ windowMs: WINDOW_MS, startMs: startedAtMs });
  const ingest = new StatsdIngest({ registry });
  await startInputs(options, running, ingest, appConfigFile, clock, log);
  const { server } = running;
  const statsdAddress = server ? `${server.address.host}:${server.address.port}` : null;

  // The dashboard is a view of the same Profiler an app embeds: one sampler, store and rule set.
  const profiler = new Profiler({
    clock,
    watch: options.watch,
    alertRules: settings.alerts,
    suggestionRules: settings.suggestions,
    registry,
    statsdGauges: ingest.gauges,
    statsdStatus: () => ({ enabled: server !== null, address: statsdAddress, lines: ingest.counts.lines, rejected: ingest.counts.rejected }),
    processTargets: () => [{ role: 'self' as const, pid: process.pid }, ...(running.pipeline ? [{ role: 'app' as const, pid: running.pipeline.pid }] : [])],
    onHealth: (source, health) => log.info(`source ${source}: ${JSON.stringify(health)}`),
  });
  const rules = {
    get log() {
      return profiler.rulesEngine.log;
    },
    current: () => profiler.rulesEngine.current(),
  };
  running.pipeline?.onExit((code, signal) => {
    if (!running.stopping) rules.log.add({ ruleId: 'demo-exited', level: 'critical', message: `demo pipeline exited (${signal ?? `code ${code}`}); see ${logFile}`, value: 0, atMs: clock.now() });
  });
  const actions = createActionController({
    appConfigFile,
    readOnly: options.readOnly,
    settings: settings.actions,
    settleMs: settings.actions.settleMs,
    audit: new AuditLog({ file: auditLogFile(dir) }),
    metricValues: (metric, fromMs, toMs) => metricValues(profiler, metric, fromMs, toMs),
    onEffect: (apply, effect) => {
      autoGate.recordEffect(apply.action, effect.helped);
      rules.log.add({ ruleId: 'action-effect', level: 'info', message: `${effect.text}: ${apply.summary}`, value: 0, atMs: clock.now() });
      log.info(`effect of ${apply.action} (${apply.summary}): ${effect.text}`);
    },
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
  let uiState: UiState = { ...initialUiState, autoMode: options.auto };
  const context: ViewContext = {
    host: hostname(),
    intervalMs: options.intervalMs,
    statsdAddress,
    windowLabel: `last ${WINDOW_MS / 1000} s`,
    ellipsis: '…',
    gpuIntervalMs: GPU_INTERVAL_MS,
    readOnly: options.readOnly,
    settling: null,
  };

  const takeFrame = (): Frame => {
    const { snapshot, rules: outcome } = profiler.current() ?? profiler.peek();
    return { snapshot, outcome, cameraStats: registry.cameraStats(snapshot.atMs) };
  };
  let frame: Frame | null = null;
  const render = (fresh: boolean): void => {
    // Paused: what is shown stays; the profiler still evaluates every tick, so alerts are logged.
    if (!frame || (fresh && !uiState.paused)) frame = takeFrame();
    const glyphs = screen.glyphs?.() ?? { ellipsis: '…', bar: '#' };
    screen.render(toDashboardModel(frame.snapshot, frame.outcome, uiState, screen.size(), { ...context, ...glyphs, cameraStats: frame.cameraStats }));
  };
  const autoGate = new AutoGate({ clock, ...settings.actions.auto });
  const auto = createAutoMode({ gate: autoGate, actions, log, isOn: () => uiState.autoMode, onDialogFree: () => uiState.dialog === null });
  profiler.on('snapshot', (record) => {
    void actions.observe(record.atMs, { cpuPercent: record.cpuPercent, memoryPercent: record.memoryPercent });
    const settling = actions.settling()[0];
    context.settling = settling ? `measuring effect ${Math.ceil(settling.remainingMs / 1000)} s` : null;
    void auto.consider(profiler.rulesEngine.current().suggestions);
    render(true);
  });
  running.profiler = profiler;
  const sampler = { setInterval: (source: string, ms: number) => profiler.setSourceInterval(source, ms) };

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
    getFrame: () => frame ?? takeFrame(),
    setFrame: (next) => void (frame = next),
  });
  const testCrash = env['ZOOMTOP_TEST_CRASH'];

  screen.onResize(() => render(false));
  screen.onKey((key) => {
    // Test hook (see README, Development): makes the crash paths reachable from a real terminal.
    if (key === '!' && testCrash === 'throw') throw new Error('crash on purpose (ZOOMTOP_TEST_CRASH=throw)');
    if (key === '!' && testCrash === 'reject') void Promise.reject(new Error('crash on purpose (ZOOMTOP_TEST_CRASH=reject)'));
    const shown = frame ?? takeFrame();
    const operationKeys = visibleOperations(shown.snapshot.operations, uiState.sort, uiState.filter).map(operationKey);
    const suggestions = shown.outcome.suggestions;
    const { state, effect } = reduceKey(uiState, key, { suggestionCount: suggestions.length, operationKeys, helpMaxOffset: helpMaxOffset(screen.size().rows) });
    uiState = state;
    effects.run(effect, suggestions);
    render(false);
  });

  profiler.start({ intervalMs: options.intervalMs });
  render(false);
  log.info(`zoomtop started: interval ${options.intervalMs} ms, statsd ${statsdAddress ?? 'off'}, app config ${appConfigFile ?? 'none'}, theme ${screen.themeName?.() ?? 'n/a'}`);
}
