// The fixture machine trees of test/fixtures/proc, read in place or copied to a temporary directory to be changed.
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Compiled tests run from dist/test/sampler/sources; the fixtures stay in the source tree. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../../../test/fixtures/proc/', import.meta.url));

export function fixtureRoot(name: string): string {
  return join(FIXTURES_DIR, name);
}

export type FixtureCopy = { rootDir: string; write(path: string, text: string): void; remove(path: string): void; dispose(): void };

/** A private copy of a fixture tree that the test may change. */
export function copyFixture(name: string): FixtureCopy {
  const rootDir = mkdtempSync(join(tmpdir(), `zoomtop-${name}-`));
  cpSync(fixtureRoot(name), rootDir, { recursive: true });
  return {
    rootDir,
    write(path, text) {
      mkdirSync(dirname(join(rootDir, path)), { recursive: true });
      writeFileSync(join(rootDir, path), text);
    },
    remove(path) {
      rmSync(join(rootDir, path), { recursive: true, force: true });
    },
    dispose() {
      rmSync(rootDir, { recursive: true, force: true });
    },
  };
}

/** A /proc/<pid>/stat line with the fields the sources read (state, utime, stime, starttime) in place. */
export function statLine(pid: number, comm: string, state: string, utime: number, stime: number, startTicks: number): string {
  const rest = [state, '1', pid, pid, '0', '-1', '4194560', '1000', '0', '0', '0', utime, stime, '0', '0', '20', '0', '1', '0', startTicks, '123456789', '12800'];
  return `${pid} (${comm}) ${[...rest, ...Array(30).fill('0')].join(' ')}\n`;
}
