// The Pi sources on fixture machines: a throttled Pi 4, a Pi 5, a container, a PC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPiSources } from '../../../src/sampler/sources/pi-sources.js';
import type { Sample, Source } from '../../../src/sampler/types.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { fakeRunner, notInstalled } from './command-fake.js';
import { fixtureRoot } from './fixture-root.js';

const MIB = 1024 * 1024;
const T0 = 1_000;

async function readAll(sources: Source[]): Promise<Record<string, Sample[]>> {
  const out: Record<string, Sample[]> = {};
  for (const source of sources) out[source.name] = await source.read();
  return out;
}

test('createPiSources gives four sources; only the model is slow', () => {
  const sources = createPiSources({ rootDir: fixtureRoot('container') });
  assert.deepEqual(
    sources.map((s) => [s.name, s.intervalMs]),
    [['pi-model', 60_000], ['pi-thermal', 2000], ['pi-throttle', 2000], ['pi-clock', 2000]],
  );
  assert.deepEqual(createPiSources({ intervalMs: 500 }).map((s) => s.intervalMs), [60_000, 500, 500, 500]);
});

test('Pi 4 under-voltage and throttled: flags from sysfs, 83.25 °C, ARM 600 of 1500 MHz, GPU memory from vcgencmd once', async () => {
  const { run, calls } = fakeRunner({ 'vcgencmd get_mem gpu': 'gpu=76M\n' });
  const sources = createPiSources({ rootDir: fixtureRoot('pi4-throttled'), run, clock: new FakeClock(T0) });
  const samples = await readAll(sources);
  assert.deepEqual(samples, {
    'pi-model': [{ kind: 'pi-model', atMs: T0, model: 'Raspberry Pi 4 Model B Rev 1.4', raspberryPi: true, gpuMemoryBytes: 76 * MIB }],
    'pi-thermal': [{ kind: 'thermal', atMs: T0, zone: 'thermal_zone0', zoneType: 'cpu-thermal', temperatureC: 83.25 }],
    'pi-throttle': [
      {
        kind: 'pi-throttle',
        atMs: T0,
        raw: 0x50005,
        via: 'sysfs',
        now: { underVoltage: true, armFrequencyCapped: false, throttled: true, softTemperatureLimit: false },
        sinceBoot: { underVoltage: true, armFrequencyCapped: false, throttled: true, softTemperatureLimit: false },
      },
    ],
    'pi-clock': [{ kind: 'cpu-clock', atMs: T0, currentHz: 600_000_000, maxHz: 1_500_000_000 }],
  });
  // The split holds until a reboot: asked once; the flags came from sysfs, so get_throttled never ran.
  await readAll(sources);
  assert.deepEqual(calls, [{ file: 'vcgencmd', args: ['get_mem', 'gpu'], timeoutMs: 2000 }]);
});

test('Pi 5: no sysfs node, so the flags come from vcgencmd get_throttled', async () => {
  const { run, calls } = fakeRunner({ 'vcgencmd get_mem gpu': 'gpu=8M\n', 'vcgencmd get_throttled': 'throttled=0x80000\n' });
  const samples = await readAll(createPiSources({ rootDir: fixtureRoot('pi5'), run, clock: new FakeClock(T0) }));
  assert.deepEqual(samples['pi-model'], [{ kind: 'pi-model', atMs: T0, model: 'Raspberry Pi 5 Model B Rev 1.0', raspberryPi: true, gpuMemoryBytes: 8 * MIB }]);
  assert.deepEqual(samples['pi-thermal'], [{ kind: 'thermal', atMs: T0, zone: 'thermal_zone0', zoneType: 'cpu-thermal', temperatureC: 52.35 }]);
  const none = { underVoltage: false, armFrequencyCapped: false, throttled: false, softTemperatureLimit: false };
  assert.deepEqual(samples['pi-throttle'], [
    { kind: 'pi-throttle', atMs: T0, raw: 0x80000, via: 'vcgencmd', now: none, sinceBoot: { ...none, softTemperatureLimit: true } },
  ]);
  assert.deepEqual(samples['pi-clock'], [{ kind: 'cpu-clock', atMs: T0, currentHz: 2_400_000_000, maxHz: 2_400_000_000 }]);
  assert.deepEqual(calls.map((c) => [c.file, ...c.args, c.timeoutMs]), [['vcgencmd', 'get_mem', 'gpu', 2000], ['vcgencmd', 'get_throttled', 2000]]);
});

test('a container: every Pi source is unavailable with its reason, and nothing is spawned', async () => {
  const root = fixtureRoot('container');
  const { run, calls } = fakeRunner({});
  const samples = await readAll(createPiSources({ rootDir: root, run, clock: new FakeClock(T0) }));
  const unavailable = (source: string, reason: string) => [{ kind: 'unavailable', atMs: T0, source, reason }];
  assert.deepEqual(samples, {
    'pi-model': unavailable('pi-model', `not a Raspberry Pi: ${root}/proc/device-tree/model is absent (no device tree)`),
    'pi-thermal': unavailable('pi-thermal', `no thermal zone: ${root}/sys/class/thermal has no thermal_zone* (a container or VM?)`),
    'pi-throttle': unavailable('pi-throttle', `not a Raspberry Pi: no firmware throttle flags (${root}/proc/device-tree/model is absent)`),
    'pi-clock': unavailable('pi-clock', `no CPU clock: ${root}/sys/devices/system/cpu/cpu0/cpufreq is absent (no cpufreq driver: a VM or container?)`),
  });
  assert.deepEqual(calls, []);
});

test('a PC: the CPU package zone is preferred over the first zone; the Pi-only sources say why not', async () => {
  const root = fixtureRoot('nvidia');
  const { run, calls } = fakeRunner({ 'vcgencmd get_throttled': notInstalled('vcgencmd') });
  const samples = await readAll(createPiSources({ rootDir: root, run, clock: new FakeClock(T0) }));
  assert.deepEqual(samples['pi-thermal'], [{ kind: 'thermal', atMs: T0, zone: 'thermal_zone1', zoneType: 'x86_pkg_temp', temperatureC: 45 }]);
  assert.deepEqual(samples['pi-clock'], [{ kind: 'cpu-clock', atMs: T0, currentHz: 3_400_000_000, maxHz: 4_700_000_000 }]);
  assert.equal(samples['pi-model']?.[0]?.kind, 'unavailable');
  assert.equal(samples['pi-throttle']?.[0]?.kind, 'unavailable');
  assert.deepEqual(calls, []);
});
