import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperationRegistry } from '../../src/timing/operation-registry.js';
import { StatsdIngest } from '../../src/statsd/ingest.js';
import { StatsdReporter } from '../../src/statsd/reporter.js';
import { startStatsdServer } from '../../src/statsd/server.js';

const T0 = Date.UTC(2026, 0, 1);

test('reporter -> UDP loopback -> server -> ingest gives exact counts and values', { timeout: 5000 }, async () => {
  const registry = new OperationRegistry({ startMs: T0 });
  const ingest = new StatsdIngest({ registry });
  // timers; camera timers + 1 error; a failure (timer + error); gauges (a negative one is 2 lines); a counter
  const expectedLines = 1000 + 3 + 2 + 3 + 1;
  let resolveAll: () => void = () => {};
  const allReceived = new Promise<void>((resolve, reject) => {
    resolveAll = resolve;
    // Not a timing assertion: a lost datagram must fail the test and still close the server.
    setTimeout(() => reject(new Error(`received ${ingest.counts.lines} of ${expectedLines} lines`)), 3000).unref();
  });
  const server = await startStatsdServer({
    port: 0,
    onDatagram: (datagram) => {
      ingest.ingest(datagram, T0 + 500);
      if (ingest.counts.lines >= expectedLines) resolveAll();
    },
  });
  const reporter = new StatsdReporter({ port: server.address.port, prefix: 'zoomcam' });
  try {
    for (let ms = 1; ms <= 1000; ms++) reporter.record('camera', 'capture', ms);
    reporter.recordForCamera('stream', 'encode', 'cam1', 12.5);
    reporter.recordForCamera('stream', 'encode', 'cam2', 20.25, false);
    reporter.record('stream', 'upload', 3, false);
    reporter.gauge('fps', 30, { camera: 'cam1' });
    reporter.gauge('temperature', -4);
    reporter.increment('frames.dropped', 7);
    await reporter.close();
    await allReceived;
  } finally {
    await server.close();
  }
  assert.equal(reporter.stats.sendErrors, 0);
  assert.equal(ingest.counts.lines, expectedLines);
  assert.equal(ingest.counts.rejected, 0);
  assert.ok(ingest.counts.datagrams >= 2, 'batched into several datagrams');
  const stats = registry.stats(T0 + 1000);
  assert.deepEqual(
    stats.map((s) => [s.component, s.operation, s.count, s.errors, s.minMs, s.maxMs, s.avgMs]),
    [
      ['zoomcam.camera', 'capture', 1000, 0, 1, 1000, 500.5],
      ['zoomcam.stream', 'encode', 2, 1, 12.5, 20.25, 16.375],
      ['zoomcam.stream', 'upload', 1, 1, 3, 3, 3],
    ],
  );
  const p95 = stats[0]?.p95Ms ?? 0;
  assert.ok(Math.abs(p95 - 950) / 950 <= 0.02, `p95 ${p95}`);
  assert.deepEqual(registry.cameraCosts(T0 + 1000), [
    { camera: 'cam2', totalMs: 20.25, windowCount: 1 },
    { camera: 'cam1', totalMs: 12.5, windowCount: 1 },
  ]);
  assert.deepEqual(ingest.gauges.get('zoomcam.fps|#camera:cam1'), { name: 'zoomcam.fps', camera: 'cam1', value: 30, atMs: T0 + 500 });
  assert.equal(ingest.gauges.get('zoomcam.temperature')?.value, -4);
  assert.equal(ingest.counters.get('zoomcam.frames.dropped')?.value, 7);
});
