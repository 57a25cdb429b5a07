// Calibration of the demo's load: measure the per-pixel cost here, then choose the processing scale.
//
// The demo is a stand-in for ZoomCam that scales its load to the machine, so the example config saturates a
// fast PC and a Pi alike. At start it measures what one pixel of the three steps costs, then picks a scale s
// (pixels processed / pixels configured) so the shipped example config's enabled cameras would demand
// `targetLoad` of all cores (1.15 = 115 %). The operator's copy may have been lowered since; it then costs
// less, as it would on a real Pi. s stays fixed afterwards, so the work stays exactly proportional to
// width x height x fps: lowering a camera from 1920x1080 to 1280x720 cuts its cost to 44 %.
import { processStripe } from './frame-work.js';
import { cameraFps, type DemoConfig } from './demo-config.js';

/** Pixels per stripe job: large enough that per-job overhead (a message, a zlib stream) is ~1 %. */
export const STRIPE_PIXELS = 1 << 19;
/** The calibration frame: one full stripe, so it pays the same per-job overhead as the real work. */
export const REFERENCE_WIDTH = 1024;
export const REFERENCE_HEIGHT = STRIPE_PIXELS / REFERENCE_WIDTH;
/** Scales outside these bounds would mean tiny (meaningless) or huge (memory-hungry) frames. */
export const MIN_SCALE = 1 / 4096;
export const MAX_SCALE = 16;
export const DEFAULT_TARGET_LOAD = 1.15;
const MIN_SIDE_PX = 8;

export type ScaleInput = {
  /** Cost of capture + motion + encode per pixel, ns of one core. */
  nsPerPixel: number;
  /** Cores available to the pool. */
  cores: number;
  /** Fraction of all cores the start config should demand (1.15 = 115 %). */
  targetLoad: number;
  /** Pixels per second the start config asks for (enabled cameras, w x h x fps). */
  pixelsPerSec: number;
};

/** The scale s with pixelsPerSec * s * nsPerPixel = targetLoad * cores seconds of CPU per second, clamped. */
export function chooseScale({ nsPerPixel, cores, targetLoad, pixelsPerSec }: ScaleInput): number {
  if (!(pixelsPerSec > 0) || !(nsPerPixel > 0)) return 1;
  const scale = (targetLoad * cores * 1e9) / (pixelsPerSec * nsPerPixel);
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Pixels per second the enabled cameras of a config ask for. */
export function demandPixelsPerSec(config: DemoConfig): number {
  return config.cameras
    .filter((camera) => camera.enabled)
    .reduce((sum, camera) => sum + camera.width * camera.height * cameraFps(camera, config), 0);
}

/**
 * The frame actually processed for a configured width x height: both sides times sqrt(scale), so its pixel
 * count is scale x width x height (to rounding) with the same aspect and the same scene, smaller or larger.
 */
export function scaledSize(width: number, height: number, scale: number): { width: number; height: number } {
  const factor = Math.sqrt(scale);
  return {
    width: Math.max(MIN_SIDE_PX, Math.round(width * factor)),
    height: Math.max(MIN_SIDE_PX, Math.round(height * factor)),
  };
}

/** Reads ZOOMTOP_DEMO_LOAD (a fraction of the machine, e.g. 0.5); throws a one-line error when invalid. */
export function targetLoadFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env['ZOOMTOP_DEMO_LOAD'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_TARGET_LOAD;
  const load = Number(raw);
  if (!Number.isFinite(load) || load <= 0 || load > 4) {
    throw new Error(`ZOOMTOP_DEMO_LOAD: "${raw}" is not a load; use a fraction of the machine above 0 and at most 4, e.g. 0.5`);
  }
  return load;
}

/**
 * Runs the three steps on the reference frame for durationMs and returns the LOWEST cost per pixel in ns of the
 * frames after the first warmUpMs (the JIT is still compiling the loops then). The lowest, not the median:
 * frames are timed by the wall clock, so a busy machine's preemptions only ever add time, and a median
 * measured during someone else's build made the demo scale itself down to a load that raised no alert.
 * The pool runs it in every worker at once, so the figure includes what cores sharing caches cost each other.
 */
export function measureNsPerPixel(durationMs = 250, warmUpMs = 100, nowMs: () => number = () => performance.now()): number {
  const buffers = [new SharedArrayBuffer(STRIPE_PIXELS), new SharedArrayBuffer(STRIPE_PIXELS)] as const;
  const frameNsPerPixel = (i: number): number => {
    const result = processStripe(
      {
        current: buffers[i % 2]!,
        previous: i === 0 ? null : buffers[(i + 1) % 2]!,
        width: REFERENCE_WIDTH,
        height: REFERENCE_HEIGHT,
        rowStart: 0,
        rowEnd: REFERENCE_HEIGHT,
        sceneMs: i * 33,
      },
      nowMs,
    );
    return ((result.captureMs + result.detectMs + result.encodeMs) * 1e6) / STRIPE_PIXELS;
  };
  const startMs = nowMs();
  const samples: number[] = [];
  for (let i = 0; samples.length < 3 || nowMs() - startMs < durationMs; i++) {
    const cost = frameNsPerPixel(i);
    if (i >= 2 && nowMs() - startMs >= warmUpMs) samples.push(cost);
  }
  return Math.min(...samples);
}
