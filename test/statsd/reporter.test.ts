import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatsdReporter } from '../../src/statsd/reporter.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { FakeSocket } from './fake-socket.js';

function setup(options: { prefix?: string; maxDatagramBytes?: number } = {}) {
  const socket = new FakeSocket();
  const clock = new FakeClock();
  const reporter = new StatsdReporter({ socket, clock, port: 9125, host: '10.0.0.5', ...options });
  return { socket, clock, reporter };
}

test('lines are batched and sent after flushIntervalMs', () => {
  const { socket, clock, reporter } = setup({ prefix: 'zoomcam' });
  reporter.record('camera', 'capture', 12.3456);
  reporter.record('stream', 'encode', 4, false);
  reporter.recordForCamera('camera', 'capture', 'cam 1', 8, false);
  reporter.gauge('fps', 29.97, { camera: 'cam1' });
  reporter.increment('frames.dropped');
  reporter.increment('bytes', 1500);
  assert.equal(socket.sent.length, 0);
  assert.equal(clock.pendingCount(), 1); // one timer for the batch, not one per line
  clock.advance(99);
  assert.equal(socket.sent.length, 0);
  clock.advance(1);
  assert.equal(socket.sent.length, 1);
  assert.deepEqual(socket.sent[0]?.port, 9125);
  assert.deepEqual(socket.sent[0]?.host, '10.0.0.5');
  assert.deepEqual(socket.lines(), [
    'zoomcam.camera.capture:12.346|ms',
    'zoomcam.stream.encode:4|ms',
    'zoomcam.stream.encode.errors:1|c',
    'zoomcam.camera.capture:8|ms|#camera:cam_1',
    'zoomcam.camera.capture.errors:1|c|#camera:cam_1',
    'zoomcam.fps:29.97|g|#camera:cam1',
    'zoomcam.frames.dropped:1|c',
    'zoomcam.bytes:1500|c',
  ]);
  assert.equal(clock.pendingCount(), 0); // idle: no timer armed
});

test('a negative gauge is sent as a reset then a decrement, in one datagram', () => {
  const { socket, reporter } = setup();
  reporter.gauge('temp', -3.5);
  reporter.flush();
  assert.deepEqual(socket.sent.map((d) => d.text), ['temp:0|g\ntemp:-3.5|g']);
});

test('datagrams never exceed maxDatagramBytes; a full one is sent at once', () => {
  const { socket, reporter } = setup({ maxDatagramBytes: 64 });
  for (let i = 0; i < 10; i++) reporter.record('component', `op${i}`, 100); // 20-byte lines: 3 fit in 64
  assert.equal(socket.sent.length, 3);
  reporter.flush();
  assert.equal(socket.sent.length, 4);
  assert.equal(Buffer.byteLength(socket.sent[0]?.text ?? ''), 62);
  assert.ok(socket.sent.every((d) => Buffer.byteLength(d.text) <= 64), JSON.stringify(socket.sent));
  assert.equal(socket.lines().length, 10);
  assert.equal(socket.lines()[9], 'component.op9:100|ms');
});

test('a line longer than the datagram limit is sent alone', () => {
  const { socket, reporter } = setup({ maxDatagramBytes: 64 });
  reporter.record('a', 'b', 1);
  reporter.increment('x'.repeat(100));
  assert.deepEqual(socket.sent.map((d) => d.text), ['a.b:1|ms', `${'x'.repeat(100)}:1|c`]);
});

test('sending never throws into the app; failures are counted', () => {
  const { socket, reporter } = setup();
  socket.failWith = new Error('ECONNREFUSED');
  reporter.record('a', 'b', 1);
  reporter.flush();
  socket.failWith = null;
  socket.throwOnSend = new Error('Not running');
  reporter.record('a', 'b', 1);
  assert.doesNotThrow(() => reporter.flush());
  reporter.record('a', 'b', NaN);
  reporter.gauge('g', Infinity);
  assert.deepEqual(reporter.stats, { lines: 2, datagrams: 2, sendErrors: 2, droppedLines: 2 });
});

test('close flushes, waits for sends in flight, closes the socket, drops later lines', async () => {
  const { socket, clock, reporter } = setup();
  socket.autoComplete = false;
  reporter.record('a', 'b', 1);
  let closed = false;
  const closing = reporter.close().then(() => (closed = true));
  assert.equal(socket.sent.length, 1);
  assert.equal(clock.pendingCount(), 0);
  await Promise.resolve();
  assert.equal(closed, false);
  socket.completeSends();
  await closing;
  assert.equal(socket.closed, true);
  assert.equal(reporter.close(), reporter.close());
  reporter.record('a', 'b', 1);
  assert.equal(reporter.stats.droppedLines, 1);
  assert.equal(socket.sent.length, 1);
});

test('startTimer and timed report through the same lines', async () => {
  const socket = new FakeSocket();
  let nowMs = 0;
  const reporter = new StatsdReporter({ socket, clock: new FakeClock(), stopwatch: () => nowMs });
  const end = reporter.startTimer('a', 'timer');
  nowMs = 2.5;
  assert.equal(end(), 2.5);
  await assert.rejects(
    reporter.timed('a', 'async', async () => {
      nowMs = 4;
      throw new Error('x');
    }),
  );
  reporter.flush();
  assert.deepEqual(socket.lines(), ['a.timer:2.5|ms', 'a.async:1.5|ms', 'a.async.errors:1|c']);
});

test('bad options fail with the field, value and fix', () => {
  assert.throws(() => new StatsdReporter({ port: 0 }), /port must be 1-65535, got 0/);
  assert.throws(() => new StatsdReporter({ flushIntervalMs: 0 }), /flushIntervalMs must be a positive number of ms, got 0/);
  assert.throws(() => new StatsdReporter({ maxDatagramBytes: 70_000 }), /maxDatagramBytes must be 64-65507, got 70000/);
});
