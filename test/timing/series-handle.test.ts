import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperationRegistry } from '../../src/timing/operation-registry.js';

const T0 = Date.UTC(2026, 0, 1);

const counts = (registry: OperationRegistry): [string, number, number][] =>
  registry.stats(T0).map((s) => [`${s.component}.${s.operation}`, s.count, s.lastMs]);

test('clearing another component leaves a handle on its series; clearing its own rebinds it', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  const handle = registry.series('camera', 'capture');
  handle.record(1);
  const first = registry.resolve('camera', 'capture');
  registry.record('encoder', 'encode', 2);
  registry.clear('encoder');
  handle.record(3);
  assert.equal(registry.resolve('camera', 'capture'), first);
  assert.deepEqual(counts(registry), [['camera.capture', 2, 3]]);
  registry.clear('camera');
  handle.record(4);
  assert.notEqual(registry.resolve('camera', 'capture'), first);
  assert.deepEqual(counts(registry), [['camera.capture', 1, 4]]);
  assert.equal(first?.count, 2, 'the dropped series gets no more calls');
  assert.equal(registry.size, 1);
});

test('a handle the series cap refuses counts every call as dropped, and binds once clear() makes room', () => {
  const registry = new OperationRegistry({ startMs: T0, maxSeries: 1 });
  registry.record('a', 'one', 1);
  const handle = registry.series('b', 'two');
  handle.record(2);
  handle.record(3, false);
  assert.equal(registry.droppedSeries, 2);
  assert.equal(registry.size, 1);
  registry.clear('a');
  handle.record(5, false);
  assert.equal(registry.droppedSeries, 2);
  assert.deepEqual(registry.stats(T0).map((s) => [`${s.component}.${s.operation}`, s.count, s.errors, s.lastMs]), [['b.two', 1, 1, 5]]);
});

test('invalid durations through a handle are counted and never reach the series', () => {
  const registry = new OperationRegistry({ startMs: T0 });
  const handle = registry.series('a', 'op');
  handle.record(1);
  for (const ms of [NaN, -0.5, Infinity, -Infinity]) handle.record(ms);
  assert.equal(registry.invalidRecords, 4);
  assert.deepEqual(counts(registry), [['a.op', 1, 1]]);
});
