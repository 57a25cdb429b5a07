// Plays a recording: play, pause, step, seek by time, at a chosen speed; the frame shown is the one the operator saw then.
import { systemClock, type Clock } from '../app/clock.js';
import type { RecordingRecord } from './recording-types.js';
import { ReplayTimeline, type ReplayFrame } from './replay-timeline.js';

export type { ReplayFrame };

export type ReplayOptions = {
  /** Recording ms per wall ms: 4 plays a minute in 15 s. @default 1 */
  speed?: number;
  /** Wall time that drives playing. @default systemClock */
  clock?: Pick<Clock, 'now'>;
  /** Entries the alert log held. @default 100 */
  alertCapacity?: number;
};

export type ReplayState = {
  playing: boolean;
  speed: number;
  /** Recording time shown now, ms since the epoch. */
  positionMs: number;
  index: number;
  frameCount: number;
  startMs: number;
  endMs: number;
  /** Played to the last frame (playing stopped there). */
  ended: boolean;
};

export type Replay = {
  state(): ReplayState;
  /** The frame at the current position (the last frame at or before it). */
  current(): ReplayFrame;
  /** Plays from the current position; from the start again when at the end. */
  play(): void;
  pause(): void;
  toggle(): void;
  /** Pauses and moves n frames (negative: back), clamped to the recording. */
  step(n?: number): ReplayFrame;
  /** Moves to a recording time (clamped); keeps playing if it was. */
  seek(atMs: number): ReplayFrame;
  seekBy(deltaMs: number): ReplayFrame;
  setSpeed(speed: number): void;
  /** Wall ms until the next frame is due while playing (schedule a redraw then); null when paused or at the end. */
  msUntilNextFrame(): number | null;
};

export function checkSpeed(speed: number): number {
  if (typeof speed !== 'number' || !(speed > 0 && speed <= 1000)) {
    throw new Error(`replay speed ${String(speed)} must be a number above 0 and at most 1000, e.g. --speed 0.5, 1 or 4`);
  }
  return speed;
}

export function createReplay(records: readonly RecordingRecord[], options: ReplayOptions = {}): Replay {
  const clock = options.clock ?? systemClock;
  const timeline = new ReplayTimeline(records, options.alertCapacity ?? 100);
  const frames = timeline.frames;
  const first = frames[0];
  const last = frames[frames.length - 1];
  if (!first || !last) throw new Error('the recording has no frames; give a file written by zoomtop --record that ran at least one interval');
  const startMs = first.atMs;
  const endMs = last.atMs;
  let speed = checkSpeed(options.speed ?? 1);
  let playing = false;
  let anchorPosMs = startMs;
  let anchorWallMs = clock.now();
  let cached: { index: number; frame: ReplayFrame } | null = null;

  const position = (): number => {
    if (!playing) return anchorPosMs;
    const pos = anchorPosMs + (clock.now() - anchorWallMs) * speed;
    if (pos < endMs) return pos;
    // Reached the end: stop there, so the last frame stays on screen.
    playing = false;
    anchorPosMs = endMs;
    return endMs;
  };
  const moveTo = (pos: number): void => {
    anchorPosMs = Math.min(Math.max(pos, startMs), endMs);
    anchorWallMs = clock.now();
  };
  const index = (): number => indexAt(frames, position());
  const current = (): ReplayFrame => {
    const i = index();
    if (cached?.index !== i) cached = { index: i, frame: timeline.materialize(i) };
    return cached.frame;
  };

  return {
    state: () => {
      const positionMs = position();
      return { playing, speed, positionMs, index: indexAt(frames, positionMs), frameCount: frames.length, startMs, endMs, ended: positionMs >= endMs };
    },
    current,
    play() {
      if (playing) return;
      moveTo(anchorPosMs >= endMs ? startMs : anchorPosMs);
      playing = true;
    },
    pause() {
      moveTo(position());
      playing = false;
    },
    toggle() {
      if (playing) this.pause();
      else this.play();
    },
    step(n = 1) {
      const i = Math.min(Math.max(index() + Math.trunc(n), 0), frames.length - 1);
      playing = false;
      moveTo(frames[i]?.atMs ?? startMs);
      return current();
    },
    seek(atMs) {
      if (!Number.isFinite(atMs)) throw new Error(`replay: seek to ${atMs} is not a time; give ms since the epoch within the recording`);
      moveTo(atMs);
      return current();
    },
    seekBy(deltaMs) {
      return this.seek(position() + deltaMs);
    },
    setSpeed(next) {
      const checked = checkSpeed(next);
      moveTo(position());
      speed = checked;
    },
    msUntilNextFrame() {
      const pos = position();
      if (!playing) return null;
      const next = frames[indexAt(frames, pos) + 1];
      return next === undefined ? null : Math.max(0, (next.atMs - pos) / speed);
    },
  };
}

/** The last frame at or before pos (binary search); 0 before the first. */
function indexAt(frames: readonly { atMs: number }[], pos: number): number {
  let low = 0;
  let high = frames.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((frames[mid]?.atMs ?? Infinity) <= pos) low = mid;
    else high = mid - 1;
  }
  return low;
}
