import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperationRegistry } from '../../src/timing/operation-registry.js';
import { StatsdIngest, splitName } from '../../src/statsd/ingest.js';

const T0 = Date.UTC(2026, 0, 1);

function setup(options: { maxNames?: number; keepRejects?: number } = {}) {
  const registry = new OperationRegistry({ startMs: T0 });
  return { registry, ingest: new StatsdIngest({ registry, ...options }) };
}

test('splitName splits at the last dot; no inner dot means operation "value"', () => {
  assert.deepEqual(splitName('camera.cam1.capture'), ['camera.cam1', 'capture']);
  assert.deepEqual(splitName('stream.encode'), ['stream', 'encode']);
  assert.deepEqual(splitName('latency'), ['latency', 'value']);
  assert.deepEqual(splitName('.x'), ['.x', 'value']);
  assert.deepEqual(splitName('x.'), ['x.', 'value']);
});

test('timers go to the registry, camera-tagged ones through the camera split', () => {
  const { registry, ingest } = setup();
  ingest.ingest('zoomcam.camera.capture:10|ms\nzoomcam.camera.capture:30|ms|#camera:cam1\nlatency:2|h', T0);
  assert.deepEqual(
    registry.stats(T0 + 1000).map((s) => [s.component, s.operation, s.count, s.avgMs]),
    [
      ['latency', 'value', 1, 2],
      ['zoomcam.camera', 'capture', 2, 20],
    ],
  );
  assert.deepEqual(registry.cameraCosts(T0 + 1000), [{ camera: 'cam1', totalMs: 30, windowCount: 1 }]);
});

test('<component>.<operation>.errors counters count errors, scaled by sample rate', () => {
  const { registry, ingest } = setup();
  ingest.ingest('stream.encode:5|ms\nstream.encode.errors:1|c\nstream.encode.errors:1|c|@0.25|#camera:cam2', T0);
  const [stats] = registry.stats(T0 + 1000);
  assert.deepEqual([stats?.component, stats?.operation, stats?.count, stats?.errors], ['stream', 'encode', 1, 5]);
  assert.deepEqual(registry.cameraStats(T0 + 1000).map((s) => [s.camera, s.errors]), [['cam2', 4]]);
  assert.equal(ingest.counters.size, 0);
});

test('other counters accumulate; gauges set and move by deltas; sets count members', () => {
  const { ingest } = setup();
  ingest.ingest('hits:1|c\nhits:2|c|@0.5\nfps:30|g\nfps:-5|g|#camera:cam1', T0);
  ingest.ingest('fps:+2|g\nfps:-1|g\nusers:a|s\nusers:b|s\nusers:a|s', T0 + 500);
  assert.deepEqual(ingest.counters.get('hits'), { name: 'hits', camera: null, value: 5, atMs: T0 });
  assert.deepEqual(ingest.gauges.get('fps'), { name: 'fps', camera: null, value: 31, atMs: T0 + 500 });
  assert.deepEqual(ingest.gauges.get('fps|#camera:cam1'), { name: 'fps', camera: 'cam1', value: -5, atMs: T0 });
  assert.deepEqual([...(ingest.sets.get('users') ?? [])], ['a', 'b']);
});

test('counts lines, metrics and rejects by reason; bad lines change nothing', () => {
  const { registry, ingest } = setup({ keepRejects: 2 });
  ingest.ingest('a.b:1|ms\nbad\na.b:x|ms\n:1|c\n\n', T0);
  ingest.ingest(Buffer.alloc(70_000, 97), T0);
  assert.equal(ingest.counts.datagrams, 2);
  assert.equal(ingest.counts.lines, 5);
  assert.equal(ingest.counts.metrics, 1);
  assert.equal(ingest.counts.rejected, 4);
  assert.equal(ingest.counts.rejectsByReason['missing-value'], 1);
  assert.equal(ingest.counts.rejectsByReason['non-numeric-value'], 1);
  assert.equal(ingest.counts.rejectsByReason['empty-name'], 1);
  assert.equal(ingest.counts.rejectsByReason.oversized, 1);
  assert.equal(ingest.counts.rejectsByReason['nul-byte'], 0);
  assert.deepEqual(ingest.recentRejects.map((r) => r.reason), ['empty-name', 'oversized']);
  assert.deepEqual(registry.stats(T0).map((s) => s.count), [1]);
});

test('new counter/gauge/set names beyond maxNames are dropped and counted', () => {
  const { ingest } = setup({ maxNames: 2 });
  ingest.ingest('a:1|c\nb:1|g\nc:1|c\nd:x|s\na:1|c', T0);
  assert.deepEqual([...ingest.counters.keys()], ['a']);
  assert.equal(ingest.counters.get('a')?.value, 2);
  assert.deepEqual([...ingest.gauges.keys()], ['b']);
  assert.equal(ingest.sets.size, 0);
  assert.equal(ingest.counts.droppedNames, 2);
});
