import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperationRegistry } from '../../src/timing/operation-registry.js';

const T0 = Date.UTC(2026, 0, 1);

/** A stopwatch the test moves by hand. */
function manualStopwatch() {
  const state = { nowMs: 1000 };
  return { state, read: () => state.nowMs };
}

function counts(registry: OperationRegistry) {
  return registry.stats(T0).map((s) => [s.operation, s.count, s.errors, s.lastMs]);
}

test('startTimer measures with the stopwatch and records once', () => {
  const watch = manualStopwatch();
  const registry = new OperationRegistry({ startMs: T0, stopwatch: watch.read });
  const end = registry.startTimer('camera', 'capture');
  watch.state.nowMs += 12.5;
  assert.equal(end(), 12.5);
  watch.state.nowMs += 1;
  assert.equal(end(false), 13.5); // a second end reports but does not record
  assert.deepEqual(counts(registry), [['capture', 1, 0, 12.5]]);
});

test('timed passes a sync return value through and records success', () => {
  const watch = manualStopwatch();
  const registry = new OperationRegistry({ startMs: T0, stopwatch: watch.read });
  const value = registry.timed('a', 'sync', () => {
    watch.state.nowMs += 3;
    return 42;
  });
  assert.equal(value, 42);
  assert.deepEqual(counts(registry), [['sync', 1, 0, 3]]);
});

test('timed records a throw as a failure and rethrows it', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  const boom = new Error('boom');
  assert.throws(
    () =>
      registry.timed('a', 'sync', () => {
        throw boom;
      }),
    (error) => error === boom,
  );
  assert.deepEqual(registry.stats(T0).map((s) => [s.count, s.errors]), [[1, 1]]);
});

test('timed resolves async values and records an async rejection as a failure, rethrown', async () => {
  const watch = manualStopwatch();
  const registry = new OperationRegistry({ startMs: T0, stopwatch: watch.read });
  const ok = registry.timed('a', 'ok', async () => {
    await Promise.resolve();
    watch.state.nowMs += 7;
    return 'done';
  });
  assert.equal(registry.size, 0); // nothing recorded before it settles
  assert.equal(await ok, 'done');
  const boom = new Error('rejected');
  await assert.rejects(
    registry.timed('a', 'fail', async () => {
      watch.state.nowMs += 2;
      throw boom;
    }),
    (error) => error === boom,
  );
  assert.deepEqual(counts(registry), [
    ['fail', 1, 1, 2],
    ['ok', 1, 0, 7],
  ]);
});

test('the real stopwatch measures a non-negative duration', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  const ms = registry.startTimer('a', 'op')();
  assert.ok(ms >= 0);
  assert.equal(registry.stats(T0)[0]?.lastMs, ms);
});
