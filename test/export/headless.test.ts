import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHeadless, type HeadlessFormat } from '../../src/export/headless.js';
import { T0, advance, fakeProfiler } from '../profiler/fake-machine.js';
import { loadSchema, validate } from './json-schema.js';

const SCHEMA = loadSchema(new URL('../../../examples/zoomtop-ndjson.schema.json', import.meta.url).pathname);

function sink(): { text: () => string; write(text: string): void } {
  let all = '';
  return { text: () => all, write: (t) => void (all += t) };
}

async function run(format: HeadlessFormat, durationMs: number) {
  const { clock, profiler, state } = fakeProfiler();
  profiler.record('camera', 'capture', 12);
  const out = sink();
  const handle = runHeadless({ profiler, format, durationMs, output: out, host: 'pi-north' });
  await advance(clock, durationMs);
  await handle.done;
  return { out, profiler, state };
}

test('ndjson: one schema-valid line per snapshot until the duration ends, then the profiler is stopped', async () => {
  const { out, profiler } = await run('ndjson', 3000);
  const lines = out.text().split('\n');
  assert.equal(lines.pop(), '');
  const parsed = lines.map((l) => JSON.parse(l) as { at: string; host: string; snapshot: { operations: { component: string; count: number }[] } });
  assert.deepEqual(parsed.map((l) => l.at), [0, 1000, 2000].map((ms) => new Date(T0 + ms).toISOString()));
  assert.deepEqual(parsed.map((l) => l.host), ['pi-north', 'pi-north', 'pi-north']);
  assert.deepEqual(parsed[0]?.snapshot.operations.map((o) => [o.component, o.count]), [['camera', 1]]);
  for (const line of parsed) assert.deepEqual(validate(line, SCHEMA), []);
  assert.equal(profiler.running, false);
});

test('influx: points per snapshot with the host tag', async () => {
  const { out } = await run('influx', 2000);
  const systemLines = out.text().split('\n').filter((l) => l.startsWith('zoomtop_system,'));
  assert.deepEqual(systemLines.map((l) => l.split(' ').pop()), [`${T0}000000`, `${T0 + 1000}000000`]);
  assert.ok(systemLines[0]?.startsWith('zoomtop_system,host=pi-north cpu_percent=20,memory_percent=50,'), systemLines[0]);
  assert.ok(out.text().includes(`zoomtop_operation,component=camera,host=pi-north,operation=capture count=1i,`));
});

test('json and yaml: nothing while running, the profiler export once at the end', async () => {
  const { clock, profiler } = fakeProfiler();
  const out = sink();
  const handle = runHeadless({ profiler, format: 'json', durationMs: 2500, output: out });
  await advance(clock, 2000);
  assert.equal(out.text(), '');
  await advance(clock, 500);
  await handle.done;
  const summary = JSON.parse(out.text()) as { snapshots: unknown[]; running: boolean; exportedAt: string };
  assert.equal(summary.snapshots.length, 3);
  assert.equal(summary.running, false);
  assert.equal(summary.exportedAt, new Date(T0 + 2500).toISOString());
  const yaml = await run('yaml', 1000);
  assert.ok(yaml.out.text().startsWith('exportedAt: 2026-01-01T00:00:01.000Z\nrunning: false\n'), yaml.out.text().slice(0, 80));
});

test('stop() ends a run without a duration at once and twice is harmless; a profiler started elsewhere keeps running', async () => {
  const { clock, profiler } = fakeProfiler();
  profiler.start({ intervalMs: 1000 });
  const out = sink();
  const handle = runHeadless({ profiler, format: 'ndjson', output: out, host: 'h' });
  await advance(clock, 1500);
  handle.stop();
  handle.stop();
  await handle.done;
  const count = out.text().split('\n').length - 1;
  // start()'s first snapshot is taken one timer turn later, after the run subscribed: +0 and +1000.
  assert.equal(count, 2);
  await advance(clock, 3000);
  assert.equal(out.text().split('\n').length - 1, count);
  assert.equal(profiler.running, true);
  profiler.stop();
});

test('--output FILE: ndjson appends, json replaces; an unopenable file is a one-line error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zoomtop-headless-'));
  try {
    const file = join(dir, 'out.ndjson');
    writeFileSync(file, 'earlier\n');
    const { clock, profiler } = fakeProfiler();
    const handle = runHeadless({ profiler, format: 'ndjson', durationMs: 1000, output: file, host: 'h' });
    await advance(clock, 1000);
    await handle.done;
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines[0], 'earlier');
    assert.equal(lines.length, 3);
    const summaryFile = join(dir, 'summary.json');
    writeFileSync(summaryFile, 'old');
    const second = fakeProfiler();
    const json = runHeadless({ profiler: second.profiler, format: 'json', durationMs: 1000, output: summaryFile });
    await advance(second.clock, 1000);
    await json.done;
    assert.equal((JSON.parse(readFileSync(summaryFile, 'utf8')) as { snapshots: unknown[] }).snapshots.length, 1);
    const missing = join(dir, 'no-such-dir', 'out.ndjson');
    assert.throws(() => runHeadless({ profiler: fakeProfiler().profiler, format: 'ndjson', output: missing }), {
      message: `--output ${JSON.stringify(missing)} cannot be opened (ENOENT); give a file in an existing, writable directory`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad format or duration is refused before anything starts', () => {
  const { profiler } = fakeProfiler();
  assert.throws(() => runHeadless({ profiler, format: 'csv' as HeadlessFormat }), { message: '--format "csv" is not supported; use one of ndjson, json, yaml, influx' });
  assert.throws(() => runHeadless({ profiler, format: 'json', durationMs: 0 }), /--duration 0 ms is not a positive duration/);
  assert.equal(profiler.running, false);
});

test('a write that fails (EPIPE, full disk) ends the run: done rejects with one line and the profiler stops', async () => {
  const { clock, profiler } = fakeProfiler();
  const broken = { write: () => { throw Object.assign(new Error('broken pipe'), { code: 'EPIPE' }); } };
  const handle = runHeadless({ profiler, format: 'ndjson', output: broken, host: 'h' });
  const settled = handle.done.then(() => 'resolved', (error: Error) => error.message);
  await advance(clock, 1000);
  assert.equal(await settled, "headless output failed (EPIPE); the run stopped. Check the --output file's disk, or the program reading stdout");
  assert.equal(profiler.running, false);
});
