// The get_throttled bit field and how the throttle source reads it: sysfs, or vcgencmd at most once per 5 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandError } from '../../../src/sampler/sources/command-runner.js';
import { createPiThrottleSource, decodeThrottled, parseSysfsThrottled, parseVcgencmdThrottled } from '../../../src/sampler/sources/pi-throttle.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { fakeRunner, notInstalled } from './command-fake.js';
import { copyFixture, fixtureRoot } from './fixture-root.js';

const NONE = { underVoltage: false, armFrequencyCapped: false, throttled: false, softTemperatureLimit: false };

test('bits 0-3 are now, bits 16-19 since boot, each decoded on its own', () => {
  assert.deepEqual(decodeThrottled(0), { now: NONE, sinceBoot: NONE });
  assert.deepEqual(decodeThrottled(0x1).now, { ...NONE, underVoltage: true });
  assert.deepEqual(decodeThrottled(0x2).now, { ...NONE, armFrequencyCapped: true });
  assert.deepEqual(decodeThrottled(0x4).now, { ...NONE, throttled: true });
  assert.deepEqual(decodeThrottled(0x8).now, { ...NONE, softTemperatureLimit: true });
  assert.deepEqual(decodeThrottled(0x10000), { now: NONE, sinceBoot: { ...NONE, underVoltage: true } });
  assert.deepEqual(decodeThrottled(0x80000), { now: NONE, sinceBoot: { ...NONE, softTemperatureLimit: true } });
  // Other bits (e.g. 4: over-current on newer firmware) are left out, not misread.
  assert.deepEqual(decodeThrottled(0x10), { now: NONE, sinceBoot: NONE });
});

test('parsers take the two spellings and name what they got otherwise', () => {
  assert.equal(parseSysfsThrottled('50005\n'), 0x50005);
  assert.equal(parseVcgencmdThrottled('throttled=0xe0000\n'), 0xe0000);
  assert.throws(() => parseSysfsThrottled('0x5', '/sys/x/get_throttled'), /^Error: \/sys\/x\/get_throttled is "0x5", not a hex bit field such as "50005"$/);
  assert.throws(() => parseVcgencmdThrottled('VCHI initialization failed'), /printed "VCHI initialization failed"; expected "throttled=0x<hex>"/);
});

test('vcgencmd is spawned at most once per 5 s: reads between repeat the last answer with its own time', async () => {
  const clock = new FakeClock(0);
  const { run, calls } = fakeRunner({ 'vcgencmd get_throttled': 'throttled=0x50005\n' });
  const source = createPiThrottleSource({ rootDir: fixtureRoot('pi5'), run, clock });
  const [first] = await source.read();
  assert.equal(first?.atMs, 0);
  clock.advance(2000);
  assert.deepEqual(await source.read(), [first]);
  clock.advance(2000);
  assert.deepEqual(await source.read(), [first]);
  assert.equal(calls.length, 1);
  clock.advance(1000);
  const [third] = await source.read();
  assert.equal(third?.atMs, 5000);
  assert.equal(calls.length, 2);
});

test('a failing vcgencmd fails the read, and its failure repeats (not a spawn) until 5 s have passed', async () => {
  const clock = new FakeClock(0);
  const failure = new CommandError('vcgencmd exited with code 255: VCHI initialization failed', 'exit', 255);
  const { run, calls } = fakeRunner({ 'vcgencmd get_throttled': failure });
  const source = createPiThrottleSource({ rootDir: fixtureRoot('pi5'), run, clock });
  await assert.rejects(source.read(), /VCHI initialization failed/);
  clock.advance(2000);
  await assert.rejects(source.read(), /VCHI initialization failed/);
  assert.equal(calls.length, 1);
});

test('a Pi without sysfs node nor vcgencmd is unavailable, and vcgencmd is looked for again only after a minute', async () => {
  const clock = new FakeClock(0);
  const tree = copyFixture('pi5');
  try {
    const { run, calls } = fakeRunner({ 'vcgencmd get_throttled': notInstalled('vcgencmd') });
    const source = createPiThrottleSource({ rootDir: tree.rootDir, run, clock });
    const reason = `no throttle flags: ${tree.rootDir}/sys/devices/platform/soc/soc:firmware/get_throttled is absent and vcgencmd is not installed`;
    assert.deepEqual(await source.read(), [{ kind: 'unavailable', atMs: 0, source: 'pi-throttle', reason }]);
    clock.advance(59_000);
    assert.deepEqual(await source.read(), [{ kind: 'unavailable', atMs: 59_000, source: 'pi-throttle', reason }]);
    assert.equal(calls.length, 1);
    // The node appears (a newer kernel): it is read at once, before any back-off.
    tree.write('sys/devices/platform/soc/soc:firmware/get_throttled', '4\n');
    const [sample] = await source.read();
    assert.deepEqual(sample?.kind === 'pi-throttle' && [sample.via, sample.now.throttled], ['sysfs', true]);
  } finally {
    tree.dispose();
  }
});

test('a board with a device tree that is not a Pi names the board; a garbled sysfs node fails with its path', async () => {
  const tree = copyFixture('pi4-throttled');
  try {
    tree.write('proc/device-tree/model', 'Pine64 RockPro64 v2.1\0');
    tree.remove('sys/devices/platform/soc');
    const source = createPiThrottleSource({ rootDir: tree.rootDir, run: fakeRunner({}).run, clock: new FakeClock(7) });
    assert.deepEqual(await source.read(), [
      { kind: 'unavailable', atMs: 7, source: 'pi-throttle', reason: 'not a Raspberry Pi: no firmware throttle flags (the board is "Pine64 RockPro64 v2.1")' },
    ]);
    tree.write('sys/devices/platform/soc/soc:firmware/get_throttled', 'garbage\n');
    await assert.rejects(source.read(), new RegExp(`${tree.rootDir}/sys/devices/platform/soc/soc:firmware/get_throttled is "garbage"`));
  } finally {
    tree.dispose();
  }
});
