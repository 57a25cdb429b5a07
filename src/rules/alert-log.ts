// The bounded alert log: newest first, a repeat of the same rule within the merge window raises a count.
import type { AlertEntry, AlertLevel } from './types.js';

export type AlertLogOptions = {
  /** Entries kept; the oldest drop out. Default 100. */
  capacity?: number;
  /** A repeat of the same rule this soon after the entry's last occurrence merges into it. Default 60000. */
  mergeWindowMs?: number;
};

export type NewAlert = { ruleId: string; level: AlertLevel; message: string; value: number; atMs: number };

export class AlertLog {
  private entries: AlertEntry[] = [];
  private readonly capacity: number;
  private readonly mergeWindowMs: number;

  constructor(options: AlertLogOptions = {}) {
    this.capacity = options.capacity ?? 100;
    this.mergeWindowMs = options.mergeWindowMs ?? 60_000;
  }

  /** Adds an alert or merges it into the latest entry of the same rule; returns the entry. */
  add(alert: NewAlert): AlertEntry {
    const same = this.entries.find((e) => e.ruleId === alert.ruleId);
    // Whole milliseconds of real elapsed time: days count too (the original compared only the seconds field).
    if (same && alert.atMs - same.lastSeenMs <= this.mergeWindowMs) {
      same.count++;
      same.lastAtMs = alert.atMs;
      same.lastSeenMs = alert.atMs;
      same.clearedAtMs = null;
      same.value = alert.value;
      same.message = alert.message;
      same.level = alert.level;
      this.entries = [same, ...this.entries.filter((e) => e !== same)];
      return same;
    }
    const entry: AlertEntry = { ...alert, firstAtMs: alert.atMs, lastAtMs: alert.atMs, lastSeenMs: alert.atMs, clearedAtMs: null, count: 1 };
    this.entries.unshift(entry);
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    return entry;
  }

  /** Marks that an active alert is still holding, so a later repeat merges relative to its end. */
  touch(ruleId: string, atMs: number): void {
    const entry = this.entries.find((e) => e.ruleId === ruleId);
    if (entry) entry.lastSeenMs = atMs;
  }

  /** Marks the rule's latest entry as cleared, so the operator sees the problem is over. */
  markCleared(ruleId: string, atMs: number): void {
    const entry = this.entries.find((e) => e.ruleId === ruleId);
    if (entry && entry.clearedAtMs === null) {
      entry.clearedAtMs = atMs;
      entry.lastSeenMs = atMs;
    }
  }

  /** Newest first. */
  list(): readonly AlertEntry[] {
    return this.entries;
  }

  /** Drops every entry, or only those `keep` does not hold on to. */
  clear(keep: (entry: AlertEntry) => boolean = () => false): void {
    this.entries = this.entries.filter(keep);
  }
}
