import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RingBuffer } from '../../src/store/ring-buffer.js';

test('keeps the newest values oldest first, with gaps as null', () => {
  const ring = new RingBuffer(3);
  [1, null, 3, 4].forEach((v) => ring.push(v));
  assert.deepEqual(ring.toArray(), [null, 3, 4]);
  assert.equal(ring.latest(), 4);
  assert.equal(ring.size, 3);
});

test('rejects a capacity that is not a positive integer', () => {
  assert.throws(() => new RingBuffer(0), /positive integer, got 0/);
});
