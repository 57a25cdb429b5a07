// Wires the pipeline together: sources -> sampler -> store -> rules -> views -> UI, with keys and actions flowing back.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { dataDir } from '../config/data-dir.js';
import { ensureDemoConfig } from '../config/demo-config.js';
import { spawnPipeline, type SpawnedPipeline } from '../demo/spawn-pipeline.js';
import { DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES } from '../rules/default-rules.js';
import { RulesEngine } from '../rules/rules-engine.js';
import { createSampler } from '../sampler/sampler.js';
import { createGpuSource } from '../sampler/sources/gpu.js';
import { createProcessSource } from '../sampler/sources/process.js';
import { createSystemSource } from '../sampler/sources/system.js';
import { StatsdIngest } from '../statsd/ingest.js';
import { startStatsdServer, type StatsdServer } from '../statsd/server.js';
import { Store } from '../store/store.js';
import { OperationRegistry } from '../timing/operation-registry.js';
import { toDashboardModel, type ViewContext } from '../views/dashboard-model.js';
import { createActionController } from './action-controller.js';
import { readAppFigures } from './app-figures.js';
import { systemClock, type Clock } from './clock.js';
import { installExitGuard } from './exit-guard.js';
import { createFileLogger } from './log-file.js';
import type { Options } from './options.js';
import type { UiPort } from './ui-port.js';
import { reduceKey } from './ui-reducer.js';
import { initialUiState, type UiState } from './ui-state.js';

export type DashboardDeps = {
  /** Opens the terminal UI; called after everything that can fail at start has succeeded. */
  openUi: () => UiPort & { ellipsis?: string };
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
};

/** A problem found before the screen is taken: printed as one line, exit 1. */
export class StartupError extends Error {}

const WINDOW_MS = 60_000;

export async function runDashboard(options: Options, deps: DashboardDeps): Promise<void> {
  const clock = deps.clock ?? systemClock;
  const env = deps.env ?? process.env;
  const dir = dataDir(env);
  const log = createFileLogger(join(dir, 'zoomtop.log'), () => clock.now());
  if (options.demo && !options.statsd) throw new StartupError('--demo reports over StatsD; drop --no-statsd');
  const appConfigFile = options.appConfig ?? (options.demo ? ensureDemoConfig(dir).file : null);

  const startedAtMs = clock.now();
  const registry = new OperationRegistry({ windowMs: WINDOW_MS, startMs: startedAtMs });
  const ingest = new StatsdIngest({ registry });
  let server: StatsdServer | null = null;
  if (options.statsd) {
    try {
      server = await startStatsdServer({ ...options.statsd, onDatagram: (datagram) => ingest.ingest(datagram, clock.now()) });
    } catch (error) {
      throw new StartupError((error as Error).message);
    }
  }
  const statsdAddress = server ? `${server.address.host}:${server.address.port}` : null;

  let pipeline: SpawnedPipeline | null = null;
  if (options.demo && server && appConfigFile) {
    pipeline = spawnPipeline({ configFile: appConfigFile, statsd: server.address, onStderr: (line) => log.info(line) });
    log.info(`demo pipeline started, pid ${pipeline.pid}, config ${appConfigFile}`);
  }

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

  const ui = deps.openUi();
  let uiState: UiState = initialUiState;
  const context: ViewContext = {
    host: hostname(),
    intervalMs: options.intervalMs,
    statsdAddress,
    windowLabel: `last ${WINDOW_MS / 1000} s`,
    ellipsis: ui.ellipsis ?? '…',
  };

  const snapshot = () => {
    const now = clock.now();
    return store.snapshot(now, {
      operations: registry.stats(now),
      appFigures: readAppFigures(ingest.gauges),
      statsd: { enabled: server !== null, address: statsdAddress, lines: ingest.counts.lines, rejected: ingest.counts.rejected },
    });
  };
  const render = (evaluate: boolean) => {
    const snap = snapshot();
    const outcome = evaluate ? rules.evaluate(snap) : rules.current();
    ui.render(toDashboardModel(snap, outcome, uiState, ui.size(), context));
  };

  const sampler = createSampler({
    clock,
    sources: [
      createSystemSource({ intervalMs: options.intervalMs, clock }),
      createProcessSource({
        intervalMs: options.intervalMs,
        clock,
        targets: () => [{ role: 'self' as const, pid: process.pid }, ...(pipeline ? [{ role: 'app' as const, pid: pipeline.pid }] : [])],
      }),
      createGpuSource({ clock }),
    ],
    onSamples: (samples, source) => {
      store.ingest(samples);
      // One full evaluation and repaint per system tick; other sources show up on the next one.
      if (source === 'system') render(true);
    },
    onHealth: (source, health) => log.info(`source ${source}: ${JSON.stringify(health)}`),
  });

  const guard = installExitGuard({
    restoreTerminal: () => ui.destroy(),
    stop: async () => {
      sampler.stop();
      await Promise.all([pipeline?.stop(), server?.close()]);
    },
  });
  pipeline?.onExit((code, signal) => log.warn(`demo pipeline exited (code ${code}, signal ${signal})`));

  ui.onResize(() => render(false));
  ui.onKey((key) => {
    const suggestions = rules.current().suggestions;
    const { state, effect } = reduceKey(uiState, key, suggestions.length);
    uiState = state;
    if (effect === 'quit') return void guard.exit(0);
    if (effect === 'plan-selected') {
      void actions.preview(suggestions[Math.min(uiState.selectedSuggestion, suggestions.length - 1)]).then((dialog) => {
        uiState = { ...uiState, dialog };
        render(false);
      });
    } else if (effect === 'apply-confirmed' && uiState.dialog?.kind === 'confirm') {
      const confirmed = uiState.dialog;
      void actions.apply(confirmed).then((dialog) => {
        uiState = { ...uiState, dialog };
        render(false);
      });
    }
    render(false);
  });

  sampler.start();
  render(false);
  log.info(`zoomtop started: interval ${options.intervalMs} ms, statsd ${statsdAddress ?? 'off'}, app config ${appConfigFile ?? 'none'}`);
}
