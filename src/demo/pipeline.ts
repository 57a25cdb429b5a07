// The demo's main thread: schedules each enabled camera's frames, splits them into stripes for the pool, reports.
import { systemClock, type Clock, type TimerHandle } from '../app/clock.js';
import { STRIPE_PIXELS, scaledSize } from './calibrate.js';
import { cameraFps, type DemoCamera, type DemoConfig } from './demo-config.js';
import type { StripeJob, StripeResult } from './frame-work.js';
import { FrameScheduler, type DueFrame } from './scheduler.js';

/** The part of StatsdReporter the pipeline uses. */
export type DemoReporter = {
  recordForCamera(component: string, operation: string, camera: string, durationMs: number, success?: boolean): void;
  gauge(name: string, value: number): void;
  increment(name: string, n?: number): void;
};

/** Runs one stripe somewhere (the worker pool). */
export type StripeRunner = { runStripe(job: StripeJob): Promise<StripeResult> };

export type DemoPipelineOptions = {
  config: DemoConfig;
  /** Pixels processed per pixel configured, from calibration; fixed for the pipeline's life. */
  scale: number;
  runner: StripeRunner;
  reporter: DemoReporter;
  /** @default systemClock */
  clock?: Clock;
  /** Pixels per stripe job. @default STRIPE_PIXELS */
  stripePixels?: number;
  /** Period of the zoomcam.* gauges. @default 1000 */
  gaugeIntervalMs?: number;
  /** One line for the log (stderr of the child). @default writes to process.stderr */
  log?: (line: string) => void;
};

/** One enabled camera's frame geometry and its two reused frame buffers (current and previous alternate). */
type CameraRun = { width: number; height: number; buffers: readonly [SharedArrayBuffer, SharedArrayBuffer]; processed: number };

type FrameTotals = { captureMs: number; detectMs: number; encodeMs: number; failed: boolean };

export class DemoPipeline {
  private readonly scale: number;
  private readonly runner: StripeRunner;
  private readonly reporter: DemoReporter;
  private readonly clock: Clock;
  private readonly stripePixels: number;
  private readonly gaugeIntervalMs: number;
  private readonly log: (line: string) => void;
  private readonly scheduler = new FrameScheduler();
  private readonly runs = new Map<string, CameraRun>();
  /** The frame each camera has in flight; a frame of a camera removed meanwhile no longer completes it. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly settling = new Set<Promise<void>>();
  private config: DemoConfig;
  private startMs = 0;
  private frameTimer: TimerHandle | null = null;
  private gaugeTimer: TimerHandle | null = null;
  private window = { startMs: 0, frames: 0, frameMs: 0 };
  private stopped = false;

  constructor(options: DemoPipelineOptions) {
    this.config = options.config;
    this.scale = options.scale;
    this.runner = options.runner;
    this.reporter = options.reporter;
    this.clock = options.clock ?? systemClock;
    this.stripePixels = options.stripePixels ?? STRIPE_PIXELS;
    this.gaugeIntervalMs = options.gaugeIntervalMs ?? 1000;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  start(): void {
    this.startMs = this.clock.now();
    this.window = { startMs: this.startMs, frames: 0, frameMs: 0 };
    this.applyConfig(this.config);
    this.gaugeTimer = this.clock.setTimeout(() => this.reportGauges(), this.gaugeIntervalMs);
  }

  /** Applies a (re)loaded config: new cameras start, disabled ones stop, resolution and fps changes take effect. */
  applyConfig(config: DemoConfig): void {
    this.config = config;
    const nowMs = this.clock.now();
    const enabled = new Map(config.cameras.filter((camera) => camera.enabled).map((camera) => [camera.id, camera]));
    for (const id of this.runs.keys()) {
      if (enabled.has(id)) continue;
      this.runs.delete(id);
      this.inFlight.delete(id);
      this.scheduler.removeCamera(id);
    }
    for (const camera of enabled.values()) {
      const run = this.runs.get(camera.id);
      const size = scaledSize(camera.width, camera.height, this.scale);
      if (!run || run.width !== size.width || run.height !== size.height) this.runs.set(camera.id, newRun(size));
      this.scheduler.setCamera(camera.id, cameraFps(camera, config), nowMs);
    }
    this.armFrameTimer();
  }

  /** The processed frame size of an enabled camera (configured size times sqrt(scale)). */
  processedSize(cameraId: string): { width: number; height: number } | null {
    const run = this.runs.get(cameraId);
    return run ? { width: run.width, height: run.height } : null;
  }

