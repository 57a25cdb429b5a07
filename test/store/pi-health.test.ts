// The store's Pi health and process-target parts: latest readings, temperature history with gaps, n/a with reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPiSources } from '../../src/sampler/sources/pi-sources.js';
import { PROCESS_TARGETS_SOURCE } from '../../src/sampler/sources/process-finder.js';
import type { Sample, ThermalSample } from '../../src/sampler/types.js';
import { Store } from '../../src/store/store.js';
import { fakeRunner } from '../sampler/sources/command-fake.js';
import { fixtureRoot } from '../sampler/sources/fixture-root.js';

const INPUTS = { operations: [], appFigures: { fps: null, frameTimeMs: null, cameras: null, camerasActive: null }, statsd: { enabled: false, address: null, lines: 0, rejected: 0 } };
const thermal = (atMs: number, temperatureC: number): ThermalSample => ({ kind: 'thermal', atMs, zone: 'thermal_zone0', zoneType: 'cpu-thermal', temperatureC });

test('before any sample every Pi reading is pending and there are no targets', () => {
  const snapshot = new Store({ startedAtMs: 0 }).snapshot(0, INPUTS);
  const pending = { state: 'pending' };
  assert.deepEqual(snapshot.pi, { board: pending, temperature: pending, throttle: pending, clock: pending });
  assert.deepEqual(snapshot.processTargets, []);
});

test('the Pi 4 fixture read by the real sources lands in the snapshot', async () => {
  const store = new Store({ startedAtMs: 0 });
  const { run } = fakeRunner({ 'vcgencmd get_mem gpu': 'gpu=76M\n' });
  for (const source of createPiSources({ rootDir: fixtureRoot('pi4-throttled'), run, clock: { now: () => 10, setTimeout: () => 0, clearTimeout: () => {} } })) {
    store.ingest(await source.read());
  }
  const flags = { underVoltage: true, armFrequencyCapped: false, throttled: true, softTemperatureLimit: false };
  assert.deepEqual(store.snapshot(10, INPUTS).pi, {
    board: { state: 'ok', atMs: 10, model: 'Raspberry Pi 4 Model B Rev 1.4', raspberryPi: true, gpuMemoryBytes: 76 * 1024 * 1024 },
    temperature: { state: 'ok', atMs: 10, celsius: 83.25, zoneType: 'cpu-thermal', history: [83.25] },
    throttle: { state: 'ok', atMs: 10, raw: 0x50005, via: 'sysfs', now: flags, sinceBoot: flags },
    clock: { state: 'ok', atMs: 10, currentHz: 600_000_000, maxHz: 1_500_000_000 },
  });
});

test('the container fixture: each part n/a with its source\'s reason', async () => {
  const store = new Store({ startedAtMs: 0 });
  const sources = createPiSources({ rootDir: fixtureRoot('container'), run: fakeRunner({}).run });
  const reasons: Record<string, string> = {};
  for (const source of sources) {
    const samples = await source.read();
    store.ingest(samples);
    if (samples[0]?.kind === 'unavailable') reasons[source.name] = samples[0].reason;
  }
  const pi = store.snapshot(0, INPUTS).pi;
  assert.deepEqual(pi, {
    board: { state: 'unavailable', reason: reasons['pi-model'] },
    temperature: { state: 'unavailable', reason: reasons['pi-thermal'] },
    throttle: { state: 'unavailable', reason: reasons['pi-throttle'] },
    clock: { state: 'unavailable', reason: reasons['pi-clock'] },
  });
  assert.equal(Object.keys(reasons).length, 4);
});

test('temperature history keeps a gap for a zone that stopped answering, and is bounded', () => {
  const store = new Store({ startedAtMs: 0, historyLength: 3 });
  store.ingest([thermal(1, 50), { kind: 'unavailable', atMs: 2, source: 'pi-thermal', reason: 'gone' }, thermal(3, 51), thermal(4, 52)]);
  const t = store.snapshot(4, INPUTS).pi?.temperature;
  assert.deepEqual(t, { state: 'ok', atMs: 4, celsius: 52, zoneType: 'cpu-thermal', history: [null, 51, 52] });
});

test('process targets: latest per target in first-seen order; a /proc that vanished clears them', () => {
  const store = new Store({ startedAtMs: 0 });
  const exited: Sample = { kind: 'process-target', atMs: 5, target: '--process cam', status: 'exited', pid: 7, command: 'cam', exitedAtMs: 4, restartCount: 0 };
  store.ingest([
    { kind: 'process-target', atMs: 1, target: '--process cam', status: 'missing', reason: 'no process named "cam" (command name or command line)' },
    { kind: 'process-target', atMs: 1, target: '--pid 9', status: 'missing', reason: 'no process with pid 9' },
    exited,
  ]);
  const { kind: _kind, ...figures } = exited;
  assert.deepEqual(store.snapshot(5, INPUTS).processTargets?.map((t) => t.target), ['--process cam', '--pid 9']);
  assert.deepEqual(store.snapshot(5, INPUTS).processTargets?.[0], figures);
  store.ingest([{ kind: 'unavailable', atMs: 6, source: PROCESS_TARGETS_SOURCE, reason: 'no /proc' }]);
  assert.deepEqual(store.snapshot(6, INPUTS).processTargets, []);
});
