// Process source: pending first figures, exited pids, changing targets; plus real pidusage on Linux.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createProcessSource, type PidusagePort, type ProcessTarget } from '../../../src/sampler/sources/process.js';
import { FakeClock } from '../../helpers/fake-clock.js';

function errno(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Answers per pid: a number is cpu %, an Error is thrown. RSS is pid * 1000 to tell them apart. */
function fakePidusage(answers: Record<number, (number | Error)[]>) {
  const asked: number[] = [];
  const port: PidusagePort = async (pid) => {
    asked.push(pid);
    const next = answers[pid]?.shift();
    if (next === undefined) throw new Error(`test: no answer left for pid ${pid}`);
    if (next instanceof Error) throw next;
    return { cpu: next, memory: pid * 1000 };
  };
  return { port, asked };
}

test('the first figure of each pid is pending (null); later ones are pidusage cpu; rss is memory', async () => {
  const { port } = fakePidusage({ 10: [0, 4.5], 20: [0, 130] });
  const targets: ProcessTarget[] = [
    { role: 'self', pid: 10 },
    { role: 'app', pid: 20 },
  ];
  const source = createProcessSource({ targets: () => targets, pidusage: port, clock: new FakeClock(9) });
  assert.deepEqual([source.name, source.intervalMs, source.timeoutMs], ['process', 1000, 2000]);
  assert.deepEqual(await source.read(), [
    { kind: 'process', atMs: 9, role: 'self', pid: 10, cpuPercent: null, rssBytes: 10_000 },
    { kind: 'process', atMs: 9, role: 'app', pid: 20, cpuPercent: null, rssBytes: 20_000 },
  ]);
  assert.deepEqual(
    (await source.read()).map((s) => (s.kind === 'process' ? s.cpuPercent : s.kind)),
    [4.5, 130],
  );
});

test('an exited pid (ESRCH, ENOENT, "No matching pid found") is an unavailable sample, not an error', async () => {
  const { port } = fakePidusage({
    10: [1, 2, 3, 4],
    20: [0, errno('ESRCH', 'ESRCH: no such process, read')],
    21: [errno('ENOENT', 'No matching pid found')],
    22: [new Error('No matching pid found')],
  });
  let targets: ProcessTarget[] = [
    { role: 'self', pid: 10 },
    { role: 'app', pid: 20 },
  ];
  const source = createProcessSource({ targets: () => targets, pidusage: port, clock: new FakeClock(0) });
  await source.read();
  assert.deepEqual(await source.read(), [
    { kind: 'process', atMs: 0, role: 'self', pid: 10, cpuPercent: 2, rssBytes: 10_000 },
    { kind: 'unavailable', atMs: 0, source: 'process', reason: 'app pid 20 exited', process: { role: 'app', pid: 20 } },
  ]);
  for (const pid of [21, 22]) {
    targets = [{ role: 'self', pid: 10 }, { role: 'app', pid }];
    const [, app] = await source.read();
    assert.deepEqual(app, {
      kind: 'unavailable',
      atMs: 0,
      source: 'process',
      reason: `app pid ${pid} exited`,
      process: { role: 'app', pid },
    });
  }
});

test('a restarted app is a new pid: pending again; a pid seen again after leaving the targets is pending too', async () => {
  const { port } = fakePidusage({ 10: [0, 1, 2, 3], 20: [0, 50, 60], 30: [0] });
  let targets: ProcessTarget[] = [
    { role: 'self', pid: 10 },
    { role: 'app', pid: 20 },
  ];
  const source = createProcessSource({ targets: () => targets, pidusage: port, clock: new FakeClock(0) });
  const cpuOf = async () => (await source.read()).map((s) => (s.kind === 'process' ? [s.pid, s.cpuPercent] : s.kind));
  assert.deepEqual(await cpuOf(), [[10, null], [20, null]]);
  assert.deepEqual(await cpuOf(), [[10, 1], [20, 50]]);
  targets = [{ role: 'self', pid: 10 }, { role: 'app', pid: 30 }];
  assert.deepEqual(await cpuOf(), [[10, 2], [30, null]]);
  targets = [{ role: 'self', pid: 10 }, { role: 'app', pid: 20 }];
  assert.deepEqual(await cpuOf(), [[10, 3], [20, null]]);
});

test('other pidusage errors and bad pids fail the read with the role and pid', async () => {
  const { port } = fakePidusage({ 5: [errno('EMFILE', 'EMFILE: too many open files, open')] });
  const source = createProcessSource({ targets: () => [{ role: 'app', pid: 5 }], pidusage: port });
  await assert.rejects(source.read(), { message: 'pidusage failed for app pid 5: EMFILE: too many open files, open' });
  const bad = createProcessSource({ targets: () => [{ role: 'app', pid: 1.5 }], pidusage: port });
  await assert.rejects(bad.read(), { message: 'process source: target "app" has pid 1.5; pids are positive integers' });
});

const onLinux = existsSync('/proc/self/stat');

test('real pidusage: repeated reads keep a constant fd count, and a killed child reads as exited', { skip: !onLinux }, async () => {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  const childPid = child.pid;
  assert.ok(childPid, 'sleep started');
  const targets: ProcessTarget[] = [
    { role: 'self', pid: process.pid },
    { role: 'app', pid: childPid },
  ];
  const source = createProcessSource({ targets: () => targets });
  const first = await source.read();
  assert.deepEqual(first.map((s) => s.kind === 'process' && s.cpuPercent), [null, null]);
  const fdsBefore = readdirSync('/proc/self/fd').length;
  for (let i = 0; i < 20; i++) await source.read();
  assert.equal(readdirSync('/proc/self/fd').length, fdsBefore);
  const [self] = await source.read();
  assert.ok(self?.kind === 'process' && typeof self.cpuPercent === 'number' && self.rssBytes > 10 * 1024 * 1024);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  const [, app] = await source.read();
  assert.deepEqual(app && { kind: app.kind, reason: app.kind === 'unavailable' && app.reason }, {
    kind: 'unavailable',
    reason: `app pid ${childPid} exited`,
  });
});

test('with a first window, a new pid is sampled twice that far apart and its first CPU figure is measured', async () => {
  const clock = new FakeClock(0);
  const figures = [0, 37.5, 12];
  const source = createProcessSource({
    targets: () => [{ role: 'self', pid: 42 }],
    clock,
    firstWindowMs: 250,
    pidusage: async () => ({ cpu: figures.shift() ?? 0, memory: 1000 }),
  });
  const reading = source.read();
  await new Promise((r) => setImmediate(r));
  assert.equal(clock.pendingCount(), 1, 'waits the first window');
  clock.advance(250);
  const [first] = await reading;
  assert.equal(first?.kind === 'process' && first.cpuPercent, 37.5);
  const [second] = await source.read();
  assert.equal(second?.kind === 'process' && second.cpuPercent, 12);
});
