// The "gpu" source for the dashboard: sysfs figures where the driver publishes them, else nvidia-smi, else "n/a" with both reasons.
import { systemClock, type Clock } from '../../app/clock.js';
import type { Sample, Source } from '../types.js';
import { defaultCommandRunner, type CommandRunner } from './command-runner.js';
import { createGpuSource } from './gpu.js';
import { readSysfsGpus } from './gpu-sysfs.js';
import { procFiles } from './proc-files.js';

export type AutoGpuSourceOptions = {
  /** Default 5000. Sysfs reads are cheap; nvidia-smi is spawned at most once per commandIntervalMs whatever this is. */
  intervalMs?: number;
  /** Where sys/class/drm is read from; default "/". */
  rootDir?: string;
  /** Runs nvidia-smi; default defaultCommandRunner (execFile, no shell, PATH lookup). */
  run?: CommandRunner;
  /** Default 5000: reads closer together than this repeat the last nvidia-smi outcome instead of spawning. */
  commandIntervalMs?: number;
  /** nvidia-smi is killed after this long; default 3000. */
  commandTimeoutMs?: number;
  /** After nvidia-smi says "no GPU here", wait this long before spawning it again; default 60000. */
  retryMs?: number;
  /** Default systemClock. */
  clock?: Clock;
};

export const GPU_SOURCE = 'gpu';

/** Named "gpu" so the store's GPU panel (and its "n/a: reason") follows it. */
export function createAutoGpuSource(options: AutoGpuSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  const commandIntervalMs = options.commandIntervalMs ?? 5000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 3000;
  const nvidia = createGpuSource({
    run: options.run ?? defaultCommandRunner,
    clock,
    commandTimeoutMs,
    retryMs: options.retryMs,
  });
  let last: { atMs: number; samples: Sample[] } | { atMs: number; error: unknown } | null = null;

  async function readNvidia(): Promise<Sample[]> {
    const nowMs = clock.now();
    if (last !== null && nowMs - last.atMs < commandIntervalMs) {
      if ('error' in last) throw last.error;
      // GPU figures already given are not repeated (the store would plot them twice); "n/a" is.
      return last.samples.filter((sample) => sample.kind === 'unavailable');
    }
    try {
      last = { atMs: nowMs, samples: await nvidia.read() };
    } catch (error) {
      last = { atMs: nowMs, error };
      throw error;
    }
    return last.samples;
  }

  return {
    name: GPU_SOURCE,
    intervalMs: options.intervalMs ?? 5000,
    timeoutMs: commandTimeoutMs + 1000,
    async read() {
      const sysfs = await readSysfsGpus(files, clock.now());
      if (sysfs.gpus.length > 0) return sysfs.gpus;
      const samples = await readNvidia();
      // Both ways failed: one "n/a" that says why for each, so the sources view explains it.
      return samples.map((sample) =>
        sample.kind === 'unavailable' ? { ...sample, source: GPU_SOURCE, reason: `${sample.reason}; sysfs: ${sysfs.reasons.join('; ')}` } : sample,
      );
    },
  };
}
