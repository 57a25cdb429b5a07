// GPU source: asks nvidia-smi for every GPU's usage and memory; says "unavailable" where there is none.
import { systemClock, type Clock } from '../../app/clock.js';
import type { GpuSample, Source, UnavailableSample } from '../types.js';
import { CommandError, defaultCommandRunner, type CommandRunner } from './command-runner.js';

export type GpuSourceOptions = {
  /** How often to query; default 5000 (spawning a program is the slowest read we do). */
  intervalMs?: number;
  /** Runs nvidia-smi; default defaultCommandRunner (execFile, no shell). */
  run?: CommandRunner;
  /** Time for sample stamps and the retry back-off; default systemClock. */
  clock?: Clock;
  /** nvidia-smi is killed after this long; default 3000. */
  commandTimeoutMs?: number;
  /** After an answer meaning "no GPU here", wait this long before spawning nvidia-smi again; default 60000. */
  retryMs?: number;
};

const NAME = 'gpu';
const NVIDIA_SMI = 'nvidia-smi';
const ARGS = [
  '--query-gpu=name,utilization.gpu,memory.used,memory.total',
  '--format=csv,noheader,nounits',
] as const;
const BYTES_PER_MIB = 1024 * 1024;

/** Reports one GpuSample per GPU, in nvidia-smi's order (index 0 first). */
export function createGpuSource(options: GpuSourceOptions = {}): Source {
  const run = options.run ?? defaultCommandRunner;
  const clock = options.clock ?? systemClock;
  const commandTimeoutMs = options.commandTimeoutMs ?? 3000;
  const retryMs = options.retryMs ?? 60_000;
  let noGpu: { reason: string; retryAtMs: number } | null = null;

  return {
    name: NAME,
    intervalMs: options.intervalMs ?? 5000,
    // Longer than the command's own kill timer, so a slow nvidia-smi fails with its own reason.
    timeoutMs: commandTimeoutMs + 1000,
    async read() {
      if (noGpu && clock.now() < noGpu.retryAtMs) return [unavailable(clock.now(), noGpu.reason)];
      let stdout: string;
      try {
        stdout = (await run(NVIDIA_SMI, ARGS, { timeoutMs: commandTimeoutMs })).stdout;
      } catch (error) {
        const reason = noGpuReason(error);
        if (reason === null) throw error;
        noGpu = { reason, retryAtMs: clock.now() + retryMs };
        return [unavailable(clock.now(), reason)];
      }
      noGpu = null;
      return parseNvidiaSmiCsv(stdout, clock.now());
    },
  };
}

/** Answers that mean "there is no usable GPU here" rather than "the query broke". */
function noGpuReason(error: unknown): string | null {
  if (!(error instanceof CommandError)) return null;
  if (error.kind === 'not-found') return 'no GPU found: nvidia-smi not installed';
  const output = `${error.output.stdout}\n${error.output.stderr}`;
  if (error.kind === 'exit' && /no devices were found/i.test(output)) return 'no GPU found: nvidia-smi found no devices';
  if (error.kind === 'exit' && /couldn't communicate with the nvidia driver/i.test(output)) {
    return 'no GPU usable: nvidia-smi cannot reach the NVIDIA driver';
  }
  return null;
}

/**
 * Parses `name, utilization.gpu, memory.used, memory.total` lines (csv, noheader, nounits).
 * Bracketed values ([N/A], [Not Supported]) become null, even all three: the GPU is there, its
 * figures are unknown. Anything else unreadable throws.
 */
export function parseNvidiaSmiCsv(stdout: string, atMs: number): GpuSample[] {
  const lines = stdout.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) throw new Error('nvidia-smi printed no GPU lines');
  return lines.map((line, index) => parseLine(line, index, atMs));
}

function parseLine(line: string, index: number, atMs: number): GpuSample {
  const fields = line.split(',').map((field) => field.trim());
  if (fields.length < 4) {
    throw new Error(
      `nvidia-smi line ${index + 1} is "${clip(line)}"; expected 4 fields: name, utilization.gpu, memory.used, memory.total`,
    );
  }
  // A name may itself contain commas: the last three fields are the figures.
  const name = fields.slice(0, -3).join(', ');
  const [usageText, usedText, totalText] = fields.slice(-3) as [string, string, string];
  const where = `nvidia-smi line ${index + 1} (${clip(name)})`;
  const usagePercent = parseFigure(usageText, `${where} utilization.gpu`, 100);
  const usedMiB = parseFigure(usedText, `${where} memory.used`, Infinity);
  const totalMiB = parseFigure(totalText, `${where} memory.total`, Infinity);
  return {
    kind: 'gpu',
    atMs,
    index,
    name,
    usagePercent,
    memoryUsedBytes: usedMiB === null ? null : usedMiB * BYTES_PER_MIB,
    memoryTotalBytes: totalMiB === null ? null : totalMiB * BYTES_PER_MIB,
  };
}

function parseFigure(text: string, where: string, max: number): number | null {
  if (/^\[.*\]$/.test(text)) return null;
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`${where} is "${clip(text)}", not a number${max === 100 ? ' from 0 to 100' : ' >= 0'}`);
  }
  return value;
}

function unavailable(atMs: number, reason: string): UnavailableSample {
  return { kind: 'unavailable', atMs, source: NAME, reason };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
