// Operation statistics through the Profiler: exact totals, one stated window for every distribution field, timers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Profiler } from '../../src/profiler/profiler.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { T0 } from './fake-machine.js';

function profilerAt() {
  const clock = new FakeClock(T0);
  const profiler = new Profiler({ clock, stopwatch: () => clock.now(), statsWindowMs: 60_000 });
  return { clock, profiler };
}

const near = (actual: number | null | undefined, expected: number) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= expected * 0.02, `${actual} not within 2 % of ${expected}`);

test('componentMetrics: undefined for an unknown component; exact count, errors, last, avg, min, max, rate', () => {
  const { clock, profiler } = profilerAt();
  assert.equal(profiler.componentMetrics('camera'), undefined);
  for (const ms of [10, 20, 30, 40]) profiler.record('camera', 'capture', ms);
  profiler.record('camera', 'capture', 50, false);
  profiler.record('camera', 'encode', 2);
  clock.advance(10_000);
  const metrics = profiler.componentMetrics('camera')!;
  assert.equal(metrics.component, 'camera');
  assert.equal(metrics.lastUpdate, new Date(T0 + 10_000).toISOString());
  assert.deepEqual(Object.keys(metrics.operations), ['capture', 'encode']);
  const capture = metrics.operations.capture!;
  assert.deepEqual(
    [capture.count, capture.errors, capture.lastMs, capture.avgMs, capture.minMs, capture.maxMs, capture.windowCount, capture.ratePerSec],
    [5, 1, 50, 30, 10, 50, 5, 0.5],
  );
  near(capture.p50Ms, 30);
  assert.equal(capture.p99Ms, 50);
  assert.deepEqual(capture.window, { label: 'last 10 s', startMs: T0, endMs: T0 + 10_000 });
});

test('defect 10: count, avg, min, max and percentiles describe one stated window, never last-100 beside all-time', () => {
  const { clock, profiler } = profilerAt();
  for (let i = 0; i < 50; i++) profiler.record('camera', 'capture', 500);
  for (let i = 0; i < 100; i++) profiler.record('camera', 'capture', 5);
  clock.advance(20_000);
  const inWindow = profiler.componentMetrics('camera')!.operations.capture!;
  // The original's avg/min/max covered the last 100 calls (max 5) while its total said 150.
  assert.deepEqual([inWindow.count, inWindow.windowCount, inWindow.maxMs, inWindow.minMs, inWindow.avgMs], [150, 150, 500, 5, 170]);
  near(inWindow.p95Ms, 500);
  clock.advance(61_000);
  const later = profiler.componentMetrics('camera')!.operations.capture!;
  assert.deepEqual(
    [later.count, later.windowCount, later.avgMs, later.minMs, later.maxMs, later.p50Ms, later.p95Ms, later.p99Ms, later.ratePerSec],
    [150, 0, null, null, null, null, null, null, 0],
  );
  // Two half windows of 30 s on a grid from the start, the older one partly elapsed: the window says so.
  assert.deepEqual(later.window, { label: 'last 51 s', startMs: T0 + 30_000, endMs: T0 + 81_000 });
});

test('startTimer and timed record durations from the stopwatch; failures are recorded and rethrown', async () => {
  const { clock, profiler } = profilerAt();
  const end = profiler.startTimer('uploader', 'send');
  clock.advance(125);
  assert.equal(end(), 125);
  assert.equal(end(false), 125);
  assert.equal(profiler.timed('uploader', 'send', () => (clock.advance(5), 'sync')), 'sync');
  assert.throws(() => profiler.timed('uploader', 'send', () => { clock.advance(7); throw new Error('sync boom'); }), /sync boom/);
  const ok = profiler.timed('uploader', 'send', async () => { clock.advance(11); return 'async'; });
  assert.equal(await ok, 'async');
  await assert.rejects(profiler.timed('uploader', 'send', async () => { clock.advance(13); throw new Error('async boom'); }), /async boom/);
  const send = profiler.componentMetrics('uploader')!.operations.send!;
  assert.deepEqual([send.count, send.errors, send.minMs, send.maxMs, send.avgMs], [5, 2, 5, 125, 32.2]);
});
