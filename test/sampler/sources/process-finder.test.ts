// Process targets on a fixture /proc: figures, a process that exits between two samples, restarts, pid reuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessFinderSource } from '../../../src/sampler/sources/process-finder.js';
import { parseStat, parseStatus } from '../../../src/sampler/sources/proc-pid.js';
import type { ProcessTargetSample, Source } from '../../../src/sampler/types.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { copyFixture, statLine, type FixtureCopy } from './fixture-root.js';

const KIB = 1024;

/** The first sample of a read, which must be a process-target one. */
async function first(source: Source): Promise<ProcessTargetSample> {
  const [sample] = await source.read();
  if (sample?.kind !== 'process-target') throw new Error(`expected a process-target sample, got ${JSON.stringify(sample)}`);
  return sample;
}

function addProcess(tree: FixtureCopy, pid: number, comm: string, startTicks: number, cmdline: string): void {
  tree.write(`proc/${pid}/stat`, statLine(pid, comm, 'R', 10, 0, startTicks));
  tree.write(`proc/${pid}/status`, `Name:\t${comm}\nState:\tR (running)\nVmRSS:\t   20480 kB\nThreads:\t3\n`);
  tree.write(`proc/${pid}/cmdline`, cmdline);
  for (const fd of [0, 1, 2]) tree.write(`proc/${pid}/fd/${fd}`, '');
}

test('figures per target; the target exits between two samples (not an error) and its restart is followed', async () => {
  const tree = copyFixture('processes');
  const clock = new FakeClock(0);
  try {
    const source = createProcessFinderSource({ targets: [{ name: 'camera-worker' }, { pid: 4300 }, { pid: 99999 }], rootDir: tree.rootDir, clock, selfPid: 1 });
    assert.deepEqual([source.name, source.intervalMs], ['process-targets', 1000]);
    const vim = { kind: 'process-target', target: '--pid 4300', status: 'running', pid: 4300, command: 'vim', state: 'S (sleeping)', rssBytes: 8000 * KIB, threadCount: 1, openFdCount: 4, restartCount: 0 };
    const camera = { kind: 'process-target', target: '--process camera-worker', status: 'running', pid: 4242, command: 'camera-worker', state: 'S (sleeping)', rssBytes: 51200 * KIB, threadCount: 6, openFdCount: 5, restartCount: 0 };
    const missing = { kind: 'process-target', target: '--pid 99999', status: 'missing', reason: 'no process with pid 99999' };
    // First sample of each pid: CPU pending, not 0.
    assert.deepEqual(await source.read(), [
      { ...camera, atMs: 0, cpuPercent: null },
      { ...vim, atMs: 0, cpuPercent: null },
      { ...missing, atMs: 0 },
    ]);
    clock.advance(1000);
    tree.write('proc/4242/stat', statLine(4242, 'camera-worker', 'S', 1250, 300, 500000));
    const [cameraBusy, vimIdle] = await source.read();
    assert.deepEqual([cameraBusy, vimIdle], [{ ...camera, atMs: 1000, cpuPercent: 50 }, { ...vim, atMs: 1000, cpuPercent: 0 }]);

    clock.advance(1000);
    tree.remove('proc/4242');
    // The zombie camera-worker (4400) is not a replacement.
    const exited = { kind: 'process-target', target: '--process camera-worker', status: 'exited', pid: 4242, command: 'camera-worker', exitedAtMs: 2000, restartCount: 0 };
    assert.deepEqual((await source.read())[0], { ...exited, atMs: 2000 });
    clock.advance(1000);
    assert.deepEqual((await source.read())[0], { ...exited, atMs: 3000 });

    clock.advance(1000);
    addProcess(tree, 4500, 'camera-worker', 900000, '/usr/bin/node\0/opt/zoomcam/camera-worker.js\0');
    assert.deepEqual((await source.read())[0], {
      kind: 'process-target',
      atMs: 4000,
      target: '--process camera-worker',
      status: 'running',
      pid: 4500,
      command: 'camera-worker',
      state: 'R (running)',
      cpuPercent: null,
      rssBytes: 20480 * KIB,
      threadCount: 3,
      openFdCount: 3,
      restartCount: 1,
    });
  } finally {
    tree.dispose();
  }
});

