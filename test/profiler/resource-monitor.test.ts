// ResourceMonitor: memory delta from its baseline, the peak seen on every profiler sample, runtime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceMonitor } from '../../src/profiler/resource-monitor.js';
import { advance, fakeProfiler, MIB } from './fake-machine.js';

test('the peak follows every snapshot, not only the moments someone asks; delta and runtime are exact', async () => {
  const { clock, state, profiler } = fakeProfiler();
  let rss = 80 * MIB;
  const monitor = new ResourceMonitor({ profiler, readRssBytes: () => rss });
  assert.equal(monitor.baselineRssBytes, 80 * MIB);
  profiler.start();
  for (const mib of [100, 300, 150]) {
    state.rssBytes = mib * MIB;
    await advance(clock, 1000);
  }
  // 300 MiB was only ever seen by the sampler: the monitor was not asked in between.
  assert.equal(monitor.peakRssBytes, 300 * MIB);
  rss = 120 * MIB;
  assert.deepEqual(monitor.summary(), {
    runtimeMs: 3000,
    baselineRssBytes: 80 * MIB,
    currentRssBytes: 120 * MIB,
    memoryDeltaBytes: 40 * MIB,
    peakRssBytes: 300 * MIB,
  });
  rss = 60 * MIB;
  assert.equal(monitor.memoryDeltaBytes(), -20 * MIB);
  monitor.dispose();
  state.rssBytes = 900 * MIB;
  await advance(clock, 1000);
  assert.equal(monitor.peakRssBytes, 300 * MIB);
  profiler.stop();
});
