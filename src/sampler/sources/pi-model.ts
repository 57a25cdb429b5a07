// Pi model source: the board's device-tree model string and, on a Pi, the firmware's GPU memory split.
import { systemClock, type Clock } from '../../app/clock.js';
import type { PiModelSample, Source, UnavailableSample } from '../types.js';
import { CommandError, defaultCommandRunner, type CommandRunner } from './command-runner.js';
import { isMissing, procFiles, type ProcFiles } from './proc-files.js';

export type PiModelSourceOptions = {
  /** The model never changes and the split only with a reboot: default 60000. */
  intervalMs?: number;
  /** Where proc/device-tree/model is read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Runs `vcgencmd get_mem gpu`; default defaultCommandRunner (execFile, no shell). */
  run?: CommandRunner;
  /** vcgencmd is killed after this long; default 2000. */
  commandTimeoutMs?: number;
  /** Default systemClock. */
  clock?: Clock;
};

export const PI_MODEL_SOURCE = 'pi-model';
export const DEVICE_TREE_MODEL = 'proc/device-tree/model';
const BYTES_PER_MIB = 1024 * 1024;

/** The device-tree model string without its NUL terminator; null when there is no device tree. */
export async function readDeviceTreeModel(files: ProcFiles): Promise<string | null> {
  try {
    // The kernel exposes the property as stored: NUL-terminated.
    return (await files.readText(DEVICE_TREE_MODEL)).replace(/\0+$/, '').trim();
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** One PiModelSample per read; `unavailable` on machines without a device tree (PCs, containers). */
export function createPiModelSource(options: PiModelSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  const run = options.run ?? defaultCommandRunner;
  const commandTimeoutMs = options.commandTimeoutMs ?? 2000;
  // Asked until the firmware answers once; the answer holds until the next boot.
  let gpuMemoryBytes: number | null = null;
  let askGpuMemory = true;

  async function readGpuMemory(): Promise<void> {
    let stdout: string;
    try {
      stdout = (await run('vcgencmd', ['get_mem', 'gpu'], { timeoutMs: commandTimeoutMs })).stdout;
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      // Not installed: asking again cannot help. A timeout or an exit code: ask again on the next (slow) read.
      if (error.kind === 'not-found') askGpuMemory = false;
      return;
    }
    // An answer we cannot read will not change either; the model is still worth showing.
    gpuMemoryBytes = parseGpuMemory(stdout);
    askGpuMemory = false;
  }

  return {
    name: PI_MODEL_SOURCE,
    intervalMs: options.intervalMs ?? 60_000,
    timeoutMs: commandTimeoutMs + 1000,
    async read(): Promise<(PiModelSample | UnavailableSample)[]> {
      const model = await readDeviceTreeModel(files);
      if (model === null || model === '') {
        const reason = `not a Raspberry Pi: ${files.where(DEVICE_TREE_MODEL)} is ${model === null ? 'absent (no device tree)' : 'empty'}`;
        return [{ kind: 'unavailable', atMs: clock.now(), source: PI_MODEL_SOURCE, reason }];
      }
      const raspberryPi = /^Raspberry Pi\b/.test(model);
      if (raspberryPi && askGpuMemory) await readGpuMemory();
      return [{ kind: 'pi-model', atMs: clock.now(), model, raspberryPi, gpuMemoryBytes }];
    },
  };
}

/** `vcgencmd get_mem gpu` prints "gpu=76M" (MiB); null for anything else. */
export function parseGpuMemory(stdout: string): number | null {
  const match = /^gpu=(\d+)M$/.exec(stdout.trim());
  return match ? Number(match[1]) * BYTES_PER_MIB : null;
}
