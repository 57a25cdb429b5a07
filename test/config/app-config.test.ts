// Reading ZoomCam's config: values in file order, and one-line errors with position and fix.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readAppConfig } from '../../src/config/app-config.js';
import type { AppConfigFs } from '../../src/config/app-config.js';

const EXAMPLE = `# comments everywhere, keep them
cameras:
  front_door:
    name: "Front door"
    resolution: "1920x1080"
    enabled: true
    fps: 30          # optional per-camera
  1:                 # numeric ids are keys too
    resolution: 1280x720
    enabled: false
streaming:
  target_fps: 30
`;

/** An in-memory fs holding one file. */
function memoryFs(content: string | Uint8Array): AppConfigFs {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { readFile: async () => bytes, stat: async () => ({ size: bytes.length }) };
}

async function errorOf(text: string | Uint8Array, options: { maxBytes?: number; maxAliasCount?: number } = {}): Promise<string> {
  const result = await readAppConfig('zoomcam.yaml', { fs: memoryFs(text), ...options });
  assert.equal(result.ok, false);
  return result.ok ? '' : result.error;
}

describe('readAppConfig', () => {
  it('reads cameras in file order with numeric ids, defaults and the text hash', async () => {
    const result = await readAppConfig('zoomcam.yaml', { fs: memoryFs(EXAMPLE) });
    assert.ok(result.ok);
    assert.deepEqual(result.config, {
      cameras: [
        { id: 'front_door', name: 'Front door', width: 1920, height: 1080, resolution: '1920x1080', enabled: true, fps: 30, path: ['cameras', 'front_door'] },
        { id: '1', width: 1280, height: 720, resolution: '1280x720', enabled: false, path: ['cameras', 1] },
      ],
      streaming: { targetFps: 30 },
    });
    assert.equal(result.text, EXAMPLE);
    assert.equal(result.sha256, createHash('sha256').update(EXAMPLE).digest('hex'));
  });

  it('reads like PyYAML: enabled yes is true, and enabled defaults to true', async () => {
    const result = await readAppConfig('z.yaml', { fs: memoryFs('cameras:\n  a: {resolution: 640x480, enabled: yes}\n  b: {resolution: 640x480}\n') });
    assert.ok(result.ok);
    assert.deepEqual(result.config.cameras.map((c) => c.enabled), [true, true]);
    assert.deepEqual(result.config.streaming, {});
  });

  it('keeps a leading BOM in the text and hashes the exact bytes', async () => {
    const bytes = Buffer.from('\ufeffcameras:\r\n  a:\r\n    resolution: 640x480\r\n', 'utf8');
    const result = await readAppConfig('z.yaml', { fs: memoryFs(bytes) });
    assert.ok(result.ok);
    assert.deepEqual(Buffer.from(result.text, 'utf8'), bytes);
    assert.equal(result.sha256, createHash('sha256').update(bytes).digest('hex'));
  });

  it('refuses a resolution that is not WxH, at its line and column', async () => {
    const text = EXAMPLE.replace('"1920x1080"', '"1920by1080"');
    assert.equal(await errorOf(text), 'zoomcam.yaml:5:17: cameras.front_door.resolution "1920by1080" is not WIDTHxHEIGHT; write it like "1280x720"');
  });

  it('refuses duplicate keys', async () => {
    const text = 'cameras:\n  a:\n    resolution: 640x480\n    resolution: 1280x720\n';
    assert.equal(await errorOf(text), 'zoomcam.yaml:4:5: cannot read YAML: Map keys must be unique; a key appears twice in the same mapping; keep one of them');
  });

  it('refuses a camera id written both as 1 and "1"', async () => {
    const text = 'cameras:\n  1: {resolution: 640x480}\n  "1": {resolution: 640x480}\n';
    assert.equal(await errorOf(text), 'zoomcam.yaml:3:3: cameras.1 appears twice (once quoted, once not); keep one of them');
  });

  it('refuses a file that does not parse', async () => {
    assert.match(await errorOf('cameras:\n  a: [640x480\n'), /^zoomcam\.yaml:2:14 \(end of file\): cannot read YAML: .+; fix the YAML syntax there$/);
  });

  it('refuses a file without a cameras mapping', async () => {
    const fix = 'no "cameras" mapping; add "cameras:" with one entry per camera, e.g. "front_door: {resolution: 1280x720}"';
    assert.equal(await errorOf('streaming:\n  target_fps: 30\n'), `zoomcam.yaml:1:1: ${fix}`);
    assert.equal(await errorOf('cameras: [a, b]\n'), `zoomcam.yaml:1:1: ${fix}`);
    assert.equal(await errorOf(''), `zoomcam.yaml:1:1: ${fix}`);
  });

  it('refuses bad camera fields with the fix', async () => {
    assert.equal(await errorOf('cameras:\n  a: 5\n'), 'zoomcam.yaml:2:6: cameras.a is 5, not a mapping; write it like "a: {resolution: 1280x720}"');
    assert.equal(await errorOf('cameras:\n  a: {name: x}\n'), 'zoomcam.yaml:2:6: cameras.a has no resolution; add "resolution: 1920x1080" (ZoomCam\'s default)');
    assert.equal(await errorOf('cameras:\n  a: {resolution: 640x480, enabled: maybe}\n'), 'zoomcam.yaml:2:37: cameras.a.enabled "maybe" is not true or false; write "enabled: true"');
    assert.equal(await errorOf('cameras:\n  a: {resolution: 640x480, fps: 0}\n'), 'zoomcam.yaml:2:33: cameras.a.fps 0 is not a positive number; write it like "fps: 30"');
    assert.equal(await errorOf('cameras:\n  a: {resolution: 1080}\n'), 'zoomcam.yaml:2:19: cameras.a.resolution 1080 is not WIDTHxHEIGHT; write it like "1280x720"');
  });

  it('refuses a bad streaming.target_fps', async () => {
    const text = 'cameras: {a: {resolution: 640x480}}\nstreaming:\n  target_fps: fast\n';
    assert.equal(await errorOf(text), 'zoomcam.yaml:3:15: streaming.target_fps "fast" is not a positive number; write it like "target_fps: 30"');
  });

  it('caps the file size before parsing', async () => {
    assert.equal(await errorOf(EXAMPLE, { maxBytes: 100 }), `zoomcam.yaml: ${Buffer.byteLength(EXAMPLE)} bytes is over the 100-byte limit for a config; is this the right file?`);
  });

  it('caps alias expansion', async () => {
    const bomb = 'a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\ncameras: {a: {resolution: 640x480}}\n';
    assert.match(await errorOf(bomb, { maxAliasCount: 5 }), /^zoomcam\.yaml: .*alias.*; write the values out instead of aliasing them$/i);
  });

  it('refuses bytes that are not UTF-8', async () => {
    assert.equal(await errorOf(Uint8Array.from([0x63, 0x3a, 0xff, 0x0a])), 'zoomcam.yaml: is not UTF-8 text; save it as UTF-8');
  });

  it('reads a real file and names a missing one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zoomtop-app-config-'));
    try {
      const file = path.join(dir, 'zoomcam.yaml');
      writeFileSync(file, EXAMPLE);
      const result = await readAppConfig(file);
      assert.ok(result.ok);
      assert.equal(result.config.cameras.length, 2);
      const missing = await readAppConfig(path.join(dir, 'nope.yaml'));
      assert.ok(!missing.ok && missing.error.startsWith(`${path.join(dir, 'nope.yaml')}: cannot read (ENOENT`), JSON.stringify(missing));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
