// Sampler scheduling, isolation, timeouts and shutdown, on a fake clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSampler, type SamplerOptions } from '../../src/sampler/sampler.js';
import type { Sample, Source, SourceHealth } from '../../src/sampler/types.js';
import type { Clock } from '../../src/app/clock.js';
import { FakeClock } from '../helpers/fake-clock.js';

const T0 = Date.UTC(2026, 0, 1);

/** Lets settled promises run their continuations. */
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Moves fake time in small steps so read results land between timers, as they would for real. */
async function advance(clock: FakeClock, ms: number, stepMs = 50): Promise<void> {
  for (let done = 0; done < ms; done += stepMs) {
    clock.advance(Math.min(stepMs, ms - done));
    await flush();
  }
}

type Deferred = { promise: Promise<Sample[]>; resolve(samples: Sample[]): void; reject(error: unknown): void };
function deferred(): Deferred {
  let resolve!: (samples: Sample[]) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Sample[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function sample(atMs: number): Sample {
  return { kind: 'unavailable', atMs, source: 'x', reason: 'placeholder' };
}

function systemSample(atMs: number): Sample {
  return { kind: 'system', atMs, cpuPercent: 5, memoryPercent: 10, memoryUsedBytes: 1, memoryTotalBytes: 10 };
}

function source(name: string, read: () => Promise<Sample[]>, extra: Partial<Source> = {}): Source {
  return { name, intervalMs: 1000, timeoutMs: 5000, read, ...extra };
}

function collect(clock: Clock, sources: Source[], extra: Partial<SamplerOptions> = {}) {
  const received: { source: string; samples: Sample[] }[] = [];
  const healthEvents: [string, SourceHealth][] = [];
  const sampler = createSampler({
    sources,
    clock,
    onSamples: (samples, name) => received.push({ source: name, samples }),
    onHealth: (name, health) => healthEvents.push([name, health]),
    ...extra,
  });
  return { sampler, received, healthEvents };
}

test('reads stay on the start + k * interval grid over 100 ticks though reads take time and timers fire late', async () => {
  const fake = new FakeClock(T0);
  // Real timers fire a few ms late; a loop that waits "interval from now" would add that up.
  const lateClock: Clock = {
    now: () => fake.now(),
    setTimeout: (fn, ms) => fake.setTimeout(fn, ms + 7),
    clearTimeout: (handle) => fake.clearTimeout(handle),
  };
  const startsMs: number[] = [];
  let call = 0;
  const slow = source('slow', () => {
    startsMs.push(fake.now());
    // Durations vary from 0 to 900 ms: a loop that waits after the read would add them up.
    const durationMs = (call++ % 10) * 100;
    return new Promise((resolve) => fake.setTimeout(() => resolve([systemSample(fake.now())]), durationMs));
  });
  const { sampler, received } = collect(lateClock, [slow]);
  sampler.start();
  await advance(fake, 100_010);
  assert.deepEqual(startsMs, [T0, ...Array.from({ length: 100 }, (_, k) => T0 + (k + 1) * 1000 + 7)]);
  assert.equal(received.length, 101);
  assert.equal(sampler.stats().slow?.skippedTicks, 0);
  assert.equal(sampler.health().slow?.state, 'ok');
  sampler.stop();
});

test('a tick that comes while the read still runs is skipped and counted, never overlapped', async () => {
  const clock = new FakeClock(T0);
  const startsMs: number[] = [];
  const reads: Deferred[] = [];
  const hung = source(
    'hung',
    () => {
      startsMs.push(clock.now());
      const d = deferred();
      reads.push(d);
      return d.promise;
    },
    { timeoutMs: 10_000 },
  );
  const { sampler, received } = collect(clock, [hung]);
  sampler.start();
  await advance(clock, 3500);
  assert.deepEqual(startsMs, [T0]);
  assert.equal(sampler.stats().hung?.skippedTicks, 3);
  reads[0]?.resolve([sample(clock.now())]);
  await advance(clock, 1000);
  assert.deepEqual(startsMs, [T0, T0 + 4000]);
  assert.equal(received.length, 1);
  assert.equal(sampler.stats().hung?.skippedTicks, 3);
  sampler.stop();
});

test('a throwing or rejecting source is marked failed, retried next tick, and does not affect another', async () => {
  const clock = new FakeClock(T0);
  let badCalls = 0;
  const bad = source('bad', () => {
    badCalls += 1;
    if (badCalls === 1) throw new Error('boom\nstack line');
    if (badCalls === 2) return Promise.reject(new Error('still broken'));
    return Promise.resolve([systemSample(clock.now())]);
  });
  const good = source('good', async () => [systemSample(clock.now())]);
  const { sampler, received, healthEvents } = collect(clock, [bad, good]);
  sampler.start();
  await flush();
  assert.deepEqual(sampler.health(), {
    bad: { state: 'failed', atMs: T0, reason: 'boom' },
    good: { state: 'ok', atMs: T0 },
  });
  await advance(clock, 1000);
  assert.deepEqual(sampler.health().bad, { state: 'failed', atMs: T0 + 1000, reason: 'still broken' });
  await advance(clock, 1000);
  assert.deepEqual(sampler.health().bad, { state: 'ok', atMs: T0 + 2000 });
  assert.deepEqual(
    received.map((r) => r.source),
    ['good', 'good', 'bad', 'good'],
  );
  assert.deepEqual(healthEvents, [
    ['bad', { state: 'failed', atMs: T0, reason: 'boom' }],
    ['good', { state: 'ok', atMs: T0 }],
    ['bad', { state: 'failed', atMs: T0 + 1000, reason: 'still broken' }],
    ['bad', { state: 'ok', atMs: T0 + 2000 }],
  ]);
  assert.deepEqual(sampler.stats().bad, { reads: 3, failures: 2, timeouts: 0, skippedTicks: 0, lastReadMs: 0 });
  sampler.stop();
});

test('a read that does not settle within timeoutMs is abandoned, its late result ignored', async () => {
  const clock = new FakeClock(T0);
  const reads: Deferred[] = [];
  const stuck = source(
    'stuck',
    () => {
      const d = deferred();
      reads.push(d);
      return d.promise;
    },
    { intervalMs: 5000, timeoutMs: 2000 },
  );
  const { sampler, received } = collect(clock, [stuck]);
  sampler.start();
  await advance(clock, 1999, 1);
  assert.deepEqual(sampler.health().stuck, { state: 'pending' });
  await advance(clock, 1, 1);
  assert.deepEqual(sampler.health().stuck, { state: 'failed', atMs: T0 + 2000, reason: 'timed out after 2000 ms' });
  reads[0]?.resolve([sample(clock.now())]);
  await advance(clock, 500);
  assert.equal(received.length, 0);
  assert.deepEqual(sampler.health().stuck, { state: 'failed', atMs: T0 + 2000, reason: 'timed out after 2000 ms' });
  await advance(clock, 2500);
  assert.equal(reads.length, 2, 'the next tick starts a fresh read');
  reads[1]?.resolve([systemSample(clock.now())]);
  await flush();
  assert.deepEqual(sampler.health().stuck, { state: 'ok', atMs: T0 + 5000 });
  assert.deepEqual(sampler.stats().stuck, { reads: 1, failures: 1, timeouts: 1, skippedTicks: 0, lastReadMs: 0 });
  sampler.stop();
});

test('stop cancels every timer, ignores reads in flight and closes the sources', async () => {
  const clock = new FakeClock(T0);
  const closed: string[] = [];
  const inFlight = deferred();
  let hungReads = 0;
  const hung = source(
    'hung',
    () => {
      hungReads += 1;
      return inFlight.promise;
    },
    { close: () => closed.push('hung') },
  );
  let quickReads = 0;
  const quick = source(
    'quick',
    async () => {
      quickReads += 1;
      return [systemSample(clock.now())];
    },
    { close: () => closed.push('quick') },
  );
  const { sampler, received } = collect(clock, [hung, quick]);
  sampler.start();
  await advance(clock, 1500);
  sampler.stop();
  assert.equal(clock.pendingCount(), 0);
  assert.deepEqual(closed, ['hung', 'quick']);
  inFlight.resolve([systemSample(clock.now())]);
  await advance(clock, 10_000, 1000);
  assert.deepEqual([hungReads, quickReads], [1, 2]);
  assert.deepEqual(
    received.map((r) => r.source),
    ['quick', 'quick'],
  );
  sampler.stop();
  assert.deepEqual(closed, ['hung', 'quick'], 'a second stop closes nothing again');
});

test('a source whose read returns only unavailable samples is unavailable; any real sample makes it ok', async () => {
  const clock = new FakeClock(T0);
  const gone: Sample = { kind: 'unavailable', atMs: T0, source: 'gpu', reason: 'no GPU found: nvidia-smi not installed' };
  const gpu = source('gpu', async () => [gone, gone]);
  const mixed = source('mixed', async () => [systemSample(clock.now()), { ...gone, reason: 'app pid 7 exited' }]);
  const { sampler, received } = collect(clock, [gpu, mixed]);
  sampler.start();
  await flush();
  assert.deepEqual(sampler.health(), {
    gpu: { state: 'unavailable', reason: 'no GPU found: nvidia-smi not installed' },
    mixed: { state: 'ok', atMs: T0 },
  });
  assert.deepEqual(received[0], { source: 'gpu', samples: [gone, gone] });
  sampler.stop();
});

test('a read resolving to something other than an array fails the source', async () => {
  const clock = new FakeClock(T0);
  const odd = source('odd', async () => 'nope' as unknown as Sample[]);
  const { sampler, received } = collect(clock, [odd]);
  sampler.start();
  await flush();
  assert.deepEqual(sampler.health().odd, {
    state: 'failed',
    atMs: T0,
    reason: 'read() resolved to string, not an array of samples',
  });
  assert.equal(received.length, 0);
  sampler.stop();
});

test('every settled read and every timeout is recorded under component "sampler"', async () => {
  const clock = new FakeClock(T0);
  const records: [string, string, number, boolean | undefined][] = [];
  const recorder = {
    record: (c: string, o: string, d: number, ok?: boolean) => void records.push([c, o, d, ok]),
    startTimer: () => () => 0,
    timed: <T>(_c: string, _o: string, fn: () => T) => fn(),
  };
  let calls = 0;
  const s = source(
    'sys',
    () => {
      calls += 1;
      if (calls === 2) return new Promise<Sample[]>(() => undefined);
      return new Promise((resolve) => clock.setTimeout(() => resolve([systemSample(clock.now())]), 250));
    },
    { timeoutMs: 600 },
  );
  const { sampler } = collect(clock, [s], { recorder });
  sampler.start();
  await advance(clock, 2300);
  assert.deepEqual(records, [
    ['sampler', 'sys', 250, true],
    ['sampler', 'sys', 600, false],
    ['sampler', 'sys', 250, true],
  ]);
  sampler.stop();
});

test('setInterval restarts one source on a new grid from now', async () => {
  const clock = new FakeClock(T0);
  const startsMs: number[] = [];
  const s = source('s', async () => {
    startsMs.push(clock.now());
    return [];
  });
  const { sampler } = collect(clock, [s]);
  sampler.start();
  await advance(clock, 1200);
  sampler.setInterval('s', 500);
  await advance(clock, 1000);
  assert.deepEqual(startsMs, [T0, T0 + 1000, T0 + 1700, T0 + 2200]);
  assert.throws(() => sampler.setInterval('nope', 500), {
    message: 'sampler: setInterval: no source "nope"; known sources: s',
  });
  assert.throws(() => sampler.setInterval('s', 0), {
    message: 'sampler: setInterval("s") has intervalMs 0; use a positive number of milliseconds',
  });
  sampler.stop();
  assert.equal(clock.pendingCount(), 0);
});

test('a late timer skips the ticks already past; a clock that jumps back restarts the grid', async () => {
  const fake = new FakeClock(T0);
  let offsetMs = 0;
  const clock: Clock = {
    now: () => fake.now() + offsetMs,
    setTimeout: (fn, ms) => fake.setTimeout(fn, ms),
    clearTimeout: (handle) => fake.clearTimeout(handle),
  };
  const startsMs: number[] = [];
  const s = source('s', async () => {
    startsMs.push(clock.now());
    return [];
  });
  const { sampler } = collect(clock, [s]);
  sampler.start();
  await advance(fake, 500);
  offsetMs = 2500; // the tick due at T0 + 1000 fires at T0 + 3500
  await advance(fake, 1000);
  assert.deepEqual(startsMs, [T0, T0 + 3500, T0 + 4000]);
  assert.equal(sampler.stats().s?.skippedTicks, 2);
  offsetMs = -10_000; // wall clock set back 12.5 s
  await advance(fake, 2000);
  assert.deepEqual(startsMs.slice(3), [T0 - 7500, T0 - 6500]);
  sampler.stop();
});

test('bad sources and double starts are refused with the field and the fix', () => {
  const clock = new FakeClock(T0);
  const ok = source('a', async () => []);
  const noop = () => undefined;
  assert.throws(() => createSampler({ sources: [ok, { ...ok }], clock, onSamples: noop }), {
    message: 'sampler: two sources are named "a"; source names must be unique',
  });
  assert.throws(() => createSampler({ sources: [{ ...ok, timeoutMs: Number.NaN }], clock, onSamples: noop }), {
    message: 'sampler: source "a" has timeoutMs NaN; use a positive number of milliseconds',
  });
  assert.throws(() => createSampler({ sources: [{ ...ok, intervalMs: -5 }], clock, onSamples: noop }), {
    message: 'sampler: source "a" has intervalMs -5; use a positive number of milliseconds',
  });
  const sampler = createSampler({ sources: [ok], clock, onSamples: noop });
  sampler.start();
  assert.throws(() => sampler.start(), { message: 'sampler: start() called twice; call it once' });
  sampler.stop();
  assert.throws(() => sampler.start(), {
    message: 'sampler: start() after stop(); the sources are closed, create a new sampler',
  });
});

test('readsInFlight counts running reads; onSettled follows every read: delivered, failed or timed out', async () => {
  const clock = new FakeClock(T0);
  const [ok, failing, hanging] = [deferred(), deferred(), deferred()];
  const settled: string[] = [];
  const { sampler, received } = collect(
    clock,
    [source('ok', () => ok.promise), source('failing', () => failing.promise), source('hanging', () => hanging.promise, { timeoutMs: 300 })],
    { onSettled: (name) => settled.push(`${name}:${received.length}`) },
  );
  assert.equal(sampler.readsInFlight(), 0);
  sampler.start();
  assert.equal(sampler.readsInFlight(), 3);
  ok.resolve([sample(T0)]);
  await flush();
  failing.reject(new Error('boom'));
  await flush();
  assert.equal(sampler.readsInFlight(), 1);
  await advance(clock, 300);
  assert.equal(sampler.readsInFlight(), 0);
  // "ok:1": its samples were delivered before it was called settled.
  assert.deepEqual(settled, ['ok:1', 'failing:1', 'hanging:1']);
  sampler.stop();
});
