// The per-frame work of the demo pipeline: synthetic capture, motion detection and zlib encoding of a band of rows.
import { deflateSync } from 'node:zlib';

/** Changed-pixel count and bounding box of a motion pass; the box is -1s when nothing changed. */
export type MotionResult = {
  changedPixels: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
};

/** One band of rows of one frame, as a worker receives it. Buffers are shared, so nothing is copied. */
export type StripeJob = {
  current: SharedArrayBuffer;
  /** The camera's previous frame; null for its first frame (no motion pass possible). */
  previous: SharedArrayBuffer | null;
  width: number;
  height: number;
  rowStart: number;
  rowEnd: number;
  /** Scene time of the frame: where the moving objects are. */
  sceneMs: number;
};

/** What one stripe cost and found. Durations are ms of this worker's time. */
export type StripeResult = MotionResult & {
  captureMs: number;
  detectMs: number;
  encodeMs: number;
  encodedBytes: number;
};

/** Pixel difference above which a pixel counts as changed; above the noise amplitude (0..7). */
export const MOTION_THRESHOLD = 24;

const BACKGROUND = 64;

const NO_MOTION: MotionResult = { changedPixels: 0, minX: -1, minY: -1, maxX: -1, maxY: -1 };

/**
 * Renders rows [rowStart, rowEnd) of a grayscale frame: a flat background with cheap noise and three moving
 * objects sized in proportion to the frame, so every resolution has the same per-pixel statistics (and so the
 * same per-pixel cost; a gradient would not: zlib's blocks would see more levels in a short frame).
 * Each row's noise is seeded by (sceneMs, y) so any split into stripes gives the same frame.
 */
export function renderRows(frame: Uint8Array, width: number, height: number, rowStart: number, rowEnd: number, sceneMs: number): void {
  const t = sceneMs / 1000;
  const rectW = Math.max(1, Math.round(width / 8));
  const rectH = Math.max(1, Math.round(height / 6));
  const rectX = Math.round(((t / 4) % 1) * (width + rectW)) - rectW;
  const rectY = Math.round(height / 5);
  const barW = Math.max(1, Math.round(width / 20));
  const barH = Math.max(1, Math.round(height / 4));
  const barX = Math.round(width * 0.7);
  const barY = Math.round((0.5 + 0.5 * Math.sin(t * 1.3)) * (height - barH));
  const radius = Math.max(1, Math.round(height / 10));
  const cx = width / 2 + (width / 3) * Math.cos(t / 1.5);
  const cy = height / 2 + (height / 3) * Math.sin(t / 1.1);
  for (let y = rowStart; y < rowEnd; y++) {
    const rowOffset = y * width;
    let r = rowSeed(sceneMs, y);
    for (let x = 0; x < width; x++) {
      r ^= r << 13;
      r ^= r >>> 17;
      r ^= r << 5;
      frame[rowOffset + x] = BACKGROUND + (r & 7);
    }
    if (y >= rectY && y < rectY + rectH) fillSpan(frame, rowOffset, width, rectX, rectX + rectW, 220);
    if (y >= barY && y < barY + barH) fillSpan(frame, rowOffset, width, barX, barX + barW, 200);
    const dy = y + 0.5 - cy;
    if (Math.abs(dy) < radius) {
      const half = Math.sqrt(radius * radius - dy * dy);
      fillSpan(frame, rowOffset, width, Math.round(cx - half), Math.round(cx + half), 180);
    }
  }
}

/** A well-mixed non-zero xorshift seed per (frame time, row): neighbouring rows must not repeat each other. */
function rowSeed(sceneMs: number, y: number): number {
  let h = Math.imul(Math.round(sceneMs) | 0, 0x9e3779b1) ^ Math.imul(y + 1, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h | 1;
}

function fillSpan(frame: Uint8Array, rowOffset: number, width: number, x0: number, x1: number, value: number): void {
  const from = Math.max(0, x0);
  const to = Math.min(width, x1);
  if (to > from) frame.fill(value, rowOffset + from, rowOffset + to);
}

/** Counts pixels of rows [rowStart, rowEnd) that differ by more than `threshold` and bounds them. */
export function detectMotion(
  current: Uint8Array,
  previous: Uint8Array,
  width: number,
  rowStart: number,
  rowEnd: number,
  threshold = MOTION_THRESHOLD,
): MotionResult {
  let changedPixels = 0;
  let minX = width;
  let maxX = -1;
  let minY = -1;
  let maxY = -1;
  for (let y = rowStart; y < rowEnd; y++) {
    const rowOffset = y * width;
    const before = changedPixels;
    for (let x = 0; x < width; x++) {
      const d = current[rowOffset + x]! - previous[rowOffset + x]!;
      if (d > threshold || d < -threshold) {
        changedPixels++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
      }
    }
    if (changedPixels !== before) {
      if (minY < 0) minY = y;
      maxY = y;
    }
  }
  return changedPixels === 0 ? { ...NO_MOTION } : { changedPixels, minX, minY, maxX, maxY };
}

/** Compresses rows [rowStart, rowEnd) with zlib level 1 (fast, like a live stream's encoder) and returns the size. */
export function encodeRows(frame: Uint8Array, width: number, rowStart: number, rowEnd: number): number {
  return deflateSync(frame.subarray(rowStart * width, rowEnd * width), { level: 1 }).length;
}

/** Runs the three steps on one stripe, timing each with `nowMs` (a monotonic ms clock). */
export function processStripe(job: StripeJob, nowMs: () => number = () => performance.now()): StripeResult {
  const current = new Uint8Array(job.current);
  const t0 = nowMs();
  renderRows(current, job.width, job.height, job.rowStart, job.rowEnd, job.sceneMs);
  const t1 = nowMs();
  const motion = job.previous
    ? detectMotion(current, new Uint8Array(job.previous), job.width, job.rowStart, job.rowEnd)
    : { ...NO_MOTION };
  const t2 = nowMs();
  const encodedBytes = encodeRows(current, job.width, job.rowStart, job.rowEnd);
  const t3 = nowMs();
  return { ...motion, captureMs: t1 - t0, detectMs: t2 - t1, encodeMs: t3 - t2, encodedBytes };
}
