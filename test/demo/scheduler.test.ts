import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameScheduler } from '../../src/demo/scheduler.js';

test('a camera gets one frame per 1000/fps ms, the first due when it is added', () => {
  const scheduler = new FrameScheduler();
  scheduler.setCamera('a', 10, 1000);
  assert.deepEqual(scheduler.poll(1000), [{ cameraId: 'a', index: 0, dueMs: 1000 }]);
  assert.equal(scheduler.complete('a'), null);
  assert.equal(scheduler.nextDueMs(), 1100);
  assert.deepEqual(scheduler.poll(1099), []);
  assert.deepEqual(scheduler.poll(1100), [{ cameraId: 'a', index: 1, dueMs: 1100 }]);
  assert.equal(scheduler.droppedFrames('a'), 0);
});

test('frames due while the camera is busy wait one deep; replaced ones are dropped', () => {
  const scheduler = new FrameScheduler();
  scheduler.setCamera('a', 10, 0);
  assert.equal(scheduler.poll(0).length, 1);
  assert.deepEqual(scheduler.poll(100), []); // frame 1 waits
  assert.deepEqual(scheduler.poll(200), []); // frame 2 replaces it: 1 dropped
  assert.equal(scheduler.droppedFrames('a'), 1);
  assert.deepEqual(scheduler.complete('a'), { cameraId: 'a', index: 2, dueMs: 200 });
  assert.equal(scheduler.complete('a'), null);
  assert.equal(scheduler.takeDroppedFrames(), 1);
  assert.equal(scheduler.takeDroppedFrames(), 0);
});

test('frames skipped by a late poll count as dropped and the latest one starts', () => {
  const scheduler = new FrameScheduler();
  scheduler.setCamera('a', 10, 0);
  scheduler.poll(0);
  scheduler.complete('a');
  assert.deepEqual(scheduler.poll(350), [{ cameraId: 'a', index: 3, dueMs: 300 }]);
  assert.equal(scheduler.droppedFrames('a'), 2);
  assert.equal(scheduler.nextDueMs(), 400);
});

test('cameras at different fps over one second, polled at each due time, get exactly fps frames', () => {
  const scheduler = new FrameScheduler();
  scheduler.setCamera('front_door', 30, 0);
  scheduler.setCamera('driveway', 12.5, 0);
  const started = new Map<string, number>();
  for (let now = scheduler.nextDueMs(); now !== null && now < 1000; now = scheduler.nextDueMs()) {
    for (const frame of scheduler.poll(now)) {
      started.set(frame.cameraId, (started.get(frame.cameraId) ?? 0) + 1);
      scheduler.complete(frame.cameraId);
    }
  }
  assert.deepEqual(Object.fromEntries(started), { front_door: 30, driveway: 13 });
  assert.equal(scheduler.takeDroppedFrames(), 0);
});

test('an fps change restarts the camera grid; the same fps changes nothing', () => {
  const scheduler = new FrameScheduler();
  scheduler.setCamera('a', 10, 0);
  scheduler.poll(0);
  scheduler.complete('a');
  scheduler.setCamera('a', 10, 50);
  assert.equal(scheduler.nextDueMs(), 100);
  scheduler.setCamera('a', 5, 150);
  assert.equal(scheduler.nextDueMs(), 150);
  assert.deepEqual(scheduler.poll(150), [{ cameraId: 'a', index: 0, dueMs: 150 }]);
  assert.equal(scheduler.nextDueMs(), 350);
});

test('a removed camera is forgotten; its late completion is ignored', () => {
  const scheduler = new FrameScheduler();
  scheduler.setCamera('a', 10, 0);
  scheduler.poll(0);
  scheduler.poll(100);
  scheduler.removeCamera('a');
  assert.equal(scheduler.complete('a'), null);
  assert.equal(scheduler.nextDueMs(), null);
  assert.deepEqual(scheduler.cameraIds(), []);
});

test('a non-positive fps is refused with the camera named', () => {
  assert.throws(() => new FrameScheduler().setCamera('a', 0, 0), /fps of camera "a" must be > 0, got 0/);
});
