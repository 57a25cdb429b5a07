import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { DemoConfigError, parseDemoConfig, readDemoConfig } from '../../src/demo/demo-config.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/zoomcam.yaml', import.meta.url));

test('the example config has three cameras, one disabled, at 30 fps', () => {
  assert.deepEqual(readDemoConfig(EXAMPLE), {
    cameras: [
      { id: 'front_door', width: 1920, height: 1080, enabled: true, fps: null },
      { id: 'driveway', width: 1280, height: 720, enabled: true, fps: null },
      { id: 'backyard', width: 1280, height: 720, enabled: false, fps: null },
    ],
    targetFps: 30,
  });
});

test('defaults: enabled true, target fps 30; flow style, a per-camera fps and unknown keys are fine', () => {
  const config = parseDemoConfig('cameras:\n  a: { resolution: "640X480", fps: 12.5, codec: h264 }\nlogging: { level: info }\n', 'c.yaml');
  assert.deepEqual(config, { cameras: [{ id: 'a', width: 640, height: 480, enabled: true, fps: 12.5 }], targetFps: 30 });
  assert.deepEqual(parseDemoConfig('cameras:\n', 'c.yaml'), { cameras: [], targetFps: 30 });
});

const cases: Array<[string, string]> = [
  ['cameras:\n  a: { resolution: "1280*720" }\n', 'c.yaml: cameras.a.resolution: "1280*720" is not WIDTHxHEIGHT; write e.g. "1280x720"'],
  ['cameras:\n  a: { enabled: true }\n', 'c.yaml: cameras.a.resolution: is missing; add e.g. `resolution: "1280x720"`'],
  ['cameras:\n  a: { resolution: "99999x720" }\n', 'c.yaml: cameras.a.resolution: "99999x720" is out of range; each side must be 16..8192 px'],
  ['cameras:\n  a: { resolution: "1280x720", enabled: "yes" }\n', 'c.yaml: cameras.a.enabled: "yes" is not a boolean; write true or false'],
  ['cameras:\n  a: { resolution: "1280x720", fps: 0 }\n', 'c.yaml: cameras.a.fps: 0 is not a frame rate; use a number above 0 and at most 120, e.g. 15'],
  ['cameras:\n  a: { resolution: "1280x720" }\nstreaming: { target_fps: fast }\n', 'c.yaml: streaming.target_fps: "fast" is not a frame rate; use a number above 0 and at most 120, e.g. 15'],
  ['cameras:\n  front door: { resolution: "1280x720" }\n', 'c.yaml: cameras.front door: "front door" is not a valid camera id; use letters, digits, _ and - only'],
  ['cameras:\n  a: 1280x720\n', 'c.yaml: cameras.a: "1280x720" is not a mapping; write e.g. `{ resolution: "1280x720", enabled: true }`'],
  ['cameras: [a, b]\n', 'c.yaml: cameras: ["a","b"] is not a mapping of camera id -> settings'],
  ['streaming: { target_fps: 30 }\n', 'c.yaml: cameras: is missing; add `cameras:` with e.g. `front_door: { resolution: "1280x720" }`'],
  ['- 1\n', 'c.yaml: (top level): [1] is not a mapping; the file needs a `cameras:` mapping'],
];

for (const [text, message] of cases) {
  test(`rejects: ${message.split(': ').slice(1, 3).join(': ')}`, () => {
    assert.throws(() => parseDemoConfig(text, 'c.yaml'), (err: unknown) => {
      assert.ok(err instanceof DemoConfigError);
      assert.equal(err.message, message);
      return true;
    });
  });
}

test('invalid YAML names the file and the first line of the parser message', () => {
  assert.throws(() => parseDemoConfig('cameras:\n  a: { resolution: "1280x720"\n', 'c.yaml'), (err: unknown) => {
    assert.ok(err instanceof DemoConfigError);
    assert.match(err.message, /^c\.yaml: invalid YAML: .+; fix the syntax at that line$/);
    assert.ok(!err.message.includes('\n'));
    return true;
  });
});

test('an unreadable file names the path', () => {
  assert.throws(() => readDemoConfig('/nonexistent/zoomcam.yaml'), /^DemoConfigError: \/nonexistent\/zoomcam\.yaml: cannot read \(ENOENT/);
});
