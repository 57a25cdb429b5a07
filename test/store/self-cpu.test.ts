import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Store } from '../../src/store/store.js';

const self = (atMs: number, cpuPercent: number | null) => ({ kind: 'process' as const, atMs, role: 'self' as const, pid: 7, cpuPercent, rssBytes: 1 });

test("zoomtop's own CPU keeps its reading and adds the mean of the last five, skipping unknown ones", () => {
  const store = new Store({ startedAtMs: 0 });
  const readings = [null, 1, 0, 2, 1, 0, 3];
  const seen = readings.map((cpu, i) => {
    store.ingest([self(i * 1000, cpu)]);
    const figures = store.snapshot(i * 1000, { operations: [], appFigures: { fps: null, frameTimeMs: null, cameras: null, camerasActive: null }, statsd: { enabled: false, address: null, lines: 0, rejected: 0 } }).self;
    return [figures?.cpuPercent, figures?.recentCpuPercent];
  });
  assert.deepEqual(seen, [[null, null], [1, 1], [0, 0.5], [2, 1], [1, 1], [0, 0.8], [3, 1.2]]);
});
