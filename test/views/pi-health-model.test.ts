// The Pi health strip: segments, tones, what is dropped first when narrow, and n/a off a Pi.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ThrottleFlags } from '../../src/sampler/types.js';
import type { PiHealthFigures } from '../../src/store/snapshot.js';
import { shortModel, toPiHealthModel } from '../../src/views/pi-health-model.js';
import type { Line } from '../../src/views/model.js';

const NONE: ThrottleFlags = { underVoltage: false, armFrequencyCapped: false, throttled: false, softTemperatureLimit: false };
const SEP = { text: ' | ', tone: 'muted' };

function pi(overrides: Partial<PiHealthFigures> = {}): PiHealthFigures {
  return {
    board: { state: 'ok', atMs: 0, model: 'Raspberry Pi 4 Model B Rev 1.4', raspberryPi: true, gpuMemoryBytes: 76 * 1024 * 1024 },
    temperature: { state: 'ok', atMs: 0, celsius: 83.25, zoneType: 'cpu-thermal', history: [83.25] },
    throttle: { state: 'ok', atMs: 0, raw: 0x50005, via: 'sysfs', now: { ...NONE, underVoltage: true, throttled: true }, sinceBoot: { ...NONE, underVoltage: true, throttled: true } },
    clock: { state: 'ok', atMs: 0, currentHz: 600e6, maxHz: 1500e6 },
    ...overrides,
  };
}

const text = (line: Line) => line.map((s) => s.text).join('');

test('Pi 4 under-voltage and throttled: every segment with its tone', () => {
  const model = toPiHealthModel(pi(), 200);
  assert.equal(model.raspberryPi, true);
  assert.deepEqual(model.line, [
    { text: 'Pi 4 B', tone: 'title' },
    SEP,
    { text: 'UNDER-VOLTAGE', tone: 'critical' },
    { text: ' ', tone: 'normal' },
    { text: 'THROTTLED', tone: 'warning' },
    SEP,
    { text: 'SoC 83.3 °C', tone: 'warning' },
    SEP,
    { text: 'ARM 600/1500 MHz', tone: 'careful' },
    SEP,
    { text: 'since boot: under-voltage, throttled', tone: 'careful' },
    SEP,
    { text: 'GPU mem 76.0 MiB', tone: 'muted' },
  ]);
});

test('narrow strips drop the GPU memory, since-boot, clock and temperature before the flags', () => {
  assert.equal(text(toPiHealthModel(pi(), 123).line), 'Pi 4 B | UNDER-VOLTAGE THROTTLED | SoC 83.3 °C | ARM 600/1500 MHz | since boot: under-voltage, throttled | GPU mem 76.0 MiB');
  assert.equal(text(toPiHealthModel(pi(), 122).line), 'Pi 4 B | UNDER-VOLTAGE THROTTLED | SoC 83.3 °C | ARM 600/1500 MHz | since boot: under-voltage, throttled');
  assert.equal(text(toPiHealthModel(pi(), 65).line), 'Pi 4 B | UNDER-VOLTAGE THROTTLED | SoC 83.3 °C | ARM 600/1500 MHz');
  assert.equal(text(toPiHealthModel(pi(), 64).line), 'Pi 4 B | UNDER-VOLTAGE THROTTLED | SoC 83.3 °C');
  assert.equal(text(toPiHealthModel(pi(), 40).line), 'Pi 4 B | UNDER-VOLTAGE THROTTLED');
  assert.equal(text(toPiHealthModel(pi(), 10).line), 'Pi 4 B');
  assert.equal(text(toPiHealthModel(pi(), 4).line), 'Pi …');
});

test('a healthy Pi 5: not throttled, temperature ok, clock at its maximum in a plain tone', () => {
  const model = toPiHealthModel(
    pi({
      board: { state: 'ok', atMs: 0, model: 'Raspberry Pi 5 Model B Rev 1.0', raspberryPi: true, gpuMemoryBytes: null },
      temperature: { state: 'ok', atMs: 0, celsius: 52.35, zoneType: 'cpu-thermal', history: [] },
      throttle: { state: 'ok', atMs: 0, raw: 0, via: 'vcgencmd', now: NONE, sinceBoot: NONE },
      clock: { state: 'ok', atMs: 0, currentHz: 2400e6, maxHz: 2400e6 },
    }),
    200,
  );
  assert.deepEqual(model.line, [
    { text: 'Pi 5 B', tone: 'title' },
    SEP,
    { text: 'not throttled', tone: 'ok' },
    SEP,
    { text: 'SoC 52.4 °C', tone: 'ok' },
    SEP,
    { text: 'ARM 2400/2400 MHz', tone: 'normal' },
  ]);
});

test('temperature tones: careful above 70, warning above 80, critical above 85 °C', () => {
  const toneAt = (celsius: number) => toPiHealthModel(pi({ temperature: { state: 'ok', atMs: 0, celsius, zoneType: 'cpu-thermal', history: [] } }), 200).line.find((s) => s.text.startsWith('SoC'))?.tone;
  assert.deepEqual([70, 70.1, 80, 80.1, 85, 85.1].map(toneAt), ['ok', 'careful', 'careful', 'warning', 'warning', 'critical']);
});

test('off a Pi: n/a with the reason, never zeros; pending reads as "…"; no sources at all says so', () => {
  const reason = 'not a Raspberry Pi: /proc/device-tree/model is absent (no device tree)';
  const container = toPiHealthModel(
    {
      board: { state: 'unavailable', reason },
      temperature: { state: 'unavailable', reason: 'no thermal zone' },
      throttle: { state: 'unavailable', reason: 'not a Raspberry Pi' },
      clock: { state: 'unavailable', reason: 'no CPU clock' },
    },
    200,
  );
  assert.deepEqual(container, {
    raspberryPi: false,
    line: [{ text: `Pi n/a: ${reason}`, tone: 'muted' }, SEP, { text: 'SoC n/a', tone: 'muted' }, SEP, { text: 'ARM n/a', tone: 'muted' }],
  });
  const pending = { state: 'pending' } as const;
  assert.equal(text(toPiHealthModel({ board: pending, temperature: pending, throttle: pending, clock: pending }, 80).line), 'Pi … | SoC … | ARM …');
  assert.equal(text(toPiHealthModel(undefined, 80).line), 'Pi health: n/a (no Pi sources)');
  const pc = toPiHealthModel(pi({ board: { state: 'ok', atMs: 0, model: 'Pine64 RockPro64 v2.1', raspberryPi: false, gpuMemoryBytes: null } }), 200);
  assert.equal(text(pc.line), 'Pine64 RockPro64 v2.1: not a Raspberry Pi | SoC 83.3 °C | ARM 600/1500 MHz');
  assert.equal(pc.raspberryPi, false);
});

test('a Pi whose flags cannot be read says why in the strip', () => {
  const line = toPiHealthModel(pi({ throttle: { state: 'unavailable', reason: 'vcgencmd is not installed' } }), 200).line;
  assert.deepEqual(line[2], { text: 'flags n/a: vcgencmd is not installed', tone: 'muted' });
});

test('short model names', () => {
  assert.deepEqual(
    ['Raspberry Pi 4 Model B Rev 1.4', 'Raspberry Pi 5 Model B Rev 1.0', 'Raspberry Pi Zero 2 W Rev 1.0', 'Raspberry Pi Compute Module 4 Rev 1.1'].map(shortModel),
    ['Pi 4 B', 'Pi 5 B', 'Pi Zero 2 W', 'Pi Compute Module 4'],
  );
});
