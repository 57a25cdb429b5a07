// Finds (and on demand installs) the peers the bench compares against: prom-client and gtop from npm, btop from Debian.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from dist/bench/lib/). */
export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));
/** bench/ in the source tree: its package.json lists the npm peers, installed into bench/node_modules. */
export const BENCH_DIR = join(ROOT_DIR, 'bench');
export const ZOOMTOP_CLI = join(ROOT_DIR, 'dist', 'src', 'cli.js');

export type Peers = {
  promClient: PromClient | null;
  gtopBin: string | null;
  btopBin: string | null;
  notes: string[];
};

/** The slice of prom-client's API the bench uses (it is loaded at run time, so the build never needs it). */
export type PromHistogram = {
  observe(labels: Record<string, string>, value: number): void;
  labels(...values: string[]): { observe(value: number): void };
};
export type PromClient = {
  Histogram: new (config: { name: string; help: string; labelNames?: string[]; registers?: unknown[] }) => PromHistogram;
};

const benchRequire = createRequire(join(BENCH_DIR, 'package.json'));

/** Runs `npm install` in bench/ when its node_modules is missing; returns a note when that fails. */
export function installNpmPeers(): string | null {
  if (existsSync(join(BENCH_DIR, 'node_modules', 'gtop')) && existsSync(join(BENCH_DIR, 'node_modules', 'prom-client'))) return null;
  process.stderr.write('bench: installing the npm peers (prom-client, gtop) into bench/node_modules ...\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BENCH_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  return result.status === 0 ? null : `npm install in bench/ failed (status ${result.status ?? result.signal}); the npm peers are skipped`;
}

/** Installs btop with apt-get when it is missing and we are root; returns a note when it stays missing. */
export function installBtop(): string | null {
  if (which('btop')) return null;
  if (process.getuid?.() !== 0 || !which('apt-get')) return 'btop is not installed (run `sudo apt-get install -y btop`); skipped';
  process.stderr.write('bench: installing btop with apt-get ...\n');
  const result = spawnSync('apt-get', ['install', '-y', '-q', 'btop'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return result.status === 0 && which('btop') ? null : 'apt-get install btop failed; btop skipped';
}

/** What is installed now, without installing anything. */
export function findPeers(): Peers {
  const notes: string[] = [];
  let promClient: PromClient | null = null;
  try {
    promClient = benchRequire('prom-client') as PromClient;
  } catch {
    notes.push('prom-client not installed in bench/node_modules (npm run bench installs it); skipped');
  }
  let gtopBin: string | null = null;
  try {
    gtopBin = benchRequire.resolve('gtop/bin/gtop');
  } catch {
    notes.push('gtop not installed in bench/node_modules (npm run bench installs it); skipped');
  }
  const btopBin = which('btop');
  if (!btopBin) notes.push('btop not installed (apt-get install btop); skipped');
  return { promClient, gtopBin, btopBin, notes };
}

export function which(command: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
