// Memory tracking: top allocation sites aggregated by file:line, on a fake profile and on V8's real sampling profiler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateSites, MemoryTracker, type HeapProfile, type HeapProfilerPort } from '../../src/profiler/memory-tracking.js';
import { Profiler } from '../../src/profiler/profiler.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { T0 } from './fake-machine.js';

const frame = (url: string, lineNumber: number, functionName = 'f') => ({ url, lineNumber, functionName });

const PROFILE: HeapProfile = {
  head: {
    callFrame: frame('', 0, '(root)'),
    selfSize: 0,
    id: 1,
    children: [
      { callFrame: frame('file:///app/camera.js', 9, 'capture'), selfSize: 4000, id: 2, children: [
        { callFrame: frame('file:///app/buffer.js', 19, 'alloc'), selfSize: 9000, id: 3, children: [] },
      ] },
      // The same line reached by another call path adds up.
      { callFrame: frame('file:///app/buffer.js', 19, 'alloc'), selfSize: 1000, id: 4, children: [] },
      { callFrame: frame('', 0, '(V8 API)'), selfSize: 500, id: 5, children: [] },
    ],
  },
  samples: [
    { size: 4000, nodeId: 2 },
    { size: 4500, nodeId: 3 },
    { size: 4500, nodeId: 3 },
    { size: 1000, nodeId: 4 },
    { size: 500, nodeId: 5 },
  ],
};

test('sites are summed by file:line (1-based) across call paths, largest first, with sample counts', () => {
  assert.deepEqual(aggregateSites(PROFILE), [
    { site: 'file:///app/buffer.js:20', functionName: 'alloc', sizeBytes: 10_000, count: 3 },
    { site: 'file:///app/camera.js:10', functionName: 'capture', sizeBytes: 4000, count: 1 },
    { site: '(V8 API)', functionName: '(V8 API)', sizeBytes: 500, count: 1 },
  ]);
});

test('a snapshot is undefined until tracking starts; it has heap totals and the top N sites', async () => {
  const calls: string[] = [];
  const port: HeapProfilerPort = {
    start: async (interval) => void calls.push(`start ${interval}`),
    profile: async () => PROFILE,
    stop: async () => void calls.push('stop'),
  };
  const tracker = new MemoryTracker({ port, top: 2, samplingIntervalBytes: 1024, memoryUsage: () => ({ rss: 50, heapTotal: 40, heapUsed: 30, external: 5 }) });
  assert.equal(await tracker.snapshot(T0), undefined);
  await tracker.start();
  await tracker.start();
  assert.deepEqual(await tracker.snapshot(T0), {
    atMs: T0,
    rssBytes: 50,
    heapTotalBytes: 40,
    heapUsedBytes: 30,
    externalBytes: 5,
    sampledBytes: 14_500,
    siteCount: 3,
    topAllocations: aggregateSites(PROFILE).slice(0, 2),
  });
  await tracker.stop();
  await tracker.stop();
  assert.deepEqual(calls, ['start 1024', 'stop']);
  assert.throws(() => new MemoryTracker({ port, samplingIntervalBytes: 0 }), /samplingIntervalBytes 0 is not a positive whole number; the default is 32768/);
});

let retained: number[][] = [];

function allocateFrames(): void {
  for (let i = 0; i < 400; i++) retained.push(new Array(2000).fill(i));
}

test('the real sampling heap profiler finds the line of this file that allocated 6 MB', async () => {
  const profiler = new Profiler({ clock: new FakeClock(T0) });
  assert.equal(await profiler.memorySnapshot(), undefined);
  await profiler.startMemoryTracking();
  try {
    allocateFrames();
    const snapshot = (await profiler.memorySnapshot())!;
    assert.equal(snapshot.atMs, T0);
    assert.ok(snapshot.heapUsedBytes > 0 && snapshot.rssBytes > 0);
    const mine = snapshot.topAllocations.find((s) => s.site.includes('memory-tracking.test.js'));
    assert.ok(mine, `no site in this file among ${snapshot.topAllocations.map((s) => s.site).join(', ')}`);
    assert.equal(mine.functionName, 'allocateFrames');
    assert.ok(mine.sizeBytes > 1_000_000 && mine.count > 0);
  } finally {
    await profiler.stopMemoryTracking();
    retained = [];
  }
  assert.equal(await profiler.memorySnapshot(), undefined);
});
