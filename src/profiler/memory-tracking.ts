// Heap totals and the top allocation sites, from V8's sampling heap profiler (the counterpart of Python's tracemalloc).

/** The parts of a V8 sampling heap profile this module reads. */
export type HeapProfileNode = {
  callFrame: { functionName: string; url: string; lineNumber: number };
  /** Sampled bytes allocated by this frame itself (not its callees) and still alive. */
  selfSize: number;
  id?: number;
  children: HeapProfileNode[];
};
export type HeapProfile = { head: HeapProfileNode; samples?: { size: number; nodeId: number }[] };

/** Drives a sampling heap profiler; the default talks to V8 through node:inspector. */
export type HeapProfilerPort = {
  start(samplingIntervalBytes: number): Promise<void>;
  profile(): Promise<HeapProfile>;
  stop(): Promise<void>;
};

export type HeapTotals = { rssBytes: number; heapTotalBytes: number; heapUsedBytes: number; externalBytes: number };

export type AllocationSite = {
  /** "file:line" (1-based line), or "(native)" style for frames without a script. */
  site: string;
  functionName: string;
  /** Estimated live bytes allocated here (sampled). */
  sizeBytes: number;
  /** Sampled allocations attributed here. */
  count: number;
};

export type MemorySnapshot = HeapTotals & {
  atMs: number;
  /** Live bytes the sampling profile accounts for, all sites together. */
  sampledBytes: number;
  siteCount: number;
  /** Largest sites first. */
  topAllocations: AllocationSite[];
};

export type MemoryTrackerOptions = {
  /** Default: V8's sampling heap profiler through a node:inspector session. */
  port?: HeapProfilerPort;
  /** Mean bytes between samples; smaller is more precise and slower. Default 32768 (V8's default). */
  samplingIntervalBytes?: number;
  /** Sites listed in a snapshot. Default 10 (as the original). */
  top?: number;
  /** Default process.memoryUsage(). */
  memoryUsage?: () => { rss: number; heapTotal: number; heapUsed: number; external: number };
};

export class MemoryTracker {
  private readonly port: HeapProfilerPort;
  private readonly samplingIntervalBytes: number;
  private readonly top: number;
  private readonly memoryUsage: NonNullable<MemoryTrackerOptions['memoryUsage']>;
  private active = false;

  constructor(options: MemoryTrackerOptions = {}) {
    this.port = options.port ?? inspectorHeapProfiler();
    this.samplingIntervalBytes = options.samplingIntervalBytes ?? 32_768;
    this.top = options.top ?? 10;
    this.memoryUsage = options.memoryUsage ?? (() => process.memoryUsage());
    if (!Number.isInteger(this.samplingIntervalBytes) || this.samplingIntervalBytes < 1) {
      throw new Error(`memory tracking: samplingIntervalBytes ${this.samplingIntervalBytes} is not a positive whole number; the default is 32768`);
    }
  }

  get tracking(): boolean {
    return this.active;
  }

  /** Starts sampling allocations; a second call while tracking does nothing. */
  async start(): Promise<void> {
    if (this.active) return;
    await this.port.start(this.samplingIntervalBytes);
    this.active = true;
  }

  async stop(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    await this.port.stop();
  }

  /** Heap totals and the top sites now; undefined when tracking is off (as the original). */
  async snapshot(atMs: number): Promise<MemorySnapshot | undefined> {
    if (!this.active) return undefined;
    const profile = await this.port.profile();
    const sites = aggregateSites(profile);
    const usage = this.memoryUsage();
    return {
      atMs,
      rssBytes: usage.rss,
      heapTotalBytes: usage.heapTotal,
      heapUsedBytes: usage.heapUsed,
      externalBytes: usage.external,
      sampledBytes: sites.reduce((sum, s) => sum + s.sizeBytes, 0),
      siteCount: sites.length,
      topAllocations: sites.slice(0, this.top),
    };
  }
}

/** Sums a profile tree by file:line (one site may appear under many call paths), largest first. */
export function aggregateSites(profile: HeapProfile): AllocationSite[] {
  const counts = new Map<number, number>();
  for (const sample of profile.samples ?? []) counts.set(sample.nodeId, (counts.get(sample.nodeId) ?? 0) + 1);
  const sites = new Map<string, AllocationSite>();
  const stack: HeapProfileNode[] = [profile.head];
  for (let node = stack.pop(); node; node = stack.pop()) {
    stack.push(...node.children);
    const count = node.id === undefined ? 0 : (counts.get(node.id) ?? 0);
    if (node.selfSize === 0 && count === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = url !== '' ? `${url}:${lineNumber + 1}` : functionName.startsWith('(') ? functionName : `(${functionName || 'native'})`;
    const site = sites.get(key) ?? { site: key, functionName, sizeBytes: 0, count: 0 };
    site.sizeBytes += node.selfSize;
    site.count += count;
    sites.set(key, site);
  }
  return [...sites.values()].sort((a, b) => b.sizeBytes - a.sizeBytes || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
}

/** The real profiler: one inspector session, opened on start and closed on stop (loaded only then). */
function inspectorHeapProfiler(): HeapProfilerPort {
  let session: import('node:inspector/promises').Session | null = null;
  return {
    async start(samplingInterval) {
      const { Session } = await import('node:inspector/promises');
      const opened = new Session();
      opened.connect();
      try {
        await opened.post('HeapProfiler.startSampling', { samplingInterval });
      } catch (error) {
        opened.disconnect();
        throw new Error(`memory tracking: the heap profiler did not start (${(error as Error).message})`);
      }
      session = opened;
    },
    async profile() {
      if (!session) throw new Error('memory tracking: not started; call startMemoryTracking() first');
      return (await session.post('HeapProfiler.getSamplingProfile')).profile as HeapProfile;
    },
    async stop() {
      const closing = session;
      session = null;
      if (!closing) return;
      try {
        await closing.post('HeapProfiler.stopSampling');
      } finally {
        closing.disconnect();
      }
    },
  };
}
