// System source: /proc/stat and /proc/meminfo of a fixture tree, the systeminformation fallback with exact numbers, and the real machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMeminfo } from '../../../src/sampler/sources/meminfo.js';
import { createSystemSource, type SystemInfoPort } from '../../../src/sampler/sources/system.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { procTree } from './proc-tree.js';

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

const linux = process.platform === 'linux';
const stat = (busy: number, idle: number) => `cpu  ${busy} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 ${busy} 0 0 ${idle} 0 0 0 0 0 0\n`;
const meminfo = (totalKb: number, availableKb: number) =>
  `MemTotal:       ${totalKb} kB\nMemFree:        1000 kB\nMemAvailable:   ${availableKb} kB\nSwapTotal:      0 kB\n`;
const noSi: SystemInfoPort = {
  currentLoad: async () => assert.fail('systeminformation is not asked for CPU'),
  mem: async () => assert.fail('systeminformation is not asked for memory'),
};

test('under a rootDir, CPU and memory come from proc/stat and proc/meminfo, re-read on each read; close() releases both files', async () => {
  const tree = procTree();
  try {
    tree.write('proc/stat', stat(100, 900));
    tree.write('proc/meminfo', meminfo(4_000_000, 3_000_000));
    const clock = new FakeClock(0);
    const source = createSystemSource({ rootDir: tree.rootDir, clock, si: noSi });
    const fdsBefore = linux ? readdirSync('/proc/self/fd').length : 0;
    const reading = source.read();
    await new Promise((r) => setImmediate(r));
    tree.write('proc/stat', stat(150, 950));
    clock.advance(250);
    assert.deepEqual(await reading, [
      { kind: 'system', atMs: 250, cpuPercent: 50, memoryPercent: 25, memoryUsedBytes: 1_000_000 * 1024, memoryTotalBytes: 4_000_000 * 1024 },
    ]);
    tree.write('proc/stat', stat(240, 960));
    tree.write('proc/meminfo', meminfo(4_000_000, 1_000_000));
    const [second] = await source.read();
    assert.deepEqual(second?.kind === 'system' && [second.cpuPercent, second.memoryPercent], [90, 75]);
    if (linux) assert.equal(readdirSync('/proc/self/fd').length, fdsBefore + 2);
    source.close?.();
    if (linux) assert.equal(readdirSync('/proc/self/fd').length, fdsBefore);
  } finally {
    tree.remove();
  }
});

test('without proc/meminfo (not Linux) memory comes from systeminformation; a broken meminfo is an error naming it', async () => {
  const tree = procTree();
  try {
    let asked = 0;
    const si: SystemInfoPort = { currentLoad: async () => ({ currentLoad: 10 }), mem: async () => ({ total: 1000 + asked++, available: 500 }) };
    const source = createSystemSource({ rootDir: tree.rootDir, clock: new FakeClock(0), si, readProcStat: null });
    await source.read();
    const [second] = await source.read();
    assert.deepEqual(second?.kind === 'system' && [second.memoryTotalBytes, second.memoryUsedBytes], [1001, 501]);
    source.close?.();
    tree.write('proc/meminfo', 'MemFree: 1 kB\n');
    const broken = createSystemSource({ rootDir: tree.rootDir, clock: new FakeClock(0), si: noSi, readProcStat: () => stat(1, 1) });
    await assert.rejects(broken.read(), {
      message: `${tree.rootDir}/proc/meminfo has no "MemTotal: N kB" line with N > 0; is it a /proc/meminfo file?`,
    });
    broken.close?.();
  } finally {
    tree.remove();
  }
});

test('this machine: /proc/meminfo gives the figures systeminformation mem() gives', { skip: !linux }, async () => {
  const { default: si } = await import('systeminformation');
  const mem = await si.mem();
  const ours = parseMeminfo(readFileSync('/proc/meminfo', 'utf8'));
  assert.equal(ours.totalBytes, mem.total);
  // Read a moment apart, MemAvailable moves a little; both are kB * 1024.
  assert.ok(Math.abs(ours.availableBytes - mem.available) < 64 * 1024 * 1024, `${ours.availableBytes} vs ${mem.available}`);
  assert.equal(ours.availableBytes % 1024, 0);
});

test('this machine: importing and reading the system source loads no systeminformation', { skip: !linux }, () => {
  const url = new URL('../../../src/sampler/sources/system.js', import.meta.url).href;
  // A fresh process: the test runner's own may have loaded the module for another test.
  const script = `
    import { createRequire } from 'node:module';
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((p) => p.includes('/systeminformation/'));
    const { createSystemSource } = await import(${JSON.stringify(url)});
    const source = createSystemSource({ intervalMs: 1000 });
    const timer = setInterval(() => {}, 1000);
    const [sample] = await source.read();
    clearInterval(timer);
    source.close();
    const before = loaded();
    await import('systeminformation');
    console.log(JSON.stringify({ kind: sample.kind, before, after: loaded() }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: new URL('../../../../', import.meta.url) });
  assert.deepEqual(JSON.parse(out), { kind: 'system', before: false, after: true });
});

test('the shipped Pi fixture trees carry their own memory: a dashboard pointed at one shows that machine', async () => {
  const fixture = (name: string) => fileURLToPath(new URL(`../../../../test/fixtures/proc/${name}`, import.meta.url));
  for (const [name, totalKb, availableKb] of [['pi4-throttled', 3_882_464, 2_954_128], ['pi5', 8_245_360, 6_702_180]] as const) {
    const clock = new FakeClock(0);
    const source = createSystemSource({ rootDir: fixture(name), clock, si: noSi });
    try {
      // The first read primes the CPU figure over a short wait on the clock.
      const pending = source.read();
      await new Promise((r) => setImmediate(r));
      clock.advance(250);
      const [reading] = await pending;
      assert.ok(reading?.kind === 'system');
      assert.deepEqual([reading.memoryTotalBytes, reading.memoryUsedBytes], [totalKb * 1024, (totalKb - availableKb) * 1024], name);
    } finally {
      source.close?.();
    }
  }
});
