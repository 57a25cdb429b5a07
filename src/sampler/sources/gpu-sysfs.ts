// GPU figures that AMD (and other DRM) drivers publish in sysfs: busy % and VRAM, read without spawning anything.
import { systemClock, type Clock } from '../../app/clock.js';
import type { GpuSample, Source, UnavailableSample } from '../types.js';
import { isMissing, procFiles, type ProcFiles } from './proc-files.js';

export type GpuSysfsSourceOptions = {
  /** Default 2000. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** Where sys/class/drm is read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Default systemClock. */
  clock?: Clock;
};

export const GPU_SYSFS_SOURCE = 'gpu-sysfs';
const DRM_DIR = 'sys/class/drm';

/** GPUs found, in card order, and for every card without figures the reason (for the "n/a" text). */
export type SysfsGpus = { gpus: GpuSample[]; reasons: string[] };

/** One GpuSample per DRM card with a busy-percent or VRAM file; `unavailable` with none. */
export function createGpuSysfsSource(options: GpuSysfsSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  return {
    name: GPU_SYSFS_SOURCE,
    intervalMs: options.intervalMs ?? 2000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read(): Promise<(GpuSample | UnavailableSample)[]> {
      const { gpus, reasons } = await readSysfsGpus(files, clock.now());
      if (gpus.length > 0) return gpus;
      return [{ kind: 'unavailable', atMs: clock.now(), source: GPU_SYSFS_SOURCE, reason: `no GPU figures in sysfs: ${reasons.join('; ')}` }];
    },
  };
}

/** Reads every /sys/class/drm/cardN; cards whose driver publishes no figures (Intel i915, a Pi's v3d) give a reason. */
export async function readSysfsGpus(files: ProcFiles, atMs: number): Promise<SysfsGpus> {
  let entries: string[];
  try {
    entries = await files.list(DRM_DIR);
  } catch (error) {
    if (isMissing(error)) return { gpus: [], reasons: [`${files.where(DRM_DIR)} is absent`] };
    throw error;
  }
  const cards = entries.filter((name) => /^card\d+$/.test(name)).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  if (cards.length === 0) return { gpus: [], reasons: [`${files.where(DRM_DIR)} has no card*`] };
  const gpus: GpuSample[] = [];
  const reasons: string[] = [];
  for (const card of cards) {
    const device = `${DRM_DIR}/${card}/device`;
    const driver = parseDriver(await optional(files, `${device}/uevent`));
    const [busy, used, total] = await Promise.all([
      optional(files, `${device}/gpu_busy_percent`),
      optional(files, `${device}/mem_info_vram_used`),
      optional(files, `${device}/mem_info_vram_total`),
    ]);
    if (busy === null && used === null && total === null) {
      reasons.push(`${card} (${driver}) has no gpu_busy_percent or mem_info_vram_* file`);
      continue;
    }
    gpus.push({
      kind: 'gpu',
      atMs,
      index: gpus.length,
      name: `${driver} ${card}`,
      usagePercent: busy === null ? null : parseFigure(busy, files.where(`${device}/gpu_busy_percent`), 100),
      memoryUsedBytes: used === null ? null : parseFigure(used, files.where(`${device}/mem_info_vram_used`), Infinity),
      memoryTotalBytes: total === null ? null : parseFigure(total, files.where(`${device}/mem_info_vram_total`), Infinity),
    });
  }
  return { gpus, reasons };
}

async function optional(files: ProcFiles, path: string): Promise<string | null> {
  try {
    return await files.readText(path);
  } catch (error) {
    // EINVAL/ENODEV: the driver has the file but the device cannot answer (powered down) — no figure either.
    const code = (error as NodeJS.ErrnoException).code;
    if (isMissing(error) || code === 'EINVAL' || code === 'ENODEV' || code === 'EBUSY') return null;
    throw error;
  }
}

/** The DRIVER= line of a device's uevent file, e.g. "amdgpu"; "unknown driver" without one. */
function parseDriver(uevent: string | null): string {
  return /^DRIVER=(.+)$/m.exec(uevent ?? '')?.[1]?.trim() ?? 'unknown driver';
}

function parseFigure(text: string, where: string, max: number): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value > max) {
    throw new Error(`${where} is "${trimmed.slice(0, 40)}", not an integer${max === 100 ? ' from 0 to 100' : ' >= 0'}`);
  }
  return value;
}
