// Process-counts source against a fixture /proc: processes on the machine, threads of the watched pid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createProcessCountsSource, parseLoadavgThreads, parseThreads } from '../../../src/sampler/sources/process-counts.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { procTree } from './proc-tree.js';

test('counts numeric /proc entries, reads Threads of the watched pid and the machine total from loadavg', async () => {
  const tree = procTree();
  try {
    for (const pid of [1, 2, 77, 4242]) tree.mkdir(`proc/${pid}`);
    tree.mkdir('proc/self');
    tree.mkdir('proc/sys');
    tree.write('proc/4242/status', 'Name:\tzoomcam\nState:\tS (sleeping)\nThreads:\t17\nVmRSS:\t1000 kB\n');
    tree.write('proc/loadavg', '0.52 0.58 0.59 3/412 12345\n');
    let pid = 4242;
    const source = createProcessCountsSource({ rootDir: tree.rootDir, clock: new FakeClock(9), pid: () => pid });
    assert.deepEqual(await source.read(), [{ kind: 'process-counts', atMs: 9, processCount: 4, systemThreadCount: 412, pid: 4242, threadCount: 17 }]);
    // The watched process is gone: its thread count is unknown, the machine's figures are not.
    pid = 5000;
    assert.deepEqual(await source.read(), [{ kind: 'process-counts', atMs: 9, processCount: 4, systemThreadCount: 412, pid: 5000, threadCount: null }]);
    pid = 0;
    await assert.rejects(source.read(), /pid\(\) gave 0; pids are positive integers/);
  } finally {
    tree.remove();
  }
});

test('the two files stay open between reads, one status at a time whatever the watched pid, until close()', { skip: process.platform !== 'linux' }, async () => {
  const tree = procTree();
  try {
    tree.write('proc/10/status', 'Threads:\t2\n');
    tree.write('proc/20/status', 'Threads:\t3\n');
    tree.write('proc/loadavg', '0.52 0.58 0.59 3/412 12345\n');
    let pid = 10;
    const source = createProcessCountsSource({ rootDir: tree.rootDir, clock: new FakeClock(0), pid: () => pid });
    const openFds = () => readdirSync('/proc/self/fd').length;
    const before = openFds();
    const threads = async () => ((await source.read())[0] as { threadCount: number | null }).threadCount;
    assert.equal(await threads(), 2);
    tree.write('proc/10/status', 'Threads:\t5\n');
    assert.equal(await threads(), 5);
    pid = 20;
    assert.equal(await threads(), 3);
    assert.equal(openFds(), before + 2);
    pid = 30;
    assert.equal(await threads(), null);
    assert.equal(openFds(), before + 1, 'the status of a pid that is gone is not held');
    source.close?.();
    assert.equal(openFds(), before);
  } finally {
    tree.remove();
  }
});

test('the real /proc of this machine gives this process at least one thread', { skip: process.platform !== 'linux' }, async () => {
  const [sample] = await createProcessCountsSource().read();
  assert.equal(sample?.kind, 'process-counts');
  if (sample?.kind !== 'process-counts') return;
  assert.equal(sample.pid, process.pid);
  assert.ok(sample.threadCount !== null && sample.threadCount >= 1);
  assert.ok(sample.processCount >= 1);
});

test('parsers name the file and the expected shape', () => {
  assert.equal(parseThreads('Threads:  3\n'), 3);
  assert.throws(() => parseThreads('Name: x\n', '/proc/1/status'), /^Error: \/proc\/1\/status has no "Threads: N" line/);
  assert.throws(() => parseLoadavgThreads('garbage'), /"garbage" is not "load1 load5 load15 running\/total lastpid"/);
});
