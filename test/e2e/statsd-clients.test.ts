// Real StatsD clients feed zoomtop's ingest with exact values: the npm hot-shots client and Python's statsd package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import StatsD from 'hot-shots';
import { StatsdIngest } from '../../src/statsd/ingest.js';
import { startStatsdServer } from '../../src/statsd/server.js';
import { OperationRegistry } from '../../src/timing/operation-registry.js';

/** Debian's python3 with python3-statsd (the pyenv python3 first on PATH may not have it). */
function pythonWithStatsd(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(python, ['-c', 'import statsd'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}

async function listen() {
  const registry = new OperationRegistry({ startMs: Date.now() });
  const ingest = new StatsdIngest({ registry });
  const server = await startStatsdServer({ host: '127.0.0.1', port: 0, onDatagram: (d) => ingest.ingest(d, Date.now()) });
  return { registry, ingest, server };
}

async function until(check: () => boolean, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

test('hot-shots: timers with a camera tag, gauges and error counters arrive with the values sent', async () => {
  const { registry, ingest, server } = await listen();
  try {
    const client = new StatsD({ host: '127.0.0.1', port: server.address.port, maxBufferSize: 0 });
    client.timing('camera_manager.capture_frame', 12.5, ['camera:front_door']);
    client.timing('camera_manager.capture_frame', 37.5, ['camera:driveway']);
    client.increment('camera_manager.capture_frame.errors', 1);
    client.gauge('zoomcam.fps', 29.5);
    await new Promise<void>((resolve) => client.close(() => resolve()));
    await until(() => ingest.counts.metrics >= 4);
    const row = registry.stats(Date.now()).find((s) => s.component === 'camera_manager' && s.operation === 'capture_frame');
    assert.deepEqual([row?.count, row?.errors, row?.minMs, row?.maxMs], [2, 1, 12.5, 37.5]);
    assert.deepEqual(
      registry.cameraCosts(Date.now()).map((c) => [c.camera, c.totalMs]),
      [['driveway', 37.5], ['front_door', 12.5]],
    );
    assert.equal(ingest.gauges.get('zoomcam.fps')?.value, 29.5);
    assert.equal(ingest.counts.rejected, 0);
  } finally {
    await server.close();
  }
});

const python = pythonWithStatsd();

test("Python's statsd package (what a ZoomCam app would use) feeds the same rows", { skip: python === null && 'python3-statsd is not installed (apt-get install python3-statsd)' }, async () => {
  const { registry, ingest, server } = await listen();
  try {
    const script = [
      'import statsd, sys',
      'c = statsd.StatsClient("127.0.0.1", int(sys.argv[1]))',
      'c.timing("encoder.encode", 33.25)',
      'c.timing("encoder.encode", 8)',
      'c.incr("encoder.encode.errors")',
      'c.gauge("zoomcam.cameras_active", 2)',
    ].join('\n');
    const run = spawnSync(python!, ['-c', script, String(server.address.port)], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 0, run.stderr);
    await until(() => ingest.counts.metrics >= 4);
    const row = registry.stats(Date.now()).find((s) => s.component === 'encoder' && s.operation === 'encode');
    assert.deepEqual([row?.count, row?.errors, row?.minMs, row?.maxMs], [2, 1, 8, 33.25]);
    assert.equal(ingest.gauges.get('zoomcam.cameras_active')?.value, 2);
  } finally {
    await server.close();
  }
});
