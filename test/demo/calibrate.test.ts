import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_SCALE,
  MIN_SCALE,
  chooseScale,
  demandPixelsPerSec,
  scaledSize,
  targetLoadFromEnv,
} from '../../src/demo/calibrate.js';
import { parseDemoConfig } from '../../src/demo/demo-config.js';

const EXAMPLE_PIXELS_PER_SEC = 1920 * 1080 * 30 + 1280 * 720 * 30; // backyard is disabled

test('the scale makes the start config demand the target share of all cores', () => {
  const input = { nsPerPixel: 20, cores: 2, targetLoad: 1.15, pixelsPerSec: EXAMPLE_PIXELS_PER_SEC };
  const scale = chooseScale(input);
  const demandedCores = (EXAMPLE_PIXELS_PER_SEC * scale * 20) / 1e9;
  assert.ok(Math.abs(demandedCores - 2.3) < 1e-12, `demanded ${demandedCores} cores`);
  assert.ok(Math.abs(chooseScale({ ...input, cores: 4 }) - 2 * scale) < 1e-12);
});

test('the scale is clamped, and 1 when there is nothing to scale against', () => {
  assert.equal(chooseScale({ nsPerPixel: 0.001, cores: 64, targetLoad: 4, pixelsPerSec: 1 }), MAX_SCALE);
  assert.equal(chooseScale({ nsPerPixel: 1e6, cores: 1, targetLoad: 0.1, pixelsPerSec: 1e9 }), MIN_SCALE);
  assert.equal(chooseScale({ nsPerPixel: 20, cores: 2, targetLoad: 1.15, pixelsPerSec: 0 }), 1);
});

test('demand counts enabled cameras at their own fps or the target fps', () => {
  const example = parseDemoConfig(
    'cameras:\n  a: { resolution: "1920x1080" }\n  b: { resolution: "1280x720", fps: 15 }\n  c: { resolution: "1280x720", enabled: false }\nstreaming: { target_fps: 30 }\n',
    'test.yaml',
  );
  assert.equal(demandPixelsPerSec(example), 1920 * 1080 * 30 + 1280 * 720 * 15);
});

test('the processed frame keeps the aspect and has scale times the pixels', () => {
  assert.deepEqual(scaledSize(1920, 1080, 0.25), { width: 960, height: 540 });
  assert.deepEqual(scaledSize(1280, 720, 4), { width: 2560, height: 1440 });
  assert.deepEqual(scaledSize(640, 480, MIN_SCALE), { width: 10, height: 8 });
});

test('at a fixed scale, 1280x720 costs 44 % of 1920x1080', () => {
  const big = scaledSize(1920, 1080, 1.438);
  const small = scaledSize(1280, 720, 1.438);
  const ratio = (small.width * small.height) / (big.width * big.height);
  assert.ok(Math.abs(ratio - (1280 * 720) / (1920 * 1080)) < 0.002, `ratio ${ratio}`);
});

test('ZOOMTOP_DEMO_LOAD sets the target load; a bad value is a one-line error', () => {
  assert.equal(targetLoadFromEnv({}), 1.15);
  assert.equal(targetLoadFromEnv({ ZOOMTOP_DEMO_LOAD: '0.5' }), 0.5);
  assert.throws(
    () => targetLoadFromEnv({ ZOOMTOP_DEMO_LOAD: 'half' }),
    { message: 'ZOOMTOP_DEMO_LOAD: "half" is not a load; use a fraction of the machine above 0 and at most 4, e.g. 0.5' },
  );
  assert.throws(() => targetLoadFromEnv({ ZOOMTOP_DEMO_LOAD: '0' }), /ZOOMTOP_DEMO_LOAD: "0"/);
});

