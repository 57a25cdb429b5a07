// Process source: pending first figures, exited pids, changing targets; plus real pidusage on Linux.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { batchedPidusage, createProcessSource, type PidusageFn, type PidusagePort, type PidUsage, type ProcessTarget } from '../../../src/sampler/sources/process.js';
import { FakeClock } from '../../helpers/fake-clock.js';

function errno(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Answers per pid: a number is cpu %, an Error is that pid's error. RSS is pid * 1000 to tell them apart. */
function fakePidusage(answers: Record<number, (number | Error)[]>) {
  const asked: number[][] = [];
  const port: PidusagePort = async (pids) => {
    asked.push([...pids]);
    return new Map(
      pids.map((pid): [number, PidUsage | Error] => {
        const next = answers[pid]?.shift();
        if (next === undefined) return [pid, new Error(`test: no answer left for pid ${pid}`)];
        return [pid, next instanceof Error ? next : { cpu: next, memory: pid * 1000 }];
      }),
    );
  };
  return { port, asked };
}

test('the first figure of each pid is pending (null); later ones are pidusage cpu; rss is memory; all pids in one call', async () => {
  const { port, asked } = fakePidusage({ 10: [0, 4.5], 20: [0, 130] });
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
  assert.deepEqual(asked, [[10, 20], [10, 20]]);
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
    pidusage: async (pids) => new Map(pids.map((pid) => [pid, { cpu: figures.shift() ?? 0, memory: 1000 }])),
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

test('with a first window, two new pids wait one window together and only they are asked again', async () => {
  const clock = new FakeClock(0);
  const { port, asked } = fakePidusage({ 10: [0, 5, 6], 20: [0, 7], 30: [0, 8] });
  let targets: ProcessTarget[] = [{ role: 'self', pid: 10 }, { role: 'app', pid: 20 }];
  const source = createProcessSource({ targets: () => targets, clock, firstWindowMs: 250, pidusage: port });
  const reading = source.read();
  await new Promise((r) => setImmediate(r));
  assert.equal(clock.pendingCount(), 1);
  clock.advance(250);
  assert.deepEqual((await reading).map((s) => s.kind === 'process' && s.cpuPercent), [5, 7]);
  targets = [{ role: 'self', pid: 10 }, { role: 'app', pid: 30 }];
  const next = source.read();
  await new Promise((r) => setImmediate(r));
  clock.advance(250);
  assert.deepEqual((await next).map((s) => s.kind === 'process' && s.cpuPercent), [6, 8]);
  assert.deepEqual(asked, [[10, 20], [10, 20], [10, 30], [30]]);
});

/** Behaves as pidusage 4 does on Linux: many pids answer in one object without the failing ones; one pid answers bare or rejects. */
function fakePidusageModule(alive: Record<number, number>, failures: Record<number, Error>) {
  const calls: string[] = [];
  const fn = (async (pids: number | number[]) => {
    if (Array.isArray(pids)) {
      calls.push(`many ${pids.join(',')}`);
      return Object.fromEntries(pids.filter((pid) => pid in alive).map((pid) => [String(pid), { cpu: alive[pid], memory: pid }]));
    }
    calls.push(`one ${pids}`);
    if (pids in alive) return { cpu: alive[pids], memory: pids };
    throw failures[pids] ?? new Error('No matching pid found');
  }) as PidusageFn;
  return { fn, calls };
}

test('batchedPidusage: one call for many pids; a pid missing from its answer is asked alone for its error', async () => {
  const emfile = errno('EMFILE', 'EMFILE: too many open files, open');
  const { fn, calls } = fakePidusageModule({ 10: 1.5, 20: 2.5 }, { 40: emfile });
  const ask = batchedPidusage(fn);
  assert.deepEqual(await ask([10, 20]), new Map<number, PidUsage | Error>([[10, { cpu: 1.5, memory: 10 }], [20, { cpu: 2.5, memory: 20 }]]));
  const answers = await ask([10, 30, 40]);
  assert.deepEqual(answers.get(10), { cpu: 1.5, memory: 10 });
  assert.equal((answers.get(30) as Error).message, 'No matching pid found');
  assert.equal(answers.get(40), emfile);
  assert.deepEqual(await ask([20]), new Map([[20, { cpu: 2.5, memory: 20 }]]));
  assert.deepEqual(calls, ['many 10,20', 'many 10,30,40', 'one 30', 'one 40', 'one 20']);
});

test('batchedPidusage: a call for many that fails as a whole falls back to asking each pid alone', async () => {
  const calls: string[] = [];
  const fn = (async (pids: number | number[]) => {
    calls.push(Array.isArray(pids) ? 'many' : `one ${pids}`);
    if (Array.isArray(pids)) throw new Error('getconf failed');
    return { cpu: 1, memory: pids };
  }) as unknown as PidusageFn;
  assert.deepEqual(await batchedPidusage(fn)([7, 8]), new Map([[7, { cpu: 1, memory: 7 }], [8, { cpu: 1, memory: 8 }]]));
  assert.deepEqual(calls, ['many', 'one 7', 'one 8']);
});
