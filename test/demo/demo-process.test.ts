// Integration: the real demo child, against a UDP socket of this test. Takes a few seconds of wall time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnPipeline } from '../../src/demo/spawn-pipeline.js';

const configText = (rearEnabled: boolean) => `cameras:
  front:
    resolution: "320x240"
    enabled: true
  rear:
    resolution: "320x240"
    enabled: ${rearEnabled}
streaming:
  target_fps: 10
`;

type Line = { atMs: number; text: string };

/** Resolves when check() holds, polling every 50 ms; rejects with `what` after timeoutMs. */
async function waitFor(what: string, timeoutMs: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('the demo child reports per camera, follows a config change, and stop() leaves nothing behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zoomtop-demo-'));
  const file = join(dir, 'zoomcam.yaml');
  writeFileSync(file, configText(true));
  const socket = dgram.createSocket('udp4');
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const lines: Line[] = [];
  socket.on('message', (datagram) => {
    for (const text of datagram.toString('utf8').split('\n')) lines.push({ atMs: Date.now(), text });
  });
  const stderr: string[] = [];
  const pipeline = spawnPipeline({
    configFile: file,
    statsd: { host: '127.0.0.1', port: socket.address().port },
    env: { ZOOMTOP_DEMO_LOAD: '0.2' },
    onStderr: (line) => stderr.push(line),
  });
  const exits: Array<[number | null, string | null]> = [];
  pipeline.onExit((code, signal) => exits.push([code, signal]));
  const timer = (camera: string) => (l: Line) => /^camera_manager\.capture_frame:[\d.]+\|ms\|#camera:/.test(l.text) && l.text.endsWith(`#camera:${camera}`);
  try {
    await waitFor('timers of both cameras and the fps gauge', 8000, () =>
      lines.some(timer('front')) && lines.some(timer('rear')) && lines.some((l) => /^zoomcam\.fps:[\d.]+\|g$/.test(l.text)),
    );
    assert.ok(lines.some((l) => /^motion_detector\.detect:[\d.]+\|ms\|#camera:rear$/.test(l.text)));
    assert.ok(lines.some((l) => /^encoder\.encode:[\d.]+\|ms\|#camera:front$/.test(l.text)));
    assert.ok(lines.some((l) => l.text === 'zoomcam.cameras:2|g'));
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pipeline.pid}/stat`, 'utf8');
      assert.equal(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16], '10', 'the child runs at nice 10');
    }

    // zoomtop writes configs by rename-replace; the child must see it.
    writeFileSync(`${file}.tmp`, configText(false));
    renameSync(`${file}.tmp`, file);
    const changedAtMs = Date.now();
    await waitFor('the rear camera to go quiet for 1 s while front keeps going', 5000, () => {
      const lastRear = lines.filter(timer('rear')).at(-1)?.atMs ?? 0;
      return Date.now() - lastRear >= 1000 && lines.filter((l) => l.atMs > lastRear && timer('front')(l)).length >= 5;
    });
    const lastRear = lines.filter(timer('rear')).at(-1)!.atMs;
    assert.ok(lastRear - changedAtMs < 2500, `rear still reported ${lastRear - changedAtMs} ms after the change`);
    await waitFor('the active camera gauge to drop to 1', 2000, () => lines.some((l) => l.text === 'zoomcam.cameras_active:1|g'));
  } finally {
    await pipeline.stop();
    socket.close();
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(exits, [[0, null]], `the child exits cleanly on SIGTERM; its stderr: ${stderr.join(' | ')}`);
  assert.throws(() => process.kill(pipeline.pid, 0), { code: 'ESRCH' });
  assert.equal(stderr.length, 1, stderr.join(' | ')); // only the calibration line
  assert.match(stderr[0]!, /^zoomtop demo: [\d.]+ ns\/pixel on \d+ threads, target load 20 %, scale /);
});
