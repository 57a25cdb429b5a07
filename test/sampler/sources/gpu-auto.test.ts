// The dashboard's GPU source on fixture machines: AMD figures from sysfs, NVIDIA from a fake nvidia-smi on PATH, else n/a with reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAutoGpuSource } from '../../../src/sampler/sources/gpu-auto.js';
import { createGpuSysfsSource } from '../../../src/sampler/sources/gpu-sysfs.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { fakeRunner } from './command-fake.js';
import { copyFixture, fixtureRoot } from './fixture-root.js';

const MIB = 1024 * 1024;

/** Runs fn with PATH set to `dir` only; restores PATH after. */
async function withPath<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = dir;
  try {
    return await fn();
  } finally {
    process.env.PATH = saved;
  }
}

test('NVIDIA: the fake nvidia-smi on PATH answers the fixed query through the real command runner', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'zoomtop-bin-'));
  try {
    // A copy, made executable here: a checkout may not keep the fixture's mode.
    copyFileSync(join(fixtureRoot('nvidia'), 'bin/nvidia-smi'), join(bin, 'nvidia-smi'));
    chmodSync(join(bin, 'nvidia-smi'), 0o755);
    const source = createAutoGpuSource({ rootDir: fixtureRoot('nvidia'), clock: new FakeClock(3) });
    assert.deepEqual([source.name, source.intervalMs], ['gpu', 5000]);
    const samples = await withPath(`${bin}:/usr/bin:/bin`, () => source.read());
    assert.deepEqual(samples, [
      { kind: 'gpu', atMs: 3, index: 0, name: 'NVIDIA GeForce RTX 4090', usagePercent: 42, memoryUsedBytes: 2048 * MIB, memoryTotalBytes: 24564 * MIB },
    ]);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

test('no GPU at all: one n/a that gives the nvidia-smi reason and the sysfs one, never a 0', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'zoomtop-bin-'));
  try {
    const root = fixtureRoot('container');
    const source = createAutoGpuSource({ rootDir: root, clock: new FakeClock(3) });
    assert.deepEqual(await withPath(empty, () => source.read()), [
      { kind: 'unavailable', atMs: 3, source: 'gpu', reason: `no GPU found: nvidia-smi not installed; sysfs: ${root}/sys/class/drm is absent` },
    ]);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('AMD: busy % and VRAM from sysfs, the Intel card skipped with its reason, nvidia-smi never spawned', async () => {
  const { run, calls } = fakeRunner({});
  const gpus = [{ kind: 'gpu', atMs: 3, index: 0, name: 'amdgpu card1', usagePercent: 37, memoryUsedBytes: 1024 * MIB, memoryTotalBytes: 8192 * MIB }];
  assert.deepEqual(await createAutoGpuSource({ rootDir: fixtureRoot('amdgpu'), run, clock: new FakeClock(3) }).read(), gpus);
  assert.deepEqual(calls, []);
  const pi = fixtureRoot('pi4-throttled');
  assert.deepEqual(await createGpuSysfsSource({ rootDir: pi, clock: new FakeClock(3) }).read(), [
    {
      kind: 'unavailable',
      atMs: 3,
      source: 'gpu-sysfs',
      reason: 'no GPU figures in sysfs: card0 (v3d) has no gpu_busy_percent or mem_info_vram_* file; card1 (vc4-drm) has no gpu_busy_percent or mem_info_vram_* file',
    },
  ]);
});

test('a garbled busy-percent file fails the read with its path', async () => {
  const tree = copyFixture('amdgpu');
  try {
    tree.write('sys/class/drm/card1/device/gpu_busy_percent', '140\n');
    await assert.rejects(
      createGpuSysfsSource({ rootDir: tree.rootDir }).read(),
      new RegExp(`^Error: ${tree.rootDir}/sys/class/drm/card1/device/gpu_busy_percent is "140", not an integer from 0 to 100$`),
    );
  } finally {
    tree.dispose();
  }
});

test('nvidia-smi is spawned at most once per 5 s even at a 1 s interval; figures are not repeated in between', async () => {
  const clock = new FakeClock(0);
  const { run, calls } = fakeRunner({
    'nvidia-smi --query-gpu=name,utilization.gpu,memory.used,memory.total --format=csv,noheader,nounits': 'GPU A, 5, 10, 100\n',
  });
  const source = createAutoGpuSource({ rootDir: fixtureRoot('nvidia'), run, clock, intervalMs: 1000 });
  assert.equal((await source.read()).length, 1);
  for (let i = 0; i < 4; i++) {
    clock.advance(1000);
    assert.deepEqual(await source.read(), []);
  }
  clock.advance(1000);
  assert.equal((await source.read())[0]?.atMs, 5000);
  assert.equal(calls.length, 2);
});
