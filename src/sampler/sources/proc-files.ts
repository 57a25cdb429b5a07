// Reading /proc and /sys under a root directory that tests can point at a fixture tree.
import { readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Reads text files and directory listings relative to a root ("/" in production). */
export type ProcFiles = {
  /** Through the thread pool: for /sys device attributes, whose drivers may take a while to answer. */
  readText(path: string): Promise<string>;
  list(path: string): Promise<string[]>;
  /**
   * A listing in this thread: /proc and /sys directories are built in memory, and a sync listing
   * costs a fraction of an async one's thread-pool round trip (about 50 against 110 us for /proc).
   */
  listSync(path: string): string[];
  /** The absolute path, for error messages (and for opening a KeptFile). */
  where(path: string): string;
};

export function procFiles(rootDir = '/'): ProcFiles {
  const where = (path: string) => join(rootDir, path);
  return {
    readText: (path) => readFile(where(path), 'utf8'),
    list: (path) => readdir(where(path)),
    listSync: (path) => readdirSync(where(path)),
    where,
  };
}

/** ENOENT, EACCES and friends: the file is not there for us, so the source is unavailable, not broken. */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR' || code === 'EPERM';
}
