// @monitor (standard method decorator) and measure(): sync and async, success and failure, `this` kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, monitor } from '../../src/profiler/decorators.js';
import { configureGlobalProfiler } from '../../src/profiler/global-profiler.js';
import { Profiler } from '../../src/profiler/profiler.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { T0 } from './fake-machine.js';

const clock = new FakeClock(T0);
const profiler = new Profiler({ clock, stopwatch: () => clock.now() });

class Camera {
  constructor(readonly id: string) {}

  @monitor('camera', 'capture', profiler)
  capture(frameMs: number): string {
    clock.advance(frameMs);
    if (frameMs > 100) throw new Error(`${this.id} too slow`);
    return `${this.id} frame`;
  }

  @monitor('camera', 'upload', () => profiler)
  async upload(ms: number): Promise<string> {
    clock.advance(ms);
    await Promise.resolve();
    if (ms > 100) throw new Error(`${this.id} upload failed`);
    return `${this.id} uploaded`;
  }
}

function stats(operation: string) {
  const op = profiler.componentMetrics('camera')?.operations[operation];
  return [op?.count, op?.errors, op?.minMs, op?.maxMs];
}

test('@monitor times a sync method, keeps `this`, records a throw as a failure and rethrows it', () => {
  const camera = new Camera('front_door');
  assert.equal(camera.capture(20), 'front_door frame');
  assert.throws(() => camera.capture(150), /^Error: front_door too slow$/);
  assert.deepEqual(stats('capture'), [2, 1, 20, 150]);
});

test('@monitor times an async method; a rejection is recorded as a failure and rethrown', async () => {
  const camera = new Camera('driveway');
  assert.equal(await camera.upload(30), 'driveway uploaded');
  await assert.rejects(camera.upload(200), /^Error: driveway upload failed$/);
  assert.deepEqual(stats('upload'), [2, 1, 30, 200]);
});

test('measure() wraps a function without calling it; sync and async, success and failure', async () => {
  const local = new Profiler({ clock, stopwatch: () => clock.now() });
  let calls = 0;
  const encode = measure('encoder', 'encode', (ms: number) => {
    calls++;
    clock.advance(ms);
    if (ms === 0) throw new Error('empty frame');
    return ms * 2;
  }, local);
  assert.equal(calls, 0);
  assert.equal(encode(4), 8);
  assert.throws(() => encode(0), /empty frame/);
  const send = measure('encoder', 'send', async function (this: { host: string }, ms: number) {
    clock.advance(ms);
    if (ms > 50) throw new Error(`timeout to ${this.host}`);
    return this.host;
  }, local);
  const target = { host: 'nvr', send };
  assert.equal(await target.send(6), 'nvr');
  await assert.rejects(target.send(60), /timeout to nvr/);
  const ops = local.componentMetrics('encoder')!.operations;
  assert.deepEqual([ops.encode?.count, ops.encode?.errors, ops.encode?.maxMs], [2, 1, 4]);
  assert.deepEqual([ops.send?.count, ops.send?.errors, ops.send?.minMs, ops.send?.maxMs], [2, 1, 6, 60]);
  assert.throws(() => measure('a', 'b', 42 as unknown as () => void), /measure\('a', 'b', fn\): fn is number, not a function/);
});

test('without a target, @monitor and measure() record into the global profiler, looked up at call time', () => {
  class Late {
    @monitor('late', 'work')
    work(): number {
      return 1;
    }
  }
  // Configured after the class was decorated: the decorator must find this one.
  const global = configureGlobalProfiler({ clock, stopwatch: () => clock.now() });
  new Late().work();
  measure('late', 'other', () => 2)();
  assert.deepEqual(Object.keys(global.componentMetrics('late')!.operations), ['other', 'work']);
});
