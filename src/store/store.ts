// The only place samples are kept: bounded histories and the latest reading of each source.
import type { Sample } from '../sampler/types.js';
import type { OperationStats } from '../timing/types.js';
import { PiHealthStore } from './pi-health.js';
import { RingBuffer } from './ring-buffer.js';
import type { AppFigures, DiskFigures, GpuFigures, NetworkFigures, ProcessCountFigures, ProcessFigures, ProcessTargetFigures, Snapshot } from './snapshot.js';

export type StoreOptions = {
  /** Samples kept per graph; a wide terminal shows at most this many. Default 600. */
  historyLength?: number;
  startedAtMs: number;
};

/** Read-only views of things kept elsewhere, pulled at snapshot time. */
export type SnapshotInputs = {
  operations: OperationStats[];
  appFigures: AppFigures;
  statsd: Snapshot['statsd'];
};

/** Readings averaged for zoomtop's own CPU % in the status line (5 s at the usual interval). */
const SELF_CPU_READINGS = 5;

function meanOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((sum, v) => sum + v, 0) / known.length;
}

export class Store {
  private readonly cpu: RingBuffer;
  private readonly memory: RingBuffer;
  private readonly gpuUsage: RingBuffer;
  private memoryUsedBytes: number | null = null;
  private memoryTotalBytes: number | null = null;
  private gpu: GpuFigures = { state: 'pending' };
  private self: ProcessFigures | null = null;
  /** zoomtop's own CPU readings: the kernel counts in 10 ms ticks, so one 1 s reading moves in whole percent. */
  private readonly selfCpu = new RingBuffer(SELF_CPU_READINGS);
  private app: ProcessFigures | null = null;
  private disk: DiskFigures | null = null;
  private network: NetworkFigures | null = null;
  private processCounts: ProcessCountFigures | null = null;
  private readonly pi: PiHealthStore;
  /** Keyed by the target as given; Map order keeps the order of first appearance. */
  private readonly processTargets = new Map<string, ProcessTargetFigures>();
  private readonly startedAtMs: number;

  constructor(options: StoreOptions) {
    const length = options.historyLength ?? 600;
    this.cpu = new RingBuffer(length);
    this.memory = new RingBuffer(length);
    this.gpuUsage = new RingBuffer(length);
    this.pi = new PiHealthStore(length);
    this.startedAtMs = options.startedAtMs;
  }

  ingest(samples: Sample[]): void {
    for (const sample of samples) {
      if (this.pi.ingest(sample)) continue;
      switch (sample.kind) {
        case 'system':
          // A priming read has no CPU figure yet: keep the graph honest with a gap, not a zero.
          this.cpu.push(sample.cpuPercent);
          this.memory.push(sample.memoryPercent);
          this.memoryUsedBytes = sample.memoryUsedBytes;
          this.memoryTotalBytes = sample.memoryTotalBytes;
          break;
        case 'process': {
          const figures = { pid: sample.pid, cpuPercent: sample.cpuPercent, rssBytes: sample.rssBytes, atMs: sample.atMs };
          if (sample.role === 'self') {
            this.selfCpu.push(sample.cpuPercent);
            this.self = { ...figures, recentCpuPercent: meanOf(this.selfCpu.toArray()) };
          } else this.app = figures;
          break;
        }
        case 'gpu':
          // One GPU panel: the first GPU, as nvidia-smi lists them.
          if (sample.index !== 0) break;
          this.gpuUsage.push(sample.usagePercent);
          this.gpu = {
            state: 'ok',
            name: sample.name,
            usagePercent: sample.usagePercent,
            memoryUsedBytes: sample.memoryUsedBytes,
            memoryTotalBytes: sample.memoryTotalBytes,
            history: [],
          };
          break;
        case 'disk':
          this.disk = { readBytesPerSec: sample.readBytesPerSec, writeBytesPerSec: sample.writeBytesPerSec, atMs: sample.atMs };
          break;
        case 'network':
          this.network = { receivedBytesPerSec: sample.receivedBytesPerSec, sentBytesPerSec: sample.sentBytesPerSec, atMs: sample.atMs };
          break;
        case 'process-counts':
          this.processCounts = {
            processCount: sample.processCount,
            threadCount: sample.threadCount,
            systemThreadCount: sample.systemThreadCount,
            atMs: sample.atMs,
          };
          break;
        case 'process-target': {
          const { kind: _kind, ...figures } = sample;
          this.processTargets.set(sample.target, figures);
          break;
        }
        case 'unavailable':
          if (sample.source === 'process-targets') this.processTargets.clear();
          if (sample.source === 'gpu') this.gpu = { state: 'unavailable', reason: sample.reason };
          // A source that stopped answering must not leave its last figures looking current.
          if (sample.source === 'disk') this.disk = null;
          if (sample.source === 'network') this.network = null;
          if (sample.source === 'process-counts') this.processCounts = null;
          if (sample.process?.role === 'app' && this.app?.pid === sample.process.pid) this.app = null;
          break;
      }
    }
  }

  snapshot(atMs: number, inputs: SnapshotInputs): Snapshot {
    const gpu: GpuFigures = this.gpu.state === 'ok' ? { ...this.gpu, history: this.gpuUsage.toArray() } : this.gpu;
    return {
      atMs,
      startedAtMs: this.startedAtMs,
      cpu: { percent: this.cpu.latest(), history: this.cpu.toArray() },
      memory: {
        percent: this.memory.latest(),
        usedBytes: this.memoryUsedBytes,
        totalBytes: this.memoryTotalBytes,
        history: this.memory.toArray(),
      },
      gpu,
      self: this.self,
      app: this.app,
      appFigures: inputs.appFigures,
      operations: inputs.operations,
      statsd: inputs.statsd,
      disk: this.disk,
      network: this.network,
      processCounts: this.processCounts,
      pi: this.pi.snapshot(),
      processTargets: [...this.processTargets.values()],
    };
  }
}