test('a --pid target that exits stays exited, even when its pid is reused by another process', async () => {
  const tree = copyFixture('processes');
  const clock = new FakeClock(0);
  try {
    const source = createProcessFinderSource({ targets: [{ pid: 4300 }], rootDir: tree.rootDir, clock, selfPid: 1 });
    assert.equal((await first(source)).status, 'running');
    clock.advance(1000);
    addProcess(tree, 4300, 'vim', 999999, 'vim\0other.txt\0');
    const gone = { kind: 'process-target', atMs: 1000, target: '--pid 4300', status: 'exited', pid: 4300, command: 'vim', exitedAtMs: 1000, restartCount: 0 };
    assert.deepEqual(await source.read(), [gone]);
    clock.advance(1000);
    assert.deepEqual(await source.read(), [{ ...gone, atMs: 2000 }]);
  } finally {
    tree.dispose();
  }
});

test('a --process target follows a reused pid as a restart: same pid, new start time, CPU pending again', async () => {
  const tree = copyFixture('processes');
  const clock = new FakeClock(0);
  try {
    const source = createProcessFinderSource({ targets: [{ name: 'camera-worker' }], rootDir: tree.rootDir, clock, selfPid: 1 });
    await source.read();
    clock.advance(1000);
    tree.write('proc/4242/stat', statLine(4242, 'camera-worker', 'S', 5000, 0, 777777));
    const sample = await first(source);
    assert.deepEqual(sample.status === 'running' && [sample.pid, sample.cpuPercent, sample.restartCount], [4242, null, 1]);
  } finally {
    tree.dispose();
  }
});

test('matching: command name before command line, the oldest first, cut names, never zoomtop itself', async () => {
  const tree = copyFixture('processes');
  try {
    addProcess(tree, 4243, 'camera-worker', 400500, 'camera-worker\0');
    addProcess(tree, 5000, 'zoomcam-pipelin', 100, '/usr/bin/zoomcam-pipeline-main\0');
    const pick = async (name: string, selfPid = 1) => {
      const sample = await first(createProcessFinderSource({ targets: [{ name }], rootDir: tree.rootDir, selfPid, clock: new FakeClock(0) }));
      return sample.status === 'running' ? sample.pid : sample.status;
    };
    assert.equal(await pick('camera-worker'), 4243);
    assert.equal(await pick('camera-worker.js'), 4242);
    assert.equal(await pick('notes.txt'), 4300);
    assert.equal(await pick('zoomcam-pipeline-main'), 5000);
    assert.equal(await pick('camera-worker.js', 4242), 'missing');
    const [missing] = await createProcessFinderSource({ targets: [{ name: 'nginx' }], rootDir: tree.rootDir, selfPid: 1, clock: new FakeClock(0) }).read();
    assert.deepEqual(missing, { kind: 'process-target', atMs: 0, target: '--process nginx', status: 'missing', reason: 'no process named "nginx" (command name or command line)' });
  } finally {
    tree.dispose();
  }
});

test('no /proc: unavailable with the reason; bad targets are refused with the fix', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'zoomtop-noproc-'));
  try {
    const source = createProcessFinderSource({ targets: [{ pid: 1 }], rootDir: empty, clock: new FakeClock(5) });
    assert.deepEqual(await source.read(), [{ kind: 'unavailable', atMs: 5, source: 'process-targets', reason: `${empty}/proc not listable: process targets need Linux` }]);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  assert.throws(() => createProcessFinderSource({ targets: [{ pid: 1.5 }] }), /^Error: process finder: targets\[0\] has pid 1.5; give a positive integer, e.g. --pid 1234$/);
  assert.throws(() => createProcessFinderSource({ targets: [{ pid: 1 }, { name: ' ' }] }), /targets\[1\] has an empty name; give a command name or part of a command line, e.g. --process camera$/);
  assert.throws(() => createProcessFinderSource({ targets: [{ name: 'cam' }, { name: 'cam' }] }), /"--process cam" is given twice; give each target once$/);
});

test('stat and status parsers: odd command names, kernel threads, and clear errors', () => {
  assert.deepEqual(parseStat(statLine(7, 'tmux: server (1)', 'S', 3, 4, 99)), { command: 'tmux: server (1)', stateLetter: 'S', cpuTicks: 7, startTicks: 99 });
  assert.throws(() => parseStat('7 tmux S 1', '/proc/7/stat'), /^Error: \/proc\/7\/stat "7 tmux S 1" is not a \/proc\/<pid>\/stat line/);
  assert.deepEqual(parseStatus('Name:\tkthreadd\nState:\tS (sleeping)\nThreads:\t1\n'), { state: 'S (sleeping)', threadCount: 1, rssBytes: null });
  assert.throws(() => parseStatus('Name: x\n', '/proc/9/status'), /^Error: \/proc\/9\/status has no "State:" or "Threads:" line/);
});
