import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toDetailModel } from '../../src/views/detail-model.js';
import { buildStats } from '../helpers/snapshot-builder.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

test('the distribution as bars scaled to the max, with the window, the errors and the cameras', () => {
  const stats = buildStats('encoder', 'encode', { errors: 6, minMs: 0.5, p50Ms: 10.5, p95Ms: 20.25, p99Ms: 30, maxMs: 60 });
  const cameras = [
    { ...buildStats('encoder', 'encode', { windowCount: 900, ratePerSec: 15, errors: 6 }), camera: 'front_door' },
    { ...buildStats('encoder', 'encode', { windowCount: 900, ratePerSec: 15 }), camera: 'a_camera_with_a_long_name' },
    { ...buildStats('camera', 'capture', {}), camera: 'front_door' },
  ];
  const model = toDetailModel({ key: 'encoder.encode', stats, cameras, bar: '#' });
  assert.equal(model.title, 'Operation encoder.encode');
  assert.deepEqual(model.lines.map(text), [
    'window    last 60 s: 1800 calls, 30/s',
    'errors    6 of 1200 calls since start (0.5 %)',
    '',
    'latency in ms, last 60 s',
    `  min   0.500 #`,
    `  p50    10.5 ${'#'.repeat(5)}`,
    `  p95    20.3 ${'#'.repeat(10)}`,
    `  p99    30.0 ${'#'.repeat(15)}`,
    `  max    60.0 ${'#'.repeat(30)}`,
    '  avg    11.0',
    '',
    'per camera       calls  rate/s     p50     p95     p99  errors',
    'front_door         900      15    10.5    20.3    30.0       6',
    'a_camera_with…     900      15    10.5    20.3    30.0       0',
    '',
    'up/down another operation   any other key closes',
  ]);
  assert.equal(model.lines[1]![1]!.tone, 'warning');
});

test('no calls in the window: no bars, the unknown shown as such; no camera tags: how to get them', () => {
  const idle = buildStats('uploader', 'send', { windowCount: 0, avgMs: null, minMs: null, maxMs: null, p50Ms: null, p95Ms: null, p99Ms: null });
  const lines = toDetailModel({ key: 'uploader.send', stats: idle, cameras: [], bar: '#' }).lines.map(text);
  assert.ok(lines.includes('  p95       … '), lines.join('\n'));
  assert.ok(lines.includes('  no calls in the window: … until the next one'));
  assert.ok(lines.includes('per camera: none tagged (send timers with |#camera:<id> to split by camera)'));
});

test('an operation that is gone, or none at all, says so instead of showing stale figures', () => {
  assert.equal(text(toDetailModel({ key: 'x.y', stats: undefined, cameras: [], bar: '#' }).lines[0]!), 'x.y is no longer reported (cleared, or filtered out).');
  assert.equal(text(toDetailModel({ key: null, stats: undefined, cameras: [], bar: '#' }).lines[0]!), 'No operation is selected.');
});
