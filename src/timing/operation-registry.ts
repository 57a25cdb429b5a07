// The in-process store of per-operation timing: record on the hot path, rotate and read stats from the sampler tick.
import type { EndTimer, Recorder } from './recorder.js';
import type { OperationStats } from './types.js';
import type { CumulativeHistogram } from './cumulative-histogram.js';
import { OperationSeries } from './operation-series.js';
import { WindowSchedule, toOperationStats } from './stats-window.js';
import { startTimerWith, timedWith, type Stopwatch } from './timer.js';
import { BoundSeries, type SeriesHandle } from './series-handle.js';

export type OperationRegistryOptions = {
  /** Length of the sliding window the distribution fields describe, ms (kept as two half windows). @default 60000 */
  windowMs?: number;
  /** Most series kept, operation series and per-camera children together; calls for series beyond it are dropped and counted in droppedSeries. @default 1000 */
  maxSeries?: number;
  /** Start of the first window, ms since the epoch. @default the nowMs of the first rotate()/stats() call */
  startMs?: number;
  /** Monotonic ms reading used by startTimer/timed. @default performance.now() */
  stopwatch?: Stopwatch;
};

/** Milliseconds one camera cost inside the window, all operations together. */
export type CameraCost = { camera: string; totalMs: number; windowCount: number };

export type CameraOperationStats = OperationStats & { camera: string };

/** Counts since start or clear of one series (camera null: the operation's own series), for exports. */
export type OperationTotals = {
  component: string;
  operation: string;
  camera: string | null;
  errors: number;
  /** The series' buckets as of this totals() call; the same object per series on every call, so read it now. */
  histogram: Readonly<Pick<CumulativeHistogram, 'counts' | 'count' | 'sumMs'>>;
};

export type { SeriesHandle };


export class OperationRegistry implements Recorder {
  readonly windowMs: number;
  readonly maxSeries: number;
  /** Calls dropped because their series would exceed maxSeries. */
  droppedSeries = 0;
  /** Calls dropped for a negative, NaN or infinite duration (or error count). */
  invalidRecords = 0;
  private readonly components = new Map<string, Map<string, OperationSeries>>();
  private readonly schedule: WindowSchedule;
  private readonly stopwatch: Stopwatch | undefined;
  private seriesCount = 0;
  private gen = 0;
  private readonly boundRecord = this.record.bind(this);

  constructor(options: OperationRegistryOptions = {}) {
    const { windowMs = 60_000, maxSeries = 1000, startMs, stopwatch } = options;
    if (!Number.isFinite(windowMs) || windowMs < 2) {
      throw new Error(`OperationRegistry: windowMs must be a finite number of ms >= 2, got ${windowMs}; the default is 60000`);
    }
    if (!Number.isInteger(maxSeries) || maxSeries < 1) {
      throw new Error(`OperationRegistry: maxSeries must be a whole number >= 1, got ${maxSeries}; the default is 1000`);
    }
    if (startMs !== undefined && !Number.isFinite(startMs)) {
      throw new Error(`OperationRegistry: startMs must be a finite ms timestamp, got ${startMs}; omit it to start at the first rotate()`);
    }
    this.windowMs = windowMs;
    this.maxSeries = maxSeries;
    this.schedule = new WindowSchedule(windowMs, startMs);
    this.stopwatch = stopwatch;
  }

  /** Series held now, operation series and per-camera children together. */
  get size(): number {
    return this.seriesCount;
  }

  /** Bumped by clear(); bound handles re-resolve their series when it moves. */
  get generation(): number {
    return this.gen;
  }

  record(component: string, operation: string, durationMs: number, success = true): void {
    if (!(durationMs >= 0 && durationMs < Infinity)) {
      this.invalidRecords++;
      return;
    }
    const series = this.resolve(component, operation);
    if (series !== undefined) series.record(durationMs, success);
  }

  /** Records into the operation series and into its per-camera child. */
  recordForCamera(component: string, operation: string, camera: string, durationMs: number, success = true): void {
    if (!(durationMs >= 0 && durationMs < Infinity)) {
      this.invalidRecords++;
      return;
    }
    const series = this.resolve(component, operation);
    if (!series) return;
    series.record(durationMs, success);
    this.cameraChild(series, camera)?.record(durationMs, success);
  }

  /** Counts n failures of a series without a duration (StatsD error counters). */
  recordError(component: string, operation: string, n = 1, camera?: string): void {
    if (!(n > 0 && n < Infinity)) {
      this.invalidRecords++;
      return;
    }
    const series = this.resolve(component, operation);
    if (!series) return;
    series.recordError(n);
    if (camera !== undefined) this.cameraChild(series, camera)?.recordError(n);
  }

  series(component: string, operation: string): SeriesHandle {
    return new BoundSeries(this, component, operation);
  }

  startTimer(component: string, operation: string): EndTimer {
    return startTimerWith(this.boundRecord, component, operation, this.stopwatch);
  }

  timed<T>(component: string, operation: string, fn: () => T): T {
    return timedWith(this.boundRecord, component, operation, fn, this.stopwatch);
  }

