// What the store hands to rules and views: one consistent picture of the machine at a moment.
import type { ProcessTargetSample, ThrottleFlags } from '../sampler/types.js';
import type { OperationStats } from '../timing/types.js';

/** A process as shown on screen. cpuPercent is of one core; null while its first interval is pending. */
export type ProcessFigures = {
  pid: number;
  cpuPercent: number | null;
  rssBytes: number;
  atMs: number;
  /** Mean CPU % of the last few readings, for a figure that should not flicker; zoomtop's own process only. */
  recentCpuPercent?: number | null;
};

export type GpuFigures =
  | { state: 'ok'; name: string; usagePercent: number | null; memoryUsedBytes: number | null; memoryTotalBytes: number | null; history: (number | null)[] }
  | { state: 'pending' }
  | { state: 'unavailable'; reason: string };

/** Figures the app reports about itself (StatsD gauges); null when it has not said. */
export type AppFigures = {
  fps: number | null;
  frameTimeMs: number | null;
  cameras: number | null;
  camerasActive: number | null;
};

/** Whole-machine throughput, bytes per second; null while the first interval is pending. */
export type DiskFigures = { readBytesPerSec: number | null; writeBytesPerSec: number | null; atMs: number };
export type NetworkFigures = { receivedBytesPerSec: number | null; sentBytesPerSec: number | null; atMs: number };
/** Processes on the machine, threads of the watched process (null when it is gone). */
export type ProcessCountFigures = { processCount: number; threadCount: number | null; systemThreadCount: number | null; atMs: number };

/** A figure that is measured, not measured yet, or not measurable here (and why: shown as "n/a"). */
export type Reading<T> = { state: 'pending' } | { state: 'unavailable'; reason: string } | ({ state: 'ok'; atMs: number } & T);

/** The Raspberry Pi health strip's figures; on other machines each part says why it is n/a. */
export type PiHealthFigures = {
  board: Reading<{ model: string; raspberryPi: boolean; gpuMemoryBytes: number | null }>;
  /** SoC temperature; history oldest first, null for a read that gave none. */
  temperature: Reading<{ celsius: number; zoneType: string; history: (number | null)[] }>;
  throttle: Reading<{ raw: number; via: 'sysfs' | 'vcgencmd'; now: ThrottleFlags; sinceBoot: ThrottleFlags }>;
  clock: Reading<{ currentHz: number; maxHz: number }>;
};

type WithoutKind<T> = T extends unknown ? Omit<T, 'kind'> : never;
/** A --pid / --process target as last read: running (figures), exited (when), or missing (why). */
export type ProcessTargetFigures = WithoutKind<ProcessTargetSample>;

export type Snapshot = {
  atMs: number;
  startedAtMs: number;
  cpu: { percent: number | null; history: (number | null)[] };
  memory: { percent: number | null; usedBytes: number | null; totalBytes: number | null; history: (number | null)[] };
  gpu: GpuFigures;
  self: ProcessFigures | null;
  app: ProcessFigures | null;
  appFigures: AppFigures;
  operations: OperationStats[];
  statsd: { enabled: boolean; address: string | null; lines: number; rejected: number };
  /** Optional so snapshots built elsewhere stay valid; the Store always fills them (null = no reading). */
  disk?: DiskFigures | null;
  network?: NetworkFigures | null;
  processCounts?: ProcessCountFigures | null;
  pi?: PiHealthFigures;
  /** In the order the targets were given. */
  processTargets?: ProcessTargetFigures[];
};
