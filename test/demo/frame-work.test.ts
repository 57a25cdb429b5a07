import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectMotion, encodeRows, processStripe, renderRows } from '../../src/demo/frame-work.js';

test('motion detection counts pixels differing by more than the threshold and bounds them', () => {
  const previous = new Uint8Array(12).fill(100); // 4 x 3
  const current = previous.slice();
  current[0 * 4 + 1] = 130; // +30: changed
  current[1 * 4 + 2] = 75; // -25: changed
  current[2 * 4 + 3] = 124; // +24: not over the threshold
  current[2 * 4 + 0] = 0; // -100: changed
  assert.deepEqual(detectMotion(current, previous, 4, 0, 3, 24), { changedPixels: 3, minX: 0, minY: 0, maxX: 2, maxY: 2 });
  assert.deepEqual(detectMotion(current, previous, 4, 1, 2, 24), { changedPixels: 1, minX: 2, minY: 1, maxX: 2, maxY: 1 });
  assert.deepEqual(detectMotion(previous, previous, 4, 0, 3, 24), { changedPixels: 0, minX: -1, minY: -1, maxX: -1, maxY: -1 });
});

test('a frame rendered in two stripes equals the frame rendered whole', () => {
  const whole = new Uint8Array(64 * 48);
  const striped = new Uint8Array(64 * 48);
  renderRows(whole, 64, 48, 0, 48, 2000);
  renderRows(striped, 64, 48, 0, 17, 2000);
  renderRows(striped, 64, 48, 17, 48, 2000);
  assert.deepEqual(striped, whole);
  assert.equal(whole[12 * 64 + 30], 220); // inside the moving rectangle at 2 s
  assert.equal(Math.min(...whole), 64); // background 64 + noise 0..7 at least somewhere
});

test('the same scene time renders the same frame; a later one moves the objects', () => {
  const a = new Uint8Array(64 * 48);
  const b = new Uint8Array(64 * 48);
  renderRows(a, 64, 48, 0, 48, 2000);
  renderRows(b, 64, 48, 0, 48, 2000);
  assert.equal(detectMotion(a, b, 64, 0, 48).changedPixels, 0);
  renderRows(b, 64, 48, 0, 48, 2500);
  assert.ok(detectMotion(a, b, 64, 0, 48).changedPixels > 0);
});

test('encodeRows deflates exactly the given rows', () => {
  const frame = new Uint8Array(8 * 4).map((_, i) => i);
  const size = encodeRows(frame, 8, 1, 3);
  assert.ok(size > 0);
  const zeros = new Uint8Array(8 * 4);
  assert.equal(encodeRows(zeros, 8, 1, 3), encodeRows(zeros, 8, 0, 2));
});

test('processStripe times the three steps with the given clock; a first frame has no motion', () => {
  const readings = [10, 12, 15, 19];
  const result = processStripe(
    { current: new SharedArrayBuffer(32 * 16), previous: null, width: 32, height: 16, rowStart: 0, rowEnd: 16, sceneMs: 0 },
    () => readings.shift() ?? 0,
  );
  assert.equal(result.captureMs, 2);
  assert.equal(result.detectMs, 3);
  assert.equal(result.encodeMs, 4);
  assert.equal(result.changedPixels, 0);
  assert.ok(result.encodedBytes > 0);
});

test('stripes work on shared buffers in place', () => {
  const current = new SharedArrayBuffer(16 * 16);
  const previous = new SharedArrayBuffer(16 * 16);
  processStripe({ current: previous, previous: null, width: 16, height: 16, rowStart: 0, rowEnd: 16, sceneMs: 0 });
  const result = processStripe({ current, previous, width: 16, height: 16, rowStart: 0, rowEnd: 16, sceneMs: 0 });
  assert.deepEqual(new Uint8Array(current), new Uint8Array(previous));
  assert.ok(new Uint8Array(current).every((v) => v >= 64));
  assert.equal(result.changedPixels, 0);
});
