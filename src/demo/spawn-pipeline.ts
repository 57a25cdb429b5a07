// Starts the demo pipeline (src/demo/main.ts) as a child process and stops it: SIGTERM, then SIGKILL after 2 s.
import * as childProcess from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { systemClock, type Clock } from '../app/clock.js';

export type SpawnPipelineOptions = {
  /** The ZoomCam config the demo reads and watches. */
  configFile: string;
  /** Where the demo sends its StatsD lines; a wildcard bind address is reached via loopback. */
  statsd: { host: string; port: number };
  /** Called with each line the child writes to stderr (never shown on the screen). @default lines are dropped */
  onStderr?: (line: string) => void;
  /** @default process.execPath */
  nodePath?: string;
  /** @default child_process.spawn */
  spawn?: typeof childProcess.spawn;
  /** Times the SIGKILL fallback. @default systemClock */
  clock?: Clock;
  /** Extra environment (e.g. ZOOMTOP_DEMO_LOAD), merged over process.env. @default none */
  env?: Readonly<Record<string, string>>;
};

export type SpawnedPipeline = {
  /** The child's pid; -1 when it could not be started (onExit then fires at once). */
  pid: number;
  /** SIGTERM, wait for the exit, SIGKILL after 2 s; resolves when the child is gone. */
  stop(): Promise<void>;
  /** Called once when the child exits, for whatever reason (stop() included). */
  onExit(callback: (code: number | null, signal: NodeJS.Signals | null) => void): void;
};

const KILL_AFTER_MS = 2000;
const MAIN_SCRIPT = fileURLToPath(new URL('./main.js', import.meta.url));

export function spawnPipeline(options: SpawnPipelineOptions): SpawnedPipeline {
  const { configFile, statsd, onStderr = () => {}, nodePath = process.execPath, clock = systemClock } = options;
  const spawn = options.spawn ?? childProcess.spawn;
  const args = [MAIN_SCRIPT, '--config', configFile, '--statsd', formatAddress(statsd)];
  // The IPC channel is how the child learns that zoomtop died, even by kill -9: it sees 'disconnect'.
  const child = spawn(nodePath, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ...options.env } });

  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitCallbacks: Array<(code: number | null, signal: NodeJS.Signals | null) => void> = [];
  const exited = new Promise<void>((resolve) => {
    const settle = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (exit) return;
      exit = { code, signal };
      for (const callback of exitCallbacks) callback(code, signal);
      resolve();
    };
    child.once('exit', settle);
    // Without this listener a failed spawn (bad nodePath) would throw in zoomtop.
    child.once('error', (error: Error) => {
      onStderr(`cannot start the demo pipeline with ${nodePath}: ${error.message}`);
      if (child.pid === undefined) settle(null, null);
    });
  });
  if (child.stderr) createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', onStderr);

  let stopping: Promise<void> | null = null;
  return {
    pid: child.pid ?? -1,
    stop: () => {
      stopping ??= (async () => {
        if (exit) return;
        child.kill('SIGTERM');
        const killTimer = clock.setTimeout(() => {
          if (!exit) child.kill('SIGKILL');
        }, KILL_AFTER_MS);
        await exited;
        clock.clearTimeout(killTimer);
      })();
      return stopping;
    },
    onExit: (callback) => {
      if (exit) callback(exit.code, exit.signal);
      else exitCallbacks.push(callback);
    },
  };
}

/** host:port for the child's --statsd; a wildcard bind address becomes loopback, IPv6 gets brackets. */
export function formatAddress({ host, port }: { host: string; port: number }): string {
  const target = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return target.includes(':') ? `[${target}]:${port}` : `${target}:${port}`;
}