  /** Stops scheduling and waits for the frames in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.frameTimer !== null) this.clock.clearTimeout(this.frameTimer);
    if (this.gaugeTimer !== null) this.clock.clearTimeout(this.gaugeTimer);
    this.frameTimer = this.gaugeTimer = null;
    await Promise.allSettled([...this.settling]);
  }

  private armFrameTimer(): void {
    if (this.frameTimer !== null) this.clock.clearTimeout(this.frameTimer);
    this.frameTimer = null;
    const nextMs = this.scheduler.nextDueMs();
    if (this.stopped || nextMs === null) return;
    this.frameTimer = this.clock.setTimeout(() => {
      this.frameTimer = null;
      for (const frame of this.scheduler.poll(this.clock.now())) this.startFrame(frame);
      this.armFrameTimer();
    }, Math.max(0, nextMs - this.clock.now()));
  }

  private startFrame(frame: DueFrame): void {
    const run = this.runs.get(frame.cameraId);
    if (!run) return;
    const jobs = this.stripeJobs(run, frame.dueMs - this.startMs);
    const done: Promise<void> = Promise.allSettled(jobs.map((job) => this.runner.runStripe(job))).then((settled) =>
      this.finishFrame(frame.cameraId, done, settled),
    );
    this.inFlight.set(frame.cameraId, done);
    this.settling.add(done);
  }

  private stripeJobs(run: CameraRun, sceneMs: number): StripeJob[] {
    const current = run.buffers[run.processed % 2]!;
    const previous = run.processed > 0 ? run.buffers[(run.processed + 1) % 2]! : null;
    run.processed++;
    const rowsPerStripe = Math.max(1, Math.floor(this.stripePixels / run.width));
    const jobs: StripeJob[] = [];
    for (let rowStart = 0; rowStart < run.height; rowStart += rowsPerStripe) {
      const rowEnd = Math.min(run.height, rowStart + rowsPerStripe);
      jobs.push({ current, previous, width: run.width, height: run.height, rowStart, rowEnd, sceneMs });
    }
    return jobs;
  }

  private finishFrame(cameraId: string, done: Promise<void>, settled: PromiseSettledResult<StripeResult>[]): void {
    this.settling.delete(done);
    const totals = sumStripes(settled);
    this.report(cameraId, totals);
    if (totals.failed) {
      const reason = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')?.reason as Error | undefined;
      if (!this.stopped) this.log(`zoomtop demo: a frame of camera ${cameraId} failed: ${reason?.message ?? 'unknown error'}`);
    }
    if (this.inFlight.get(cameraId) !== done) return;
    this.inFlight.delete(cameraId);
    const next = this.scheduler.complete(cameraId);
    if (next && !this.stopped) this.startFrame(next);
  }

  private report(cameraId: string, totals: FrameTotals): void {
    const ok = !totals.failed;
    this.reporter.recordForCamera('camera_manager', 'capture_frame', cameraId, totals.captureMs, ok);
    this.reporter.recordForCamera('motion_detector', 'detect', cameraId, totals.detectMs, ok);
    this.reporter.recordForCamera('encoder', 'encode', cameraId, totals.encodeMs, ok);
    if (!ok) return;
    this.window.frames++;
    this.window.frameMs += totals.captureMs + totals.detectMs + totals.encodeMs;
  }

  private reportGauges(): void {
    const nowMs = this.clock.now();
    const { startMs, frames, frameMs } = this.window;
    const elapsedSec = Math.max(1e-3, (nowMs - startMs) / 1000);
    this.reporter.gauge('zoomcam.fps', frames / elapsedSec);
    this.reporter.gauge('zoomcam.frame_time_ms', frames > 0 ? frameMs / frames : 0);
    this.reporter.gauge('zoomcam.cameras', this.config.cameras.length);
    this.reporter.gauge('zoomcam.cameras_active', this.config.cameras.filter((camera: DemoCamera) => camera.enabled).length);
    this.reporter.increment('zoomcam.dropped_frames', this.scheduler.takeDroppedFrames());
    this.window = { startMs: nowMs, frames: 0, frameMs: 0 };
    if (!this.stopped) this.gaugeTimer = this.clock.setTimeout(() => this.reportGauges(), this.gaugeIntervalMs);
  }
}

function newRun(size: { width: number; height: number }): CameraRun {
  const pixels = size.width * size.height;
  return { ...size, buffers: [new SharedArrayBuffer(pixels), new SharedArrayBuffer(pixels)], processed: 0 };
}

/** A frame's cost is the sum over its stripes: CPU time, not wall time, so it stays proportional to its pixels. */
function sumStripes(settled: PromiseSettledResult<StripeResult>[]): FrameTotals {
  const totals: FrameTotals = { captureMs: 0, detectMs: 0, encodeMs: 0, failed: false };
  for (const stripe of settled) {
    if (stripe.status === 'rejected') {
      totals.failed = true;
      continue;
    }
    totals.captureMs += stripe.value.captureMs;
    totals.detectMs += stripe.value.detectMs;
    totals.encodeMs += stripe.value.encodeMs;
  }
  return totals;
}
