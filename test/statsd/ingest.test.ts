import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperationRegistry } from '../../src/timing/operation-registry.js';
import { StatsdIngest, splitName } from '../../src/statsd/ingest.js';
import { seededRandom } from '../helpers/seeded-random.js';

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

const NAMES = ['zoomcam.camera_manager.capture_frame', 'zoomcam.encoder.encode', 'latency', 'a.b.errors', 'x:y', 'é.op', 'a|b', ''];
const VALUES = ['12.3', '0', '.5', '5.', '007', '1e3', '-1', '+2', '1234567890123456', 'abc', '', '0.000001', 'x:1'];
const RESTS = ['|ms', '|h', '|d', '|c', '|g', '|s', '|ms|#camera:cam1', '|ms|#camera:cam2', '|ms|@0.5|#camera:cam1', '|ms|#site:n,camera:c3', '|c|#camera:cam1', '|g|#camera:cam1', '|ms|#camera:é', '|x', '|ms|', '', '|ms\0'];
const NOISE = [Buffer.from('\r'), Buffer.from('\n'), Buffer.from([0xe2, 0x82]), Buffer.from([0xff]), Buffer.from('\n\n')];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** Everything ingest keeps, in comparable form. */
function state(registry: OperationRegistry, ingest: StatsdIngest): unknown {
  return {
    stats: registry.stats(T0 + 1000),
    cameraStats: registry.cameraStats(T0 + 1000),
    registry: [registry.size, registry.droppedSeries, registry.invalidRecords],
    counts: ingest.counts,
    rejects: ingest.recentRejects,
    counters: [...ingest.counters],
    gauges: [...ingest.gauges],
    sets: [...ingest.sets].map(([key, members]) => [key, [...members]]),
  };
}

test('a Buffer is ingested exactly as its decoded text would be, cached timer lines included', () => {
  const next = seededRandom(8);
  const bytes = setup({ keepRejects: 50, maxNames: 40 });
  const text = setup({ keepRejects: 50, maxNames: 40 });
  for (let i = 0; i < 20_000; i++) {
    const parts: Buffer[] = [];
    const lines = 1 + Math.floor(next() * 3);
    for (let j = 0; j < lines; j++) {
      // Mostly well-formed lines, so the cache fills and hits; now and then noise between or inside them.
      const line = next() < 0.7 ? `${pick(next, NAMES.slice(0, 3))}:${pick(next, VALUES.slice(0, 4))}${pick(next, RESTS.slice(0, 9))}` : `${pick(next, NAMES)}:${pick(next, VALUES)}${pick(next, RESTS)}`;
      if (j > 0) parts.push(Buffer.from('\n'));
      parts.push(Buffer.from(line));
      if (next() < 0.1) parts.push(pick(next, NOISE));
    }
    const datagram = Buffer.concat(parts);
    bytes.ingest.ingest(datagram, T0 + i);
    text.ingest.ingest(datagram.toString('utf8'), T0 + i);
  }
  assert.ok(bytes.ingest.counts.rejected > 1000 && bytes.ingest.counts.metrics > 10_000, 'both kinds occur');
  assert.deepEqual(state(bytes.registry, bytes.ingest), state(text.registry, text.ingest));
});

test('a timer line seen before is recorded to the same series, with and without its camera', () => {
  const { registry, ingest } = setup();
  for (const value of ['1', '2.5', '.5']) {
    ingest.ingest(Buffer.from(`zoomcam.encoder.encode:${value}|ms|#camera:cam1`), T0);
    ingest.ingest(Buffer.from(`zoomcam.encoder.encode:${value}|ms`), T0);
  }
  assert.deepEqual(
    registry.stats(T0 + 1000).map((s) => [s.component, s.operation, s.count, s.avgMs, s.lastMs]),
    [['zoomcam.encoder', 'encode', 6, 8 / 6, 0.5]],
  );
  assert.deepEqual(registry.cameraCosts(T0 + 1000), [{ camera: 'cam1', totalMs: 4, windowCount: 3 }]);
  assert.deepEqual([ingest.counts.lines, ingest.counts.metrics, ingest.counts.rejected], [6, 6, 0]);
});
