// Applies parsed StatsD metrics: timers and error counters to an operation registry, the rest to bounded maps.
import type { OperationRegistry } from '../timing/operation-registry.js';
import { parseDatagram } from './parse.js';
import { REJECT_REASONS, type ParseResult, type RejectReason, type StatsdMetric, type StatsdReject } from './metric.js';

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

  constructor(options: StatsdIngestOptions) {
    this.registry = options.registry;
    this.maxNames = options.maxNames ?? 1000;
    this.maxSetMembers = options.maxSetMembers ?? 10_000;
    this.keepRejects = options.keepRejects ?? 20;
    const rejectsByReason = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
    this.counts = { datagrams: 0, lines: 0, metrics: 0, rejected: 0, rejectsByReason, droppedNames: 0 };
  }

  /** Parses and applies one datagram received at nowMs; returns what was parsed. */
  ingest(datagram: string | Buffer, nowMs: number): ParseResult {
    const result = parseDatagram(datagram);
    this.counts.datagrams++;
    this.counts.lines += result.metrics.length + result.rejects.length;
    for (const metric of result.metrics) this.apply(metric, nowMs);
    for (const reject of result.rejects) {
      this.counts.rejected++;
      this.counts.rejectsByReason[reject.reason]++;
      this.recentRejects.push(reject);
      if (this.recentRejects.length > this.keepRejects) this.recentRejects.shift();
    }
    return result;
  }

  apply(metric: StatsdMetric, nowMs: number): void {
    this.counts.metrics++;
    const camera = metric.tags.get('camera') ?? null;
    switch (metric.kind) {
      case 'timer': {
        const [component, operation] = splitName(metric.name);
        if (camera === null) this.registry.record(component, operation, metric.valueMs, true);
        else this.registry.recordForCamera(component, operation, camera, metric.valueMs, true);
        return;
      }
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

/** The map key of a camera-tagged value, written the way StatsD would tag it. */
export function keyOf(name: string, camera: string): string {
  return `${name}|#camera:${camera}`;
}
