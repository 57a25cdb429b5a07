import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimerLineCache, type TimerTarget } from '../../src/statsd/timer-line-cache.js';

const CAM1: TimerTarget = { component: 'zoomcam.camera_manager', operation: 'capture_frame', camera: 'cam1' };

function remembered(line: string, target: TimerTarget = CAM1, cache = new TimerLineCache()): TimerLineCache {
  const bytes = Buffer.from(line);
  cache.remember(bytes, 0, bytes.length, target);
  return cache;
}

/** Just the target's fields: the cache hands back its own entry. */
function targetOf(found: TimerTarget | undefined): TimerTarget | undefined {
  return found && { component: found.component, operation: found.operation, camera: found.camera };
}

function match(cache: TimerLineCache, line: string): [TimerTarget | undefined, number] {
  const bytes = Buffer.from(line);
  return [targetOf(cache.match(bytes, 0, bytes.length)), cache.valueMs];
}

test('a line with the same name and rest matches whatever its value; the value is read exactly', () => {
  const cache = remembered('zoomcam.camera_manager.capture_frame:12.3|ms|#camera:cam1');
  for (const [value, expected] of [['12.3', 12.3], ['0', 0], ['7', 7], ['.5', 0.5], ['5.', 5], ['007.250', 7.25], ['123456789012345', 123456789012345]] as const) {
    const [target, valueMs] = match(cache, `zoomcam.camera_manager.capture_frame:${value}|ms|#camera:cam1`);
    assert.deepEqual(target, CAM1, value);
    assert.equal(valueMs, expected, value);
  }
});

test('decimal values read from bytes equal Number(text), bit for bit', () => {
  const cache = remembered('a.b:1|ms');
  let seed = 7;
  for (let i = 0; i < 20_000; i++) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const digits = String(seed % 10 ** (1 + (i % 15))).padStart(1 + (i % 15), '0');
    const point = i % (digits.length + 1);
    const text = `${digits.slice(0, point)}.${digits.slice(point)}`;
    const [target, valueMs] = match(cache, `a.b:${text}|ms`);
    assert.ok(target, text);
    assert.ok(Object.is(valueMs, Number(text)), `${text}: ${valueMs} !== ${Number(text)}`);
  }
});

test('lines other than the plain form are left to the parser', () => {
  const cache = remembered('a.b:1|ms|#camera:cam1');
  for (const value of ['+1', '-1', '1e3', '1..2', '.', '', '1234567890123456', ' 1', '1_0', '1:2']) {
    assert.equal(match(cache, `a.b:${value}|ms|#camera:cam1`)[0], undefined, JSON.stringify(value));
  }
  assert.equal(match(cache, 'a.b:1|ms|#camera:cam2')[0], undefined, 'another tag');
  assert.equal(match(cache, 'a.c:1|ms|#camera:cam1')[0], undefined, 'another name');
  assert.equal(match(cache, 'a.b:1|ms|#camera:cam1 ')[0], undefined, 'a longer rest');
  assert.equal(match(cache, 'a.b:1|ms')[0], undefined, 'a shorter rest');
  assert.equal(match(cache, 'a.bb:1|ms|#camera:cam1')[0], undefined, 'a longer name');
});

test('names and rests with non-ASCII or NUL bytes are never remembered', () => {
  for (const line of ['é.b:1|ms', 'a.b:1|ms|#camera:é', 'a\0b:1|ms', 'a.b:1|ms|#camera:c\0']) {
    const cache = remembered(line);
    assert.equal(cache.size, 0, JSON.stringify(line));
    assert.equal(match(cache, line)[0], undefined, JSON.stringify(line));
  }
});

test('a line ends at the first \\n or \\r\\n, and nextStart is past it', () => {
  const cache = remembered('a.b:1|ms');
  const bytes = Buffer.from('x:1|c\na.b:42.5|ms\na.b:7|ms\r\na.b:8|ms\r');
  assert.deepEqual(targetOf(cache.match(bytes, 6, bytes.length)), CAM1);
  assert.deepEqual([cache.valueMs, cache.nextStart], [42.5, 18]);
  assert.deepEqual(targetOf(cache.match(bytes, 18, bytes.length)), CAM1);
  assert.deepEqual([cache.valueMs, cache.nextStart], [7, 28]);
  assert.deepEqual(targetOf(cache.match(bytes, 28, bytes.length)), CAM1);
  assert.deepEqual([cache.valueMs, cache.nextStart], [8, bytes.length]);
  assert.deepEqual(targetOf(cache.match(bytes, 6, 16)), undefined, 'cut short by the limit');
  assert.equal(cache.match(Buffer.from('a.b:1|ms\r|'), 0, 10), undefined, 'a \\r inside the line');
});

test('a line ending in a \\r of its own is not remembered', () => {
  const cache = remembered('a.b:1|ms|#camera:c\r');
  assert.equal(cache.size, 0);
});

test('when full it starts over', () => {
  const cache = new TimerLineCache({ maxEntries: 2 });
  remembered('a:1|ms', CAM1, cache);
  remembered('b:1|ms', CAM1, cache);
  assert.equal(cache.size, 2);
  remembered('c:1|ms', CAM1, cache);
  assert.equal(cache.size, 1);
  assert.equal(match(cache, 'a:1|ms')[0], undefined);
  assert.deepEqual(match(cache, 'c:2|ms'), [CAM1, 2]);
});

test('a bad maxEntries is a one-line error naming the fix', () => {
  assert.throws(() => new TimerLineCache({ maxEntries: 0 }), {
    message: 'TimerLineCache: maxEntries must be a whole number >= 1, got 0; the default is 512',
  });
});
