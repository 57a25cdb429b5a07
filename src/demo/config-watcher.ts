// Watches the demo's config file by polling, so an atomic rename-replace (how zoomtop writes) is seen too.
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { readDemoConfig, type DemoConfig } from './demo-config.js';

export type ConfigWatcherOptions = {
  file: string;
  /** Called with each changed config that parses and validates. */
  onConfig: (config: DemoConfig) => void;
  /** Called with one line when a changed file cannot be used; the previous config stays. */
  onError: (line: string) => void;
  /** Poll period; fs.watch would lose the file after a rename-replace. @default 500 */
  intervalMs?: number;
  /** @default readDemoConfig */
  read?: (file: string) => DemoConfig;
  /** @default fs.watchFile */
  watch?: (file: string, options: { interval: number; persistent: boolean }, listener: (curr: Stats, prev: Stats) => void) => void;
  /** @default fs.unwatchFile */
  unwatch?: (file: string, listener: (curr: Stats, prev: Stats) => void) => void;
};

/** Starts watching; returns a function that stops. */
export function watchDemoConfig(options: ConfigWatcherOptions): () => void {
  const { file, onConfig, onError, intervalMs = 500, read = readDemoConfig } = options;
  const watch = options.watch ?? watchFile;
  const unwatch = options.unwatch ?? unwatchFile;
  const listener = (curr: Stats): void => {
    // A zero mtime is how fs.watchFile says the file is gone (mid-replace, or deleted).
    if (curr.mtimeMs === 0 && curr.nlink === 0) {
      onError(`zoomtop demo: ${file}: the config file is gone; keeping the previous config until it is back`);
      return;
    }
    let config: DemoConfig;
    try {
      config = read(file);
    } catch (err) {
      onError(`zoomtop demo: ${(err as Error).message}; keeping the previous config`);
      return;
    }
    onConfig(config);
  };
  // Not persistent: the workers keep the process alive, and the watcher must not keep it after a stop.
  watch(file, { interval: intervalMs, persistent: false }, listener);
  return () => unwatch(file, listener);
}
