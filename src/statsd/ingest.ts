// Applies StatsD datagrams: timers and error counters to an operation registry, the rest to bounded maps.
import type { OperationRegistry } from '../timing/operation-registry.js';
import { parseDatagram, parseLine, previewLine } from './parse.js';
import { MAX_DATAGRAM_BYTES, REJECT_REASONS, type RejectReason, type StatsdMetric, type StatsdReject } from './metric.js';
import { TimerLineCache, type TimerTarget } from './timer-line-cache.js';

export type StatsdIngestOptions = {
  /** Where timers and `<component>.<operation>.errors` counters go. */
  registry: Pick<OperationRegistry, 'record' | 'recordForCamera' | 'recordError'>;
  /** Most distinct counter, gauge and set keys kept; updates for new keys beyond it are dropped and counted. @default 1000 */
  maxNames?: number;
  /** Most distinct members remembered per set. @default 10000 */
  maxSetMembers?: number;
  /** How many recent rejected lines are kept for display. @default 20 */
  keepRejects?: number;
};

/** A gauge or counter keyed by name and, when tagged, camera. */
export type StatsdValue = { name: string; camera: string | null; value: number; atMs: number };

export type IngestCounts = {
  datagrams: number;
  /** Non-empty lines seen (metrics + rejected; an oversized datagram counts as one). */
  lines: number;
  metrics: number;
  rejected: number;
  rejectsByReason: Record<RejectReason, number>;
  /** Counter/gauge/set updates dropped because maxNames was reached. */
  droppedNames: number;
};

const ERRORS_SUFFIX = '.errors';

/**
 * Splits a metric name into component and operation at the LAST dot: `camera.cam1.capture` ->
 * `camera.cam1` / `capture`. A name without an inner dot (`latency`, `.x`, `x.`) is component = name,
 * operation = 'value'.
 */
export function splitName(name: string): [component: string, operation: string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return [name, 'value'];
  return [name.slice(0, dot), name.slice(dot + 1)];
}

export class StatsdIngest {
  readonly counters = new Map<string, StatsdValue>();
  readonly gauges = new Map<string, StatsdValue>();
  readonly sets = new Map<string, Set<string>>();
  readonly counts: IngestCounts;
  /** The most recent rejected lines, oldest first. */
  readonly recentRejects: StatsdReject[] = [];
  private readonly registry: StatsdIngestOptions['registry'];
  private readonly maxNames: number;
  private readonly maxSetMembers: number;
  private readonly keepRejects: number;
  /** Timer lines seen before (name and tags, without the value), so a repeat skips the parser. */
  private readonly timerLines: TimerLineCache;

  constructor(options: StatsdIngestOptions) {
    this.registry = options.registry;
    this.maxNames = options.maxNames ?? 1000;
    this.maxSetMembers = options.maxSetMembers ?? 10_000;
    this.keepRejects = options.keepRejects ?? 20;
    this.timerLines = new TimerLineCache();
    const rejectsByReason = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
    this.counts = { datagrams: 0, lines: 0, metrics: 0, rejected: 0, rejectsByReason, droppedNames: 0 };
  }

  /**
   * Parses and applies one datagram received at nowMs; what it held shows in counts. A Buffer (as the socket gives
   * it) is read line by line from its bytes, so a timer line seen before costs no string, object or name hashing.
   */
  ingest(datagram: string | Buffer, nowMs: number): void {
    this.counts.datagrams++;
    if (typeof datagram === 'string' || datagram.length > MAX_DATAGRAM_BYTES) {
      const result = parseDatagram(datagram);
      this.counts.lines += result.metrics.length + result.rejects.length;
      for (const metric of result.metrics) this.apply(metric, nowMs);
      for (const reject of result.rejects) this.reject(reject);
      return;
    }
    const length = datagram.length;
    let start = 0;
    while (start < length) {
      const target = this.timerLines.match(datagram, start, length);
      if (target === undefined) {
        start = this.ingestLine(datagram, start, nowMs);
        continue;
      }
      this.counts.lines++;
      this.recordTimer(target, this.timerLines.valueMs);
      start = this.timerLines.nextStart;
    }
  }

