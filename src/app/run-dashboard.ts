// Wires the pipeline together: sources -> sampler -> store -> rules -> views -> UI, with keys and actions flowing back.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { dataDir } from '../config/data-dir.js';
import { DEFAULT_ZOOMTOP_CONFIG, type ZoomtopConfig } from '../config/zoomtop-config-defaults.js';
import { AuditLog, auditLogFile } from '../actions/audit-log.js';
import { AutoGate } from '../actions/auto-gate.js';
import { createRecorder } from '../export/recorder.js';
import { createAutoMode } from './auto-mode.js';
import { metricValues } from './metric-values.js';
import { toDashboardModel, type ViewContext } from '../views/dashboard-model.js';
import { toSourcesLines } from '../views/sources-model.js';
import { suggestionRows } from '../views/suggestion-rows.js';
import { operationKey, visibleOperations } from '../views/operations-model.js';
import type { OperationsOrder } from '../views/model.js';
import { createActionController } from './action-controller.js';
import { systemClock, type Clock } from './clock.js';
import type { ExitProcess } from './exit-guard.js';
import { createKeyEffects, type Frame } from './key-effects.js';
import { createFileLogger, type Logger } from './log-file.js';
import type { Options } from './options.js';
import { redirectConsole } from './quiet-console.js';
import { appConfigFor, guardRunning, nothingRunning, startMonitor, StartupError, WINDOW_MS } from './start-monitor.js';
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

export { StartupError };

const GPU_INTERVAL_MS = 5000;
/** How long the status line keeps a notice such as "theme light". */
const NOTICE_MS = 3000;

export async function runDashboard(options: Options, deps: DashboardDeps): Promise<void> {
  const clock = deps.clock ?? systemClock;
  const settings = deps.settings ?? DEFAULT_ZOOMTOP_CONFIG;
  const env = deps.env ?? process.env;
  const dir = dataDir(env);
  const logFile = join(dir, 'zoomtop.log');
  const log = createFileLogger(logFile, { now: () => clock.now(), level: options.logLevel });
  const appConfigFile = await appConfigFor(options, dir);
  const running = nothingRunning();
  const guard = guardRunning(running, log, deps.proc);
  if (options.record) {
    try {
      running.recorder = createRecorder({ file: options.record, clock });
    } catch (error) {
      throw new StartupError((error as Error).message);
    }
    log.info(`recording to ${options.record}`);
  }
  const { recorder } = running;
  const monitor = await startMonitor({ options, settings, clock, log, running, appConfigFile, env });
  const { registry, profiler, statsdAddress } = monitor;
  const rules = {
    get log() {
      return profiler.rulesEngine.log;
    },
    current: () => profiler.rulesEngine.current(),
    clearLog: () => profiler.rulesEngine.clearLog(),
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
    onApplied: (summary, file, backup, record) => {
      monitor.actionsApplied[record.action] = (monitor.actionsApplied[record.action] ?? 0) + 1;
      recorder?.action({ atMs: clock.now(), actionId: record.action, summary, ok: true, trigger: record.trigger });
      rules.log.add({ ruleId: 'action-applied', level: 'info', message: `applied ${summary}`, value: 0, atMs: clock.now() });
      log.info(`applied ${summary} to ${file}; backup ${backup}`);
    },
    onUndone: (record, apply) => {
      recorder?.action({ atMs: clock.now(), actionId: record.action, summary: `undo: ${apply.summary}`, ok: true, trigger: record.trigger });
      // The values it went back to: 'undone front_door 1920x1080 -> 1280x720' read as if the camera was lowered again.
      const back = record.changes.map((c) => `${c.key} ${JSON.stringify(c.to)}`).join(', ');
      rules.log.add({ ruleId: 'action-undone', level: 'info', message: `undone ${apply.action}: back to ${back}`, value: 0, atMs: clock.now() });
      log.info(`undone ${apply.action} (${apply.summary}) in ${record.file}: back to ${back}`);
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
  // The status line's notice (what t switched to) goes with the first snapshot after this.
  let noticeUntilMs = 0;
  // The operation rows as last drawn: the next frame starts from them, and keys walk them.
  let shownOrder: OperationsOrder | undefined;
  // How far the open dialog scrolls as last drawn (it depends on the size and, for the detail, the figures).
  let shownDialogMaxOffset = 0;
  const render = (fresh: boolean): void => {
    // Paused: what is shown stays; the profiler still evaluates every tick, so alerts are logged.
    if (!frame || (fresh && !uiState.paused)) frame = takeFrame();
    const glyphs = screen.glyphs?.() ?? { ellipsis: '…', bar: '#' };
    const model = toDashboardModel(frame.snapshot, frame.outcome, uiState, screen.size(), { ...context, ...glyphs, cameraStats: frame.cameraStats, operationOrder: shownOrder });
    shownOrder = model.operationOrder;
    shownDialogMaxOffset = model.dialog?.maxOffset ?? 0;
    screen.render(model);
  };
  const autoGate = new AutoGate({ clock, ...settings.actions.auto });
  const auto = createAutoMode({ gate: autoGate, actions, log, isOn: () => uiState.autoMode, onDialogFree: () => uiState.dialog === null });
  profiler.on('snapshot', (record) => {
    void actions.observe(record.atMs, { cpuPercent: record.cpuPercent, memoryPercent: record.memoryPercent, appFps: record.fps, socTemperatureC: record.socTemperatureC });
    if (context.notice && clock.now() >= noticeUntilMs) context.notice = null;
    const settling = actions.settling()[0];
    context.settling = settling ? `measuring effect ${Math.ceil(settling.remainingMs / 1000)} s` : null;
    void auto.consider(profiler.rulesEngine.current().suggestions);
    if (recorder) {
      const view = profiler.current();
      if (view) recorder.frame({ snapshot: view.snapshot, outcome: view.rules, cameraStats: registry.cameraStats(view.snapshot.atMs) });
    }
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
    sources: () => toSourcesLines(new Map(Object.entries(profiler.sourceHealth())), statsdAddress ? monitor.ingest.counts : null, clock.now()),
    notify: (text) => {
      context.notice = text;
      noticeUntilMs = clock.now() + NOTICE_MS;
    },
  });
  const testCrash = env['ZOOMTOP_TEST_CRASH'];

  screen.onResize(() => render(false));
  screen.onKey((key) => {
    // Test hook (see README, Development): makes the crash paths reachable from a real terminal.
    if (key === '!' && testCrash === 'throw') throw new Error('crash on purpose (ZOOMTOP_TEST_CRASH=throw)');
    if (key === '!' && testCrash === 'reject') void Promise.reject(new Error('crash on purpose (ZOOMTOP_TEST_CRASH=reject)'));
    const shown = frame ?? takeFrame();
    const operationKeys = shownOrder?.keys ?? visibleOperations(shown.snapshot.operations, uiState.sort, uiState.filter).map(operationKey);
    const suggestions = shown.outcome.suggestions;
    const { state, effect } = reduceKey(uiState, key, { suggestionCount: suggestionRows(suggestions).length, operationKeys, dialogMaxOffset: shownDialogMaxOffset });
    uiState = state;
    effects.run(effect, suggestions);
    render(false);
  });

  profiler.start({ intervalMs: options.intervalMs });
  render(false);
  log.info(`zoomtop started: interval ${options.intervalMs} ms, statsd ${statsdAddress ?? 'off'}, app config ${appConfigFile ?? 'none'}, theme ${screen.themeName?.() ?? 'n/a'}`);
}
