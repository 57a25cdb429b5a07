// The new sources on the real machine running the tests: a real figure or "unavailable" with a reason, never a throw or a made-up 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { createAutoGpuSource } from '../../../src/sampler/sources/gpu-auto.js';
import { createPiSources } from '../../../src/sampler/sources/pi-sources.js';
import { createProcessFinderSource } from '../../../src/sampler/sources/process-finder.js';
import type { Sample } from '../../../src/sampler/types.js';
import { fakeRunner, notInstalled } from './command-fake.js';

const linux = process.platform === 'linux';

function checkSample(sample: Sample | undefined, kind: Sample['kind']): void {
  assert.ok(sample, 'a read gives at least one sample');
  if (sample.kind === 'unavailable') {
    assert.match(sample.reason, /\S/);
    return;
  }
  assert.equal(sample.kind, kind);
}

test('Pi sources on this machine: a figure or a reason each; off a Pi, the model and flags say "not a Raspberry Pi"', { skip: !linux }, async () => {
  // vcgencmd answers "not installed" so the test spawns nothing, whatever the machine.
  const { run } = fakeRunner({ 'vcgencmd get_mem gpu': notInstalled('vcgencmd'), 'vcgencmd get_throttled': notInstalled('vcgencmd') });
  const kinds: Record<string, Sample['kind']> = { 'pi-model': 'pi-model', 'pi-thermal': 'thermal', 'pi-throttle': 'pi-throttle', 'pi-clock': 'cpu-clock' };
  for (const source of createPiSources({ run })) {
    const samples = await source.read();
    checkSample(samples[0], kinds[source.name] ?? 'unavailable');
    if (source.name === 'pi-thermal' && samples[0]?.kind === 'thermal') assert.ok(samples[0].temperatureC !== 0);
  }
  if (!existsSync('/proc/device-tree/model')) {
    const [model, , throttle] = await Promise.all(createPiSources({ run }).map((s) => s.read()));
    assert.match(model?.[0]?.kind === 'unavailable' ? model[0].reason : '', /^not a Raspberry Pi: /);
    assert.match(throttle?.[0]?.kind === 'unavailable' ? throttle[0].reason : '', /^not a Raspberry Pi: /);
  }
});

test('GPU on this machine: figures or one n/a with its reasons', { skip: !linux }, async () => {
  const [sample] = await createAutoGpuSource().read();
  checkSample(sample, 'gpu');
});

test('this process as a --pid target: real figures, and fifty reads leave no file descriptor open', { skip: !linux }, async () => {
  const source = createProcessFinderSource({ targets: [{ pid: process.pid }, { name: 'no-such-process-zoomtop-test' }] });
  const [self, missing] = await source.read();
  assert.ok(self?.kind === 'process-target' && self.status === 'running');
  assert.ok(self.threadCount >= 1 && self.rssBytes !== null && self.rssBytes > 0 && self.openFdCount !== null && self.openFdCount >= 3);
  assert.equal(missing?.kind === 'process-target' && missing.status, 'missing');
  const fdsBefore = readdirSync('/proc/self/fd').length;
  for (let i = 0; i < 50; i++) await source.read();
  assert.equal(readdirSync('/proc/self/fd').length, fdsBefore);
});
