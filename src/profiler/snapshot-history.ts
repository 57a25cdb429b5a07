// The bounded history of snapshot records: a ring that drops the oldest, read oldest first.
import type { SnapshotRecord } from './snapshot-record.js';

export class SnapshotHistory {
  private readonly records: (SnapshotRecord | undefined)[];
  private start = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    this.records = new Array<SnapshotRecord | undefined>(capacity);
  }

  push(record: SnapshotRecord): void {
    if (this.length < this.capacity) {
      this.records[(this.start + this.length) % this.capacity] = record;
      this.length++;
    } else {
      this.records[this.start] = record;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  get size(): number {
    return this.length;
  }

  latest(): SnapshotRecord | undefined {
    return this.length === 0 ? undefined : this.records[(this.start + this.length - 1) % this.capacity];
  }

  /** Records with atMs >= sinceMs (all when omitted), oldest first. */
  since(sinceMs = -Infinity): SnapshotRecord[] {
    const out: SnapshotRecord[] = [];
    for (let i = 0; i < this.length; i++) {
      const record = this.records[(this.start + i) % this.capacity];
      if (record && record.atMs >= sinceMs) out.push(record);
    }
    return out;
  }

  clear(): void {
    this.records.fill(undefined);
    this.start = 0;
    this.length = 0;
  }
}
