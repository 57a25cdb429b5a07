// The Profiler: samples the machine into a bounded snapshot history, times operations, raises alerts and suggestions.
import { systemClock, type Clock, type TimerHandle } from '../app/clock.js';
import { DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES } from '../rules/default-rules.js';
import { AlertLog } from '../rules/alert-log.js';
import { RulesEngine, type RulesOutcome } from '../rules/rules-engine.js';
import type { AlertEntry, Suggestion } from '../rules/types.js';
import { createSampler, type Sampler } from '../sampler/sampler.js';
import type { Sample, SourceHealth } from '../sampler/types.js';
import type { Snapshot } from '../store/snapshot.js';
import { Store } from '../store/store.js';
import { OperationRegistry } from '../timing/operation-registry.js';
import type { EndTimer, Recorder } from '../timing/recorder.js';
import { toComponentMetrics, type ComponentMetrics } from './component-metrics.js';
import { ProfilerEmitter, type Listener, type ProfilerEvent } from './events.js';
import { serializeExport, toExportData, type ExportFormat } from './export.js';
import { GaugeStore } from './gauges.js';
import { MemoryTracker, type MemorySnapshot } from './memory-tracking.js';
import { checkWholeNumber, createDefaultSources, type ProfilerOptions } from './profiler-options.js';
import { completeBaseline, toSnapshotRecord, type SnapshotRecord } from './snapshot-record.js';
import { SnapshotHistory } from './snapshot-history.js';
import { summarize, type ProfilerSummary } from './summary.js';

export type StartOptions = {
  /** How often each default source is read and a snapshot taken, ms. @default 1000 */
  intervalMs?: number;
};

/** The longest a snapshot waits for the other sources' reads of its tick, ms (a quarter interval when that is shorter). */
const SNAPSHOT_WAIT_MS = 200;
/** The baseline's unknown figures are filled from snapshots this soon after it (see completeBaseline). */
const BASELINE_FILL_INTERVALS = 10;
const NO_STATSD: Snapshot['statsd'] = { enabled: false, address: null, lines: 0, rejected: 0 };

export class Profiler implements Recorder {
  readonly clock: Clock;
  /** Where record(), startTimer() and timed() go; share it with a StatsD ingest to merge both. */
  readonly registry: OperationRegistry;
  readonly maxSnapshots: number;
  private readonly options: ProfilerOptions;
  private readonly history: SnapshotHistory;
  private readonly gauges = new GaugeStore();
  private readonly emitter: ProfilerEmitter;
  private readonly memory: MemoryTracker;
  private rules: RulesEngine;
  private store: Store;
  private sampler: Sampler | null = null;
  private pendingSnapshot: TimerHandle | null = null;
  /** When the pacer delivered a tick whose snapshot is not taken yet; null when none is due. */
  private snapshotDueMs: number | null = null;
  /** Whether the due snapshot's first timer turn has passed (see ingest). */
  private turnPassed = false;
  private intervalMs: number | null = null;
  private baselineRecord: SnapshotRecord | undefined;
  private lastView: { snapshot: Snapshot; rules: RulesOutcome } | undefined;

