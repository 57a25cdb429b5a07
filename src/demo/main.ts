// Entry of the demo child process (`zoomtop --demo`): a niced stand-in for ZoomCam that reports over StatsD.
import { availableParallelism, setPriority } from 'node:os';
import { StatsdReporter } from '../statsd/reporter.js';
import { median } from '../timing/median.js';
import { chooseScale, demandPixelsPerSec, scaledSize, targetLoadFromEnv } from './calibrate.js';
import { watchDemoConfig } from './config-watcher.js';
import { parseDemoArgs } from './demo-args.js';
import { fileURLToPath } from 'node:url';
import { readDemoConfig, type DemoConfig } from './demo-config.js';
import { watchParent } from './parent-watch.js';
import { DemoPipeline } from './pipeline.js';
import { WorkerPool } from './worker-pool.js';

const CALIBRATION_MS = 300;
/** The shipped example (dist/src/demo -> package root): the workload the demo scales to about 115 % of the machine. */
const REFERENCE_CONFIG = fileURLToPath(new URL('../../../examples/zoomcam.yaml', import.meta.url));
/** Longest a shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 1500;

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** The example config the demo's load is scaled to; the current config when the example cannot be read. */
function referenceConfig(current: DemoConfig): DemoConfig {
  try {
    return readDemoConfig(REFERENCE_CONFIG);
  } catch {
    return current;
  }
}

async function main(): Promise<void> {
  // With zoomtop gone, stderr is a broken pipe: a failed log write must not crash the shutdown.
  process.stderr.on('error', () => {});
  // Before any worker starts: Linux nice values are per thread and new threads inherit them.
  try {
    setPriority(0, 10);
  } catch {
    // Not allowed here; the demo still runs, only at normal priority.
  }
  let args: ReturnType<typeof parseDemoArgs>;
  let targetLoad: number;
  let config: ReturnType<typeof readDemoConfig>;
  try {
    args = parseDemoArgs(process.argv.slice(2));
    targetLoad = targetLoadFromEnv(process.env);
    config = readDemoConfig(args.configFile);
  } catch (err) {
    log(`zoomtop demo: ${(err as Error).message}`);
    process.exit(2);
  }

  const pool = new WorkerPool();
  const reporter = new StatsdReporter({ host: args.statsdHost, port: args.statsdPort });
  let pipeline: DemoPipeline | null = null;
  let stopWatching = (): void => {};
  let shuttingDown = false;
  const shutdown = (why: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (why !== 'SIGTERM') log(`zoomtop demo: stopping (${why})`);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    stopWatching();
    void (async () => {
      await pipeline?.stop();
      await pool.close();
      await reporter.close();
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  watchParent({ onOrphaned: () => shutdown('zoomtop is gone') });

  // A stop during calibration closes the pool under it: that is not a failure.
  const figures = await pool.calibrate(CALIBRATION_MS).catch((err: unknown) => {
    if (shuttingDown) return null;
    throw err;
  });
  if (!figures || shuttingDown) return;
  const nsPerPixel = median(figures) ?? Number.NaN;
  // Scaled against the shipped example, not the current config: a camera lowered earlier stays cheaper after a restart.
  const reference = referenceConfig(config);
  const scale = chooseScale({ nsPerPixel, cores: availableParallelism(), targetLoad, pixelsPerSec: demandPixelsPerSec(reference) });
  const example = config.cameras.find((camera) => camera.enabled);
  const shown = example ? scaledSize(example.width, example.height, scale) : null;
  log(
    `zoomtop demo: ${nsPerPixel.toFixed(2)} ns/pixel on ${pool.size} threads, target load ${Math.round(targetLoad * 100)} %, ` +
      `scale ${scale.toFixed(3)}${example && shown ? ` (${example.id} ${example.width}x${example.height} processed as ${shown.width}x${shown.height})` : ''}`,
  );
  pipeline = new DemoPipeline({ config, scale, runner: pool, reporter, log });
  pipeline.start();
  const running = pipeline;
  stopWatching = watchDemoConfig({ file: args.configFile, onConfig: (next) => running.applyConfig(next), onError: log });
}

main().catch((err: unknown) => {
  log(`zoomtop demo: failed: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
