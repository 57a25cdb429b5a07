// System source against a fake systeminformation with exact numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSystemSource, type SystemInfoPort } from '../../../src/sampler/sources/system.js';
import { FakeClock } from '../../helpers/fake-clock.js';

const GIB = 1024 ** 3;

function fakeSi(loads: number[], memory = { total: 8 * GIB, available: 6 * GIB }) {
  const calls = { currentLoad: 0, mem: 0 };
  const si: SystemInfoPort = {
    currentLoad: async () => ({ currentLoad: loads[calls.currentLoad++] ?? Number.NaN }),
    mem: async () => {
      calls.mem += 1;
      return memory;
    },
  };
  return { si, calls };
}

test('the first read primes the CPU counters and reports cpu null; later reads report currentLoad', async () => {
  const clock = new FakeClock(1000);
  const { si, calls } = fakeSi([3.2, 37.5]);
  const source = createSystemSource({ si, clock });
  assert.deepEqual([source.name, source.intervalMs, source.timeoutMs], ['system', 1000, 2000]);
  assert.deepEqual(await source.read(), [
    {
      kind: 'system',
      atMs: 1000,
      cpuPercent: null,
      memoryPercent: 25,
      memoryUsedBytes: 2 * GIB,
      memoryTotalBytes: 8 * GIB,
    },
  ]);
  clock.advance(1000);
  const [second] = await source.read();
  assert.deepEqual(second, {
    kind: 'system',
    atMs: 2000,
    cpuPercent: 37.5,
    memoryPercent: 25,
    memoryUsedBytes: 2 * GIB,
    memoryTotalBytes: 8 * GIB,
  });
  assert.deepEqual(calls, { currentLoad: 2, mem: 2 });
});

test('a failed priming call leaves the next read still priming', async () => {
  let call = 0;
  const si: SystemInfoPort = {
    currentLoad: async () => {
      call += 1;
      if (call === 1) throw new Error('cannot read /proc/stat');
      return { currentLoad: 50 };
    },
    mem: async () => ({ total: 100, available: 40 }),
  };
  const source = createSystemSource({ si, clock: new FakeClock(0) });
  await assert.rejects(source.read(), { message: 'cannot read /proc/stat' });
  const [primed] = await source.read();
  assert.equal(primed?.kind === 'system' && primed.cpuPercent, null);
  const [measured] = await source.read();
  assert.equal(measured?.kind === 'system' && measured.cpuPercent, 50);
});

test('a hair above 100 % is clamped; a non-number is an error naming the field', async () => {
  const { si } = fakeSi([1, 100.0004, Number.NaN]);
  const source = createSystemSource({ si, clock: new FakeClock(0) });
  await source.read();
  const [clamped] = await source.read();
  assert.equal(clamped?.kind === 'system' && clamped.cpuPercent, 100);
  await assert.rejects(source.read(), {
    message: 'systeminformation currentLoad() gave currentLoad NaN, not a number',
  });
});

test('impossible memory figures are an error, not a percentage', async () => {
  const { si } = fakeSi([1], { total: 0, available: 0 });
  await assert.rejects(createSystemSource({ si, clock: new FakeClock(0) }).read(), {
    message: 'systeminformation mem() gave total 0, available 0; expected 0 <= available <= total, total > 0',
  });
  const { si: si2 } = fakeSi([1], { total: 100, available: 120 });
  await assert.rejects(createSystemSource({ si: si2, clock: new FakeClock(0) }).read(), {
    message: 'systeminformation mem() gave total 100, available 120; expected 0 <= available <= total, total > 0',
  });
});

test('an interval under systeminformation\'s 200 ms cache is refused', () => {
  assert.throws(() => createSystemSource({ intervalMs: 100 }), {
    message:
      'system source: intervalMs 100 is below 200; systeminformation caches CPU load for 200 ms, use 200 or more',
  });
});
