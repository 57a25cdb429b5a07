import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as defaults from '../../src/timing/default-registry.js';

test('importing creates nothing; the first call creates the registry', () => {
  assert.equal(defaults.peekDefaultRegistry(), undefined);
  defaults.record('camera', 'capture', 4);
  const registry = defaults.peekDefaultRegistry();
  assert.ok(registry);
  assert.equal(defaults.defaultRegistry(), registry);
  defaults.recordForCamera('camera', 'capture', 'cam1', 6, false);
  defaults.startTimer('camera', 'capture')();
  assert.equal(defaults.timed('camera', 'capture', () => 'x'), 'x');
  const [stats] = registry.stats(0);
  assert.equal(stats?.count, 4);
  assert.equal(stats?.errors, 1);
  assert.equal(registry.size, 2);
});

test('configureDefaultRegistry replaces it with given options', () => {
  const registry = defaults.configureDefaultRegistry({ startMs: 1000, windowMs: 10_000 });
  assert.equal(defaults.defaultRegistry(), registry);
  assert.equal(registry.windowMs, 10_000);
  assert.equal(registry.size, 0);
});