  /** Creates nothing that runs: no timer, no read, until start(). */
  constructor(options: ProfilerOptions = {}) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.maxSnapshots = options.maxSnapshots ?? 1000;
    checkWholeNumber(this.maxSnapshots, 'Profiler: maxSnapshots', 1, 'The default is 1000.');
    this.registry =
      options.registry ??
      new OperationRegistry({ windowMs: options.statsWindowMs ?? 60_000, startMs: this.clock.now(), stopwatch: options.stopwatch });
    this.history = new SnapshotHistory(this.maxSnapshots);
    this.rules = this.newRules();
    this.store = new Store({ startedAtMs: this.clock.now() });
    this.emitter = new ProfilerEmitter(options.onListenerError ?? ((error) => queueMicrotask(() => { throw error; })));
    this.memory = new MemoryTracker({ port: options.heapProfiler });
  }

  get running(): boolean {
    return this.sampler !== null;
  }

  /** The first snapshot after start() (never taken at import or construction); undefined until then. */
  get baseline(): SnapshotRecord | undefined {
    return this.baselineRecord;
  }

  /** Starts sampling: reads every source now, then every intervalMs on a fixed grid (no drift). */
  start(options: StartOptions = {}): void {
    const intervalMs = options.intervalMs ?? 1000;
    if (typeof intervalMs !== 'number' || !Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new Error(`Profiler.start: intervalMs ${String(intervalMs)} is not a positive number of ms; the default is 1000`);
    }
    if (this.sampler) {
      if (intervalMs === this.intervalMs) return;
      throw new Error(`Profiler.start: already running every ${this.intervalMs} ms; call stop() before starting with intervalMs ${intervalMs}`);
    }
    const context = { intervalMs, clock: this.clock, rootDir: this.options.rootDir };
    const targets = this.options.processTargets ?? (() => [{ role: 'self' as const, pid: process.pid }]);
    const sources = this.options.sources ? this.options.sources(context) : createDefaultSources(context, targets, this.options.watch);
    const pacer = sources[0]?.name;
    if (pacer === undefined) throw new Error('Profiler: the sources option returned no source; give at least one (the first one paces the snapshots)');
    this.store = new Store({ startedAtMs: this.clock.now() });
    this.baselineRecord = undefined;
    const sampler = createSampler({
      clock: this.clock,
      sources,
      onSamples: (samples, source) => this.ingest(samples, source === pacer),
      onSettled: () => this.snapshotIfDue(),
      onHealth: this.options.onHealth,
    });
    this.sampler = sampler;
    this.intervalMs = intervalMs;
    sampler.start();
  }

  /** Stops sampling and closes the sources; history, statistics and alerts stay. Idempotent. */
  stop(): void {
    const sampler = this.sampler;
    this.sampler = null;
    if (this.pendingSnapshot !== null) this.clock.clearTimeout(this.pendingSnapshot);
    this.pendingSnapshot = null;
    this.snapshotDueMs = null;
    sampler?.stop();
  }

  record(component: string, operation: string, durationMs: number, success = true): void {
    this.registry.record(component, operation, durationMs, success);
  }

  startTimer(component: string, operation: string): EndTimer {
    return this.registry.startTimer(component, operation);
  }

  timed<T>(component: string, operation: string, fn: () => T): T {
    return this.registry.timed(component, operation, fn);
  }

  /** Sets an app figure: "fps", "frame_time_ms", "cameras", "cameras_active" fill the snapshot; any other name is kept and exported. */
  gauge(name: string, value: number): void {
    this.gauges.set(name, value);
  }

  /** Snapshots with atMs >= sinceMs (all when omitted), oldest first; at most maxSnapshots. */
  snapshots(sinceMs?: number): SnapshotRecord[] {
    return this.history.since(sinceMs);
  }

  latest(): SnapshotRecord | undefined {
    return this.history.latest();
  }

  componentMetrics(component: string): ComponentMetrics | undefined {
    const stats = this.registry.stats(this.clock.now());
    return toComponentMetrics(component, stats, (operation) => this.registry.lastUpdateMs(component, operation));
  }

  /** Averages, peaks and current values over the last `hours`; undefined when no snapshot falls in it. */
  summary(options: { hours?: number } = {}): ProfilerSummary | undefined {
    const nowMs = this.clock.now();
    return summarize(this.history.since(), {
      nowMs,
      hours: options.hours ?? 1,
      alerts: this.rules.log.list(),
      suggestionCount: this.rules.current().suggestions.length,
      componentCount: new Set(this.registry.stats(nowMs).map((s) => s.component)).size,
    });
  }

  /** Active suggestions, highest priority first; maxPriority 1 keeps only priority 1. */
  suggestions(options: { maxPriority?: number } = {}): Suggestion[] {
    const max = options.maxPriority ?? Infinity;
    return this.rules.current().suggestions.filter((s) => s.priority <= max).map((s) => ({ ...s, actionIds: [...s.actionIds] }));
  }

  /** The newest alert log entries first. */
  recentAlerts(limit = 20): AlertEntry[] {
    checkWholeNumber(limit, 'Profiler.recentAlerts: limit', 0, 'The default is 20.');
    return this.rules.log.list().slice(0, limit).map((entry) => ({ ...entry }));
  }

  startMemoryTracking(): Promise<void> {
    return this.memory.start();
  }

  stopMemoryTracking(): Promise<void> {
    return this.memory.stop();
  }

  /** Heap totals and the top allocation sites; undefined unless memory tracking is on. */
  memorySnapshot(): Promise<MemorySnapshot | undefined> {
    return this.memory.snapshot(this.clock.now());
  }

  /** Forgets one component's operations, or everything: operations, snapshots, alerts, suggestions, gauges. */
  clear(component?: string): void {
    this.registry.clear(component);
    if (component !== undefined) return;
    this.history.clear();
    this.gauges.clear();
    this.rules = this.newRules();
    this.lastView = undefined;
  }

  /** Everything above as JSON or YAML: every snapshot field, ISO times, units in key names. */
  exportMetrics(format: ExportFormat = 'json'): string {
    const nowMs = this.clock.now();
    const components = [...new Set(this.registry.stats(nowMs).map((s) => s.component))];
    const data = toExportData({
      nowMs,
      running: this.running,
      intervalMs: this.intervalMs,
      baseline: this.baselineRecord,
      snapshots: this.history.since(),
      components: components.flatMap((c) => this.componentMetrics(c) ?? []),
      suggestions: this.suggestions(),
      alerts: this.rules.log.list(),
      gauges: this.gauges.entries(),
      summary: this.summary(),
    });
    return serializeExport(data, format);
  }

  on<E extends ProfilerEvent>(event: E, listener: Listener<E>): () => void {
    return this.emitter.on(event, listener);
  }

  off<E extends ProfilerEvent>(event: E, listener: Listener<E>): void {
    this.emitter.off(event, listener);
  }

  /** The latest full snapshot and rules outcome, for a UI that draws more than the flat record. */
  current(): { snapshot: Snapshot; rules: RulesOutcome } | undefined {
    return this.lastView;
  }

  /** What the store holds now, with the rules' last outcome and no new evaluation: for a UI drawing between snapshots. */
  peek(): { snapshot: Snapshot; rules: RulesOutcome } {
    return { snapshot: this.buildSnapshot(this.clock.now()), rules: this.rules.current() };
  }

  /** The rules and their alert log, shared with a UI that logs its own events (applied actions) or clears the log. */
  get rulesEngine(): RulesEngine {
    return this.rules;
  }

  /** Each source's health as of its latest read (empty when not running), for a sources view. */
  sourceHealth(): Record<string, SourceHealth> {
    return this.sampler?.health() ?? {};
  }

  /** Changes one source's interval while running (the dashboard's +/- keys); throws for an unknown source. */
  setSourceInterval(source: string, intervalMs: number): void {
    this.sampler?.setInterval(source, intervalMs);
  }

  private newRules(): RulesEngine {
    const log = new AlertLog({ capacity: this.options.alertLogCapacity, mergeWindowMs: this.options.alertMergeWindowMs });
    return new RulesEngine(this.options.alertRules ?? DEFAULT_ALERT_RULES, this.options.suggestionRules ?? DEFAULT_SUGGESTION_RULES, log);
  }

  private ingest(samples: Sample[], fromPacer: boolean): void {
    this.store.ingest(samples);
    if (!fromPacer || this.snapshotDueMs !== null) return;
    this.snapshotDueMs = this.clock.now();
    this.turnPassed = false;
    // At least one timer turn later, so the sources whose timers fire on the same tick start their reads.
    this.pendingSnapshot = this.clock.setTimeout(() => {
      this.pendingSnapshot = null;
      this.turnPassed = true;
      this.snapshotIfDue();
    }, 0);
  }

  /**
   * Takes the due snapshot once no read is running, or when the wait is over. Waiting matters most for
   * the first frame: the process source's first CPU figure settles just after the pacer's, and a
   * snapshot taken without it shows placeholders for a whole interval.
   */
  private snapshotIfDue(): void {
    const dueMs = this.snapshotDueMs;
    if (dueMs === null || !this.turnPassed) return;
    const waitMs = Math.min(SNAPSHOT_WAIT_MS, (this.intervalMs ?? 1000) / 4);
    const waitedMs = this.clock.now() - dueMs;
    if ((this.sampler?.readsInFlight() ?? 0) > 0 && waitedMs < waitMs) {
      if (this.pendingSnapshot === null) {
        this.pendingSnapshot = this.clock.setTimeout(() => {
          this.pendingSnapshot = null;
          this.snapshotDueMs = null;
          this.takeSnapshot();
        }, waitMs - waitedMs);
      }
      return;
    }
    if (this.pendingSnapshot !== null) this.clock.clearTimeout(this.pendingSnapshot);
    this.pendingSnapshot = null;
    this.snapshotDueMs = null;
    this.takeSnapshot();
  }

  private buildSnapshot(nowMs: number): Snapshot {
    return this.store.snapshot(nowMs, {
      operations: this.registry.stats(nowMs),
      appFigures: this.gauges.appFigures(this.options.statsdGauges),
      statsd: this.options.statsdStatus?.() ?? NO_STATSD,
    });
  }

  private takeSnapshot(): void {
    const nowMs = this.clock.now();
    const snapshot = this.buildSnapshot(nowMs);
    const before = new Set(this.rules.current().suggestions.map((s) => s.id));
    const outcome = this.rules.evaluate(snapshot);
    this.lastView = { snapshot, rules: outcome };
    const record = toSnapshotRecord(snapshot);
    this.history.push(record);
    this.updateBaseline(record);
    this.emitter.emit('snapshot', record);
    for (const ruleId of outcome.raised) {
      const entry = outcome.alerts.find((a) => a.ruleId === ruleId);
      if (entry) this.emitter.emit('alert', { ...entry });
    }
    for (const suggestion of outcome.suggestions) {
      if (!before.has(suggestion.id)) this.emitter.emit('suggestion', { ...suggestion, actionIds: [...suggestion.actionIds] });
    }
  }

  private updateBaseline(record: SnapshotRecord): void {
    const baseline = this.baselineRecord;
    if (!baseline) this.baselineRecord = record;
    else if (record.atMs - baseline.atMs <= BASELINE_FILL_INTERVALS * (this.intervalMs ?? 1000)) {
      this.baselineRecord = completeBaseline(baseline, record);
    }
  }
}
