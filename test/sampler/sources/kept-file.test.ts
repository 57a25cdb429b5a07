// KeptFile: fresh text on each read through one descriptor, reopened after a failure or for a new path, closed on close().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { KeptFile, type KeptFileFs } from '../../../src/sampler/sources/kept-file.js';
import { procTree } from './proc-tree.js';

/** The real calls, with opens and closes logged; readSync throws `failRead` once when set. */
function loggingFs() {
  const log: string[] = [];
  const state: { failRead: Error | null } = { failRead: null };
  const port: KeptFileFs = {
    openSync: ((path: fs.PathLike, flags?: fs.OpenMode) => {
      const fd = fs.openSync(path, flags ?? 'r');
      log.push(`open ${String(path).split('/').pop()}`);
      return fd;
    }) as typeof fs.openSync,
    readSync: ((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
      const error = state.failRead;
      state.failRead = null;
      if (error) throw error;
      return fs.readSync(fd, buffer, offset, length, position);
    }) as typeof fs.readSync,
    closeSync: (fd) => {
      log.push('close');
      fs.closeSync(fd);
    },
  };
  return { port, log, state };
}

test('each read gives the text as it is now, through one descriptor; close() releases it once', () => {
  const tree = procTree();
  try {
    const { port, log } = loggingFs();
    const file = new KeptFile(port);
    const path = join(tree.rootDir, 'proc/loadavg');
    tree.write('proc/loadavg', '0.10 0.20 0.30 1/100 42\n');
    assert.equal(file.read(path), '0.10 0.20 0.30 1/100 42\n');
    tree.write('proc/loadavg', '9.9 1 1 2/7 43\n');
    assert.equal(file.read(path), '9.9 1 1 2/7 43\n', 'a shorter rewrite in place, read from offset 0');
    assert.deepEqual(log, ['open loadavg']);
    file.close();
    file.close();
    assert.deepEqual(log, ['open loadavg', 'close']);
  } finally {
    tree.remove();
  }
});

test('a file larger than the buffer is read whole; a new path closes the old descriptor first', () => {
  const tree = procTree();
  try {
    const { port, log } = loggingFs();
    const file = new KeptFile(port);
    const big = `${'cpu0 1 2 3 4 5 6 7 8 9 10\n'.repeat(800)}end\n`;
    tree.write('proc/1/status', big);
    tree.write('proc/2/status', 'Threads:\t3\n');
    assert.equal(file.read(join(tree.rootDir, 'proc/1/status')), big);
    assert.equal(file.read(join(tree.rootDir, 'proc/1/status')), big);
    assert.equal(file.read(join(tree.rootDir, 'proc/2/status')), 'Threads:\t3\n');
    assert.deepEqual(log, ['open status', 'close', 'open status']);
    file.close();
  } finally {
    tree.remove();
  }
});

test('a file given a piece per read, as an iterated seq_file gives a page, is read to the end (a read of 0)', () => {
  const text = `${'sda 1 2 3\n'.repeat(1000)}end\n`;
  const reads: number[] = [];
  const port: KeptFileFs = {
    openSync: (() => 7) as unknown as typeof fs.openSync,
    readSync: ((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
      reads.push(position);
      return buffer.write(text.slice(position, position + Math.min(length, 4000)), offset, 'utf8');
    }) as typeof fs.readSync,
    closeSync: () => {},
  };
  const file = new KeptFile(port);
  assert.equal(file.read('/proc/diskstats'), text);
  // The 4096-byte buffer fills at 4096 and doubles; at 8192 it doubles again.
  assert.deepEqual(reads, [0, 4000, 4096, 8096, 8192, 10004]);
  reads.length = 0;
  assert.equal(file.read('/proc/diskstats'), text, 'the next read starts at offset 0 again, in the grown buffer');
  assert.deepEqual(reads, [0, 4000, 8000, 10004]);
});

test('a failed read closes the descriptor and is rethrown; the next read opens the path again', () => {
  const tree = procTree();
  try {
    const { port, log, state } = loggingFs();
    const file = new KeptFile(port);
    const path = join(tree.rootDir, 'proc/stat');
    tree.write('proc/stat', 'cpu  1 2 3 4\n');
    file.read(path);
    state.failRead = Object.assign(new Error('ESRCH: no such process, read'), { code: 'ESRCH' });
    assert.throws(() => file.read(path), { code: 'ESRCH' });
    assert.equal(file.read(path), 'cpu  1 2 3 4\n');
    assert.deepEqual(log, ['open stat', 'close', 'open stat']);
    assert.throws(() => file.read(join(tree.rootDir, 'proc/none')), { code: 'ENOENT' });
    assert.deepEqual(log, ['open stat', 'close', 'open stat', 'close']);
    file.close();
    assert.equal(log.length, 4, 'nothing left open after a failed open');
  } finally {
    tree.remove();
  }
});

test('real /proc: a kept status of a child that exits answers ESRCH, then ENOENT; no descriptor stays open', { skip: process.platform !== 'linux' }, async () => {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  const path = `/proc/${child.pid}/status`;
  const fdsBefore = fs.readdirSync('/proc/self/fd').length;
  const file = new KeptFile();
  assert.match(file.read(path), /^Name:\tsleep$/m);
  assert.match(file.read(path), /^Threads:\t1$/m);
  assert.equal(fs.readdirSync('/proc/self/fd').length, fdsBefore + 1);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  assert.throws(() => file.read(path), { code: 'ESRCH' });
  assert.throws(() => file.read(path), { code: 'ENOENT' });
  assert.equal(fs.readdirSync('/proc/self/fd').length, fdsBefore);
});
