// Raw samples as sources produce them, before the store keeps them.

/** What a source reports about its own health, shown in the sources view. */
export type SourceHealth =
  | { state: 'pending' }
  | { state: 'ok'; atMs: number }
  | { state: 'failed'; atMs: number; reason: string }
  | { state: 'unavailable'; reason: string };

export type SystemSample = {
  kind: 'system';
  atMs: number;
  /**
   * Whole-machine CPU busy %, all cores together (0..100); null on the first read, which only
   * primes the counters (a busy % needs two readings of the CPU counters).
   */
  cpuPercent: number | null;
  /** Used memory % of total (excluding caches and buffers). */
  memoryPercent: number;
  memoryUsedBytes: number;
  memoryTotalBytes: number;
};

export type ProcessSample = {
  kind: 'process';
  atMs: number;
  /** Role of the process on screen: zoomtop itself or the monitored app. */
  role: 'self' | 'app';
  pid: number;
  /** CPU % of one core; null on the first sample of a process (no interval to measure yet). */
  cpuPercent: number | null;
  rssBytes: number;
};

/** One GPU; a field the driver does not report ([N/A]) is null, never a made-up 0. */
export type GpuSample = {
  kind: 'gpu';
  atMs: number;
  /** Position in nvidia-smi's listing (0 for the first GPU). */
  index: number;
  name: string;
  usagePercent: number | null;
  memoryUsedBytes: number | null;
  memoryTotalBytes: number | null;
};

/** A source that cannot be read says so instead of reporting zeros. */
export type UnavailableSample = {
  kind: 'unavailable';
  atMs: number;
  source: string;
  reason: string;
  /** Set by the process source when a watched process has exited, so the store can forget it without parsing `reason`. */
  process?: { role: 'self' | 'app'; pid: number };
};

/** Whole-machine disk throughput of whole disks (partitions and virtual devices left out). */
export type DiskSample = {
  kind: 'disk';
  atMs: number;
  /** Bytes per second over the real time since the previous read; null on the first read (no interval yet). */
  readBytesPerSec: number | null;
  writeBytesPerSec: number | null;
  /** The devices summed, e.g. ['mmcblk0', 'sda']. */
  devices: string[];
};

/** Whole-machine network throughput of every interface but loopback (unless asked). */
export type NetworkSample = {
  kind: 'network';
  atMs: number;
  /** Bytes per second over the real time since the previous read; null on the first read. */
  receivedBytesPerSec: number | null;
  sentBytesPerSec: number | null;
  interfaces: string[];
};

/** How many processes the machine runs and how many threads the watched process has. */
export type ProcessCountsSample = {
  kind: 'process-counts';
  atMs: number;
  /** Processes on the machine (numeric entries of /proc). */
  processCount: number;
  /** Threads of all processes together (from /proc/loadavg); null where unreadable. */
  systemThreadCount: number | null;
  /** The watched pid and its thread count; threadCount null when the pid is gone. */
  pid: number;
  threadCount: number | null;
};

/** The board as its device tree names it, e.g. "Raspberry Pi 4 Model B Rev 1.4". */
export type PiModelSample = {
  kind: 'pi-model';
  atMs: number;
  model: string;
  /** The model string starts with "Raspberry Pi"; other device-tree boards have no Pi firmware. */
  raspberryPi: boolean;
  /** Memory the firmware keeps for the GPU (`vcgencmd get_mem gpu`); null where it cannot be asked. */
  gpuMemoryBytes: number | null;
};

/** The SoC (or CPU package) temperature from one kernel thermal zone. */
export type ThermalSample = {
  kind: 'thermal';
  atMs: number;
  /** e.g. "thermal_zone0". */
  zone: string;
  /** The zone's type, e.g. "cpu-thermal" on a Pi, "x86_pkg_temp" on a PC. */
  zoneType: string;
  temperatureC: number;
};

/** The four conditions of the Pi firmware's get_throttled bit field. */
export type ThrottleFlags = {
  underVoltage: boolean;
  armFrequencyCapped: boolean;
  throttled: boolean;
  softTemperatureLimit: boolean;
};

/** The Pi firmware's throttling flags, decoded: bits 0-3 hold now, bits 16-19 have held since boot. */
export type ThrottleSample = {
  kind: 'pi-throttle';
  atMs: number;
  raw: number;
  via: 'sysfs' | 'vcgencmd';
  now: ThrottleFlags;
  sinceBoot: ThrottleFlags;
};

/** The CPU clock now and its maximum (cpufreq of cpu0; a Pi's cores share one clock). */
export type CpuClockSample = {
  kind: 'cpu-clock';
  atMs: number;
  currentHz: number;
  maxHz: number;
};

/**
 * One watched process (--pid N or --process NAME). `running`: its figures now; `exited`: the
 * process it followed is gone (not an error); `missing`: nothing matches yet.
 */
export type ProcessTargetSample =
  | {
      kind: 'process-target';
      atMs: number;
      /** The target as the operator gave it: "--pid 1234" or "--process camera". */
      target: string;
      status: 'running';
      pid: number;
      /** The kernel's command name (/proc/<pid>/comm, at most 15 characters). */
      command: string;
      /** One letter and its word, e.g. "S (sleeping)". */
      state: string;
      /** CPU % of one core; null on the first sample of a pid (no interval yet). */
      cpuPercent: number | null;
      /** Null where the kernel reports none (kernel threads). */
      rssBytes: number | null;
      threadCount: number;
      /** Null when /proc/<pid>/fd cannot be listed (another user's process). */
      openFdCount: number | null;
      /** How many times a --process target moved to a new pid. */
      restartCount: number;
    }
  | { kind: 'process-target'; atMs: number; target: string; status: 'exited'; pid: number; command: string; exitedAtMs: number; restartCount: number }
  | { kind: 'process-target'; atMs: number; target: string; status: 'missing'; reason: string };

export type Sample =
  | SystemSample
  | ProcessSample
  | GpuSample
  | DiskSample
  | NetworkSample
  | ProcessCountsSample
  | PiModelSample
  | ThermalSample
  | ThrottleSample
  | CpuClockSample
  | ProcessTargetSample
  | UnavailableSample;

/** One thing the sampler reads, on its own interval. */
export type Source = {
  name: string;
  intervalMs: number;
  /** A read that takes longer is abandoned and counted as failed. */
  timeoutMs: number;
  read(): Promise<Sample[]>;
  close?(): void;
};
