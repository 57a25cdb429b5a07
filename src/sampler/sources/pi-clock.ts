// CPU clock source: cpu0's current frequency against its maximum, from cpufreq (a capped Pi runs below its maximum).
import { systemClock, type Clock } from '../../app/clock.js';
import type { CpuClockSample, Source, UnavailableSample } from '../types.js';
import { isMissing, procFiles } from './proc-files.js';

export type PiClockSourceOptions = {
  /** Default 2000. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** Where sys/devices/system/cpu is read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Default systemClock. */
  clock?: Clock;
};

export const PI_CLOCK_SOURCE = 'pi-clock';
const CPUFREQ_DIR = 'sys/devices/system/cpu/cpu0/cpufreq';

/** One CpuClockSample per read; `unavailable` where the kernel has no cpufreq driver (VMs, most containers). */
export function createPiClockSource(options: PiClockSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;

  async function readKhz(file: string): Promise<number> {
    const path = `${CPUFREQ_DIR}/${file}`;
    return parseKhz(await files.readText(path), files.where(path));
  }

  return {
    name: PI_CLOCK_SOURCE,
    intervalMs: options.intervalMs ?? 2000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read(): Promise<(CpuClockSample | UnavailableSample)[]> {
      let currentKhz: number;
      let maxKhz: number;
      try {
        [currentKhz, maxKhz] = await Promise.all([readKhz('scaling_cur_freq'), readKhz('cpuinfo_max_freq')]);
      } catch (error) {
        if (!isMissing(error)) throw error;
        const reason = `no CPU clock: ${files.where(CPUFREQ_DIR)} is absent (no cpufreq driver: a VM or container?)`;
        return [{ kind: 'unavailable', atMs: clock.now(), source: PI_CLOCK_SOURCE, reason }];
      }
      if (maxKhz <= 0) throw new Error(`${files.where(`${CPUFREQ_DIR}/cpuinfo_max_freq`)} is 0; a maximum clock must be positive`);
      return [{ kind: 'cpu-clock', atMs: clock.now(), currentHz: currentKhz * 1000, maxHz: maxKhz * 1000 }];
    },
  };
}

/** cpufreq files hold kHz as a decimal integer, e.g. "1500000". */
export function parseKhz(text: string, where = 'cpufreq file'): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) throw new Error(`${where} is "${trimmed.slice(0, 40)}", not a frequency in kHz (an integer)`);
  return Number(trimmed);
}