  /** Advances the window to nowMs; call it from the sampler tick (stats() and cameraCosts() call it too). */
  rotate(nowMs: number): void {
    if (!Number.isFinite(nowMs)) {
      throw new Error(`OperationRegistry.rotate: nowMs must be a finite ms timestamp, got ${nowMs}`);
    }
    const step = this.schedule.advance(nowMs);
    for (const operations of this.components.values()) {
      for (const series of operations.values()) {
        if (step !== 'none') forSelfAndCameras(series, step === 'shift' ? shift : clearWindow);
        series.noteChange(nowMs);
      }
    }
  }

  /** Statistics of every operation series at nowMs, sorted by component then operation. */
  stats(nowMs: number): OperationStats[] {
    this.rotate(nowMs);
    const window = this.schedule.describe(nowMs);
    const out: OperationStats[] = [];
    for (const [component, operations] of this.components) {
      for (const [operation, series] of operations) out.push(toOperationStats(component, operation, series, window));
    }
    return out.sort((a, b) => compare(a.component, b.component) || compare(a.operation, b.operation));
  }

  /** Statistics of every per-camera child series, sorted by component, operation, camera. */
  cameraStats(nowMs: number): CameraOperationStats[] {
    this.rotate(nowMs);
    const window = this.schedule.describe(nowMs);
    const out: CameraOperationStats[] = [];
    for (const [component, operations] of this.components) {
      for (const [operation, series] of operations) {
        for (const [camera, child] of series.cameras ?? []) {
          out.push({ ...toOperationStats(component, operation, child, window), camera });
        }
      }
    }
    return out.sort(
      (a, b) => compare(a.component, b.component) || compare(a.operation, b.operation) || compare(a.camera, b.camera),
    );
  }

  /** Per-camera milliseconds spent inside the window across all operations, most expensive first. */
  cameraCosts(nowMs: number): CameraCost[] {
    this.rotate(nowMs);
    const costs = new Map<string, CameraCost>();
    for (const operations of this.components.values()) {
      for (const series of operations.values()) {
        for (const [camera, child] of series.cameras ?? []) {
          const cost = costs.get(camera) ?? { camera, totalMs: 0, windowCount: 0 };
          cost.totalMs += child.windowSumMs();
          cost.windowCount += child.windowCount();
          costs.set(camera, cost);
        }
      }
    }
    return [...costs.values()].sort((a, b) => b.totalMs - a.totalMs || compare(a.camera, b.camera));
  }

  /** Totals of every series, each operation followed by its cameras, sorted like stats() then by camera. */
  totals(): OperationTotals[] {
    const out: OperationTotals[] = [];
    for (const [component, operations] of this.components) {
      for (const [operation, series] of operations) {
        out.push({ component, operation, camera: null, errors: series.errors, histogram: series.totals() });
        for (const [camera, child] of series.cameras ?? []) {
          out.push({ component, operation, camera, errors: child.errors, histogram: child.totals() });
        }
      }
    }
    return out.sort(
      (a, b) =>
        compare(a.component, b.component) ||
        compare(a.operation, b.operation) ||
        (a.camera === null ? -1 : b.camera === null ? 1 : compare(a.camera, b.camera)),
    );
  }

  /** When a rotation last saw the series' count or errors change; null when never or unknown. */
  lastUpdateMs(component: string, operation: string): number | null {
    return this.components.get(component)?.get(operation)?.lastChangeMs ?? null;
  }

  /** Forgets one component's series, or all of them (totals included). */
  clear(component?: string): void {
    if (component === undefined) {
      for (const operations of this.components.values()) retireAll(operations);
      this.components.clear();
      this.seriesCount = 0;
      this.droppedSeries = 0;
      this.invalidRecords = 0;
    } else {
      const operations = this.components.get(component);
      if (!operations) return;
      retireAll(operations);
      for (const series of operations.values()) this.seriesCount -= 1 + (series.cameras?.size ?? 0);
      this.components.delete(component);
    }
    this.gen++;
  }

  /** Finds or creates a series; undefined (and counted) when the cap forbids a new one. */
  resolve(component: string, operation: string): OperationSeries | undefined {
    let operations = this.components.get(component);
    // Strict comparisons with undefined: pointer compares, where `?.` and truthiness tests check more.
    const found = operations === undefined ? undefined : operations.get(operation);
    if (found !== undefined) return found;
    if (this.seriesCount >= this.maxSeries) {
      this.droppedSeries++;
      return undefined;
    }
    if (operations === undefined) {
      operations = new Map();
      this.components.set(component, operations);
    }
    const series = new OperationSeries();
    operations.set(operation, series);
    this.seriesCount++;
    return series;
  }

  private cameraChild(series: OperationSeries, camera: string): OperationSeries | undefined {
    const found = series.cameras?.get(camera);
    if (found) return found;
    if (this.seriesCount >= this.maxSeries) {
      this.droppedSeries++;
      return undefined;
    }
    const child = new OperationSeries();
    (series.cameras ??= new Map()).set(camera, child);
    this.seriesCount++;
    return child;
  }
}

const shift = (series: OperationSeries): void => series.shift();
const clearWindow = (series: OperationSeries): void => series.clearWindow();
const retire = (series: OperationSeries): void => void (series.retired = true);

/** Marks dropped series, so handles bound to them look their series up again (see BoundSeries). */
function retireAll(operations: Map<string, OperationSeries>): void {
  for (const series of operations.values()) forSelfAndCameras(series, retire);
}

function forSelfAndCameras(series: OperationSeries, fn: (series: OperationSeries) => void): void {
  fn(series);
  for (const child of series.cameras?.values() ?? []) fn(child);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
