// The lazily created global profiler and the original's helper functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  configureGlobalProfiler,
  getPerformanceSummary,
  globalProfiler,
  recordOperation,
  startGlobalProfiling,
  stopGlobalProfiling,
} from '../../src/profiler/global-profiler.js';
import { defaultRegistry, record } from '../../src/timing/default-registry.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { advance, fakeSources, idleMachine, T0 } from './fake-machine.js';

test('stopGlobalProfiling before anything exists creates nothing; the global profiler is one instance on the default registry', () => {
  stopGlobalProfiling();
  const first = globalProfiler();
  assert.equal(globalProfiler(), first);
  assert.equal(first.registry, defaultRegistry());
  assert.equal(first.running, false);
});

test('recordOperation and the package record() land in the same statistics', () => {
  recordOperation('camera_manager', 'capture_frame', 33);
  recordOperation('camera_manager', 'capture_frame', 40, false);
  record('camera_manager', 'capture_frame', 20);
  const capture = globalProfiler().componentMetrics('camera_manager')!.operations.capture_frame!;
  assert.deepEqual([capture.count, capture.errors, capture.minMs, capture.maxMs], [3, 1, 20, 40]);
});

test('startGlobalProfiling samples on the interval; getPerformanceSummary summarizes; stopGlobalProfiling stops', async () => {
  const clock = new FakeClock(T0);
  const state = idleMachine();
  configureGlobalProfiler({ clock, sources: fakeSources(state, clock) });
  assert.equal(getPerformanceSummary(), undefined);
  const profiler = startGlobalProfiling({ intervalMs: 500 });
  assert.equal(profiler, globalProfiler());
  state.cpuPercent = 60;
  await advance(clock, 1000);
  stopGlobalProfiling();
  assert.equal(clock.pendingCount(), 0);
  const summary = getPerformanceSummary({ hours: 1 })!;
  assert.deepEqual([summary.snapshotCount, summary.averages.cpuPercent, summary.peaks.cpuPercent], [3, (20 + 60 + 60) / 3, 60]);
});
