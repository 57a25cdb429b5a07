import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { readProcPpid, watchParent } from '../../src/demo/parent-watch.js';
import { FakeClock } from '../helpers/fake-clock.js';

function fakeProc(connected: boolean) {
  return Object.assign(new EventEmitter(), { ppid: 100, connected }) as unknown as Pick<NodeJS.Process, 'ppid' | 'connected' | 'once' | 'off'> &
    EventEmitter;
}

test('being re-parented (the parent died) fires once, at the next check', () => {
  const clock = new FakeClock();
  let ppid = 100;
  let orphaned = 0;
  watchParent({ onOrphaned: () => orphaned++, readPpid: () => ppid, proc: fakeProc(false), clock, intervalMs: 1000 });
  clock.advance(3000);
  assert.equal(orphaned, 0);
  ppid = 1;
  clock.advance(999);
  assert.equal(orphaned, 0);
  clock.advance(1);
  assert.equal(orphaned, 1);
  clock.advance(5000);
  assert.equal(orphaned, 1);
  assert.equal(clock.pendingCount(), 0);
});

test('the IPC channel closing fires at once; stop() ends the watch', () => {
  const clock = new FakeClock();
  const proc = fakeProc(true);
  let orphaned = 0;
  watchParent({ onOrphaned: () => orphaned++, readPpid: () => 100, proc, clock });
  proc.emit('disconnect');
  proc.emit('disconnect');
  assert.equal(orphaned, 1);
  assert.equal(clock.pendingCount(), 0);

  const stop = watchParent({ onOrphaned: () => orphaned++, readPpid: () => 100, proc, clock });
  stop();
  proc.emit('disconnect');
  assert.equal(orphaned, 1);
  assert.equal(clock.pendingCount(), 0);
});

test('without /proc the parent pid is probed instead', () => {
  const clock = new FakeClock();
  let alive = true;
  let orphaned = 0;
  const probed: number[] = [];
  const isAlive = (pid: number) => (probed.push(pid), alive);
  watchParent({ onOrphaned: () => orphaned++, readPpid: () => null, isAlive, proc: fakeProc(false), clock, intervalMs: 500 });
  clock.advance(500);
  alive = false;
  clock.advance(500);
  assert.deepEqual(probed, [100, 100]);
  assert.equal(orphaned, 1);
});

test('/proc/self/stat gives this process its real parent', { skip: process.platform !== 'linux' }, () => {
  assert.equal(readProcPpid(), process.ppid);
});
