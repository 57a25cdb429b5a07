// Pure frame scheduler: which camera frames are due at a given time, and which are dropped because the pipeline is busy.

/** A frame to process now: the index-th frame of the camera's grid, due at dueMs. */
export type DueFrame = { cameraId: string; index: number; dueMs: number };

type CameraState = {
  fps: number;
  /** When frame 0 of the current grid was due; the grid restarts when fps changes. */
  startMs: number;
  /** First grid index not yet seen by poll(). */
  nextIndex: number;
  busy: boolean;
  /** The newest frame that came due while busy, started when the camera's current frame completes. */
  waiting: DueFrame | null;
  droppedFrames: number;
};

/**
 * Frames come due on each camera's grid (every 1000/fps ms). Like a real capture queue one frame deep, a frame
 * due while that camera's previous frame is still being processed waits; a newer one replaces it and the
 * replaced (or skipped) frame counts as dropped. So an overloaded pipeline keeps the CPU busy and its achieved
 * fps falls, instead of idling until the next grid tick.
 */
export class FrameScheduler {
  private cameras = new Map<string, CameraState>();
  private untakenDrops = 0;

  /** Adds a camera, or changes its fps (its grid restarts at nowMs; a frame in flight stays in flight). */
  setCamera(cameraId: string, fps: number, nowMs: number): void {
    if (!(fps > 0)) throw new Error(`FrameScheduler: fps of camera "${cameraId}" must be > 0, got ${fps}`);
    const old = this.cameras.get(cameraId);
    if (old && old.fps === fps) return;
    this.cameras.set(cameraId, {
      fps,
      startMs: nowMs,
      nextIndex: 0,
      busy: old?.busy ?? false,
      waiting: null,
      droppedFrames: old?.droppedFrames ?? 0,
    });
  }

  /** Forgets a camera; a later complete() for it is ignored. */
  removeCamera(cameraId: string): void {
    this.cameras.delete(cameraId);
  }

  cameraIds(): string[] {
    return [...this.cameras.keys()];
  }

  /** Returns the frames to start at nowMs (at most one per camera) and counts the frames dropped meanwhile. */
  poll(nowMs: number): DueFrame[] {
    const started: DueFrame[] = [];
    for (const [cameraId, cam] of this.cameras) {
      const latest = Math.floor(((nowMs - cam.startMs) * cam.fps) / 1000 + 1e-9);
      if (latest < cam.nextIndex) continue;
      // Grid frames between the last one seen and the latest were never started: the timer came late.
      this.drop(cam, latest - cam.nextIndex);
      cam.nextIndex = latest + 1;
      const frame: DueFrame = { cameraId, index: latest, dueMs: this.dueMs(cam, latest) };
      if (!cam.busy) {
        cam.busy = true;
        started.push(frame);
      } else {
        if (cam.waiting) this.drop(cam, 1);
        cam.waiting = frame;
      }
    }
    return started;
  }

  /** Marks the camera's frame done; returns its waiting frame, which is started now, if any. */
  complete(cameraId: string): DueFrame | null {
    const cam = this.cameras.get(cameraId);
    if (!cam) return null;
    const next = cam.waiting;
    cam.waiting = null;
    cam.busy = next !== null;
    return next;
  }

  /** When the next grid frame of any camera comes due; null with no camera. */
  nextDueMs(): number | null {
    let next: number | null = null;
    for (const cam of this.cameras.values()) {
      const due = this.dueMs(cam, cam.nextIndex);
      if (next === null || due < next) next = due;
    }
    return next;
  }

  /** Frames dropped so far, per camera. */
  droppedFrames(cameraId: string): number {
    return this.cameras.get(cameraId)?.droppedFrames ?? 0;
  }

  /** Frames dropped by any camera since the last call (removed cameras included). */
  takeDroppedFrames(): number {
    const n = this.untakenDrops;
    this.untakenDrops = 0;
    return n;
  }

  private drop(cam: CameraState, n: number): void {
    cam.droppedFrames += n;
    this.untakenDrops += n;
  }

  private dueMs(cam: CameraState, index: number): number {
    return cam.startMs + (index * 1000) / cam.fps;
  }
}