  /** The full parser for a line the cache does not know; returns where the next line starts. */
  private ingestLine(bytes: Buffer, start: number, nowMs: number): number {
    // Lines split as parseDatagram splits them: at '\n', without a trailing '\r', empty ones skipped.
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const lineEnd = end > start && bytes[end - 1] === 13 ? end - 1 : end;
    if (lineEnd === start) return end + 1;
    this.counts.lines++;
    const line = bytes.toString('utf8', start, lineEnd);
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      this.reject({ reason: parsed, line: previewLine(line) });
    } else if (parsed.kind === 'timer') {
      // The same strings go to the registry and the cache, so later lookups compare them by identity.
      const target = timerTarget(parsed);
      this.recordTimer(target, parsed.valueMs);
      this.timerLines.remember(bytes, start, lineEnd, target);
    } else {
      this.apply(parsed, nowMs);
    }
    return end + 1;
  }

  private reject(reject: StatsdReject): void {
    this.counts.rejected++;
    this.counts.rejectsByReason[reject.reason]++;
    this.recentRejects.push(reject);
    if (this.recentRejects.length > this.keepRejects) this.recentRejects.shift();
  }

  /** Applies one parsed metric received at nowMs. */
  apply(metric: StatsdMetric, nowMs: number): void {
    if (metric.kind === 'timer') return this.recordTimer(timerTarget(metric), metric.valueMs);
    this.counts.metrics++;
    const camera = metric.tags.get('camera') ?? null;
    switch (metric.kind) {
      case 'counter':
        if (metric.name.endsWith(ERRORS_SUFFIX) && metric.name.length > ERRORS_SUFFIX.length) {
          const [component, operation] = splitName(metric.name.slice(0, -ERRORS_SUFFIX.length));
          const n = Math.round(metric.value);
          if (n !== 0) this.registry.recordError(component, operation, n, camera ?? undefined);
          return;
        }
        this.update(this.counters, metric.name, camera, nowMs, (old) => old + metric.value);
        return;
      case 'gauge':
        this.update(this.gauges, metric.name, camera, nowMs, (old) => (metric.delta ? old + metric.value : metric.value));
        return;
      case 'set':
        this.addToSet(camera === null ? metric.name : keyOf(metric.name, camera), metric.member);
        return;
    }
  }

  private recordTimer(target: TimerTarget, valueMs: number): void {
    this.counts.metrics++;
    if (target.camera === null) this.registry.record(target.component, target.operation, valueMs, true);
    else this.registry.recordForCamera(target.component, target.operation, target.camera, valueMs, true);
  }

  private update(
    map: Map<string, StatsdValue>,
    name: string,
    camera: string | null,
    nowMs: number,
    next: (old: number) => number,
  ): void {
    const key = camera === null ? name : keyOf(name, camera);
    const entry = map.get(key);
    if (entry) {
      entry.value = next(entry.value);
      entry.atMs = nowMs;
    } else if (this.hasRoom()) {
      map.set(key, { name, camera, value: next(0), atMs: nowMs });
    }
  }

  private addToSet(key: string, member: string): void {
    let members = this.sets.get(key);
    if (!members) {
      if (!this.hasRoom()) return;
      members = new Set();
      this.sets.set(key, members);
    }
    if (members.size < this.maxSetMembers) members.add(member);
  }

  private hasRoom(): boolean {
    if (this.counters.size + this.gauges.size + this.sets.size < this.maxNames) return true;
    this.counts.droppedNames++;
    return false;
  }
}

function timerTarget(metric: StatsdMetric): TimerTarget {
  const [component, operation] = splitName(metric.name);
  return { component, operation, camera: metric.tags.get('camera') ?? null };
}

/** The map key of a camera-tagged value, written the way StatsD would tag it. */
export function keyOf(name: string, camera: string): string {
  return `${name}|#camera:${camera}`;
}
