// A throwaway /proc + /sys tree for source tests: write the files a test needs, point rootDir at it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type ProcTree = { rootDir: string; write(path: string, text: string): void; mkdir(path: string): void; remove(): void };

export function procTree(): ProcTree {
  const rootDir = mkdtempSync(join(tmpdir(), 'zoomtop-proc-'));
  return {
    rootDir,
    write(path, text) {
      mkdirSync(dirname(join(rootDir, path)), { recursive: true });
      writeFileSync(join(rootDir, path), text);
    },
    mkdir(path) {
      mkdirSync(join(rootDir, path), { recursive: true });
    },
    remove() {
      rmSync(rootDir, { recursive: true, force: true });
    },
  };
}
