// Where zoomtop keeps its own files, by the XDG base directory conventions; never the repository.
import { homedir } from 'node:os';
import { join } from 'node:path';

export type DataDirEnv = { XDG_DATA_HOME?: string; HOME?: string };

/** $XDG_DATA_HOME/zoomtop, or ~/.local/share/zoomtop. */
export function dataDir(env: DataDirEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'zoomtop');
}
