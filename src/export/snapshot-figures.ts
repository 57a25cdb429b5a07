// A snapshot without its chart histories: what a per-interval line or record needs (the histories repeat every line).
import type { GpuFigures, PiHealthFigures, Snapshot } from '../store/snapshot.js';

export type GpuReading =
  | { state: 'ok'; name: string; usagePercent: number | null; memoryUsedBytes: number | null; memoryTotalBytes: number | null }
  | Exclude<GpuFigures, { state: 'ok' }>;

type TemperatureFigures = PiHealthFigures['temperature'];
export type TemperatureReading = TemperatureFigures extends infer T ? (T extends { history: unknown } ? Omit<T, 'history'> : T) : never;
export type PiHealthReadings = Omit<PiHealthFigures, 'temperature'> & { temperature: TemperatureReading };

export type SnapshotFigures = Omit<Snapshot, 'cpu' | 'memory' | 'gpu' | 'pi'> & {
  cpu: { percent: number | null };
  memory: { percent: number | null; usedBytes: number | null; totalBytes: number | null };
  gpu: GpuReading;
  pi?: PiHealthReadings;
};

/** Drops the cpu, memory, gpu and temperature histories; every other field is kept (disk, network, process counts default to null). */
export function toSnapshotFigures(snapshot: Snapshot): SnapshotFigures {
  const { cpu, memory, gpu, disk, network, processCounts, pi, ...rest } = snapshot;
  const figures: SnapshotFigures = {
    ...rest,
    cpu: { percent: cpu.percent },
    memory: { percent: memory.percent, usedBytes: memory.usedBytes, totalBytes: memory.totalBytes },
    gpu: withoutHistory(gpu),
    disk: disk ?? null,
    network: network ?? null,
    processCounts: processCounts ?? null,
  };
  if (pi) figures.pi = { ...pi, temperature: temperatureWithoutHistory(pi.temperature) };
  return figures;
}

export function withoutHistory(gpu: GpuFigures): GpuReading {
  if (gpu.state !== 'ok') return gpu;
  const { history: _history, ...reading } = gpu;
  return reading;
}

function temperatureWithoutHistory(temperature: TemperatureFigures): TemperatureReading {
  if (temperature.state !== 'ok') return temperature;
  const { history: _history, ...reading } = temperature;
  return reading;
}
