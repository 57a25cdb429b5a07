// A clock that moves only when told to: the soak runs hours of the dashboard's time in seconds.
import type { Clock, TimerHandle } from '../../src/app/clock.js';

type Pending = { id: number; atMs: number; fn: () => void };

export class ManualClock implements Clock {
  private nowMs: number;
  private nextId = 1;
  private pending: Pending[] = [];

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.push({ id, atMs: this.nowMs + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  /** Moves time forward by ms, firing due timers in time order. */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (;;) {
      this.pending.sort((a, b) => a.atMs - b.atMs || a.id - b.id);
      const next = this.pending[0];
      if (!next || next.atMs > target) break;
      this.pending.shift();
      this.nowMs = next.atMs;
      next.fn();
    }
    this.nowMs = target;
  }

  /** Timers waiting; a number that grows with time is a leak. */
  get pendingCount(): number {
    return this.pending.length;
  }
}
