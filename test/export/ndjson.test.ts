import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NDJSON_VERSION, createNdjsonWriter } from '../../src/export/ndjson.js';
import { AT_MS, CAMERA_STATS, SUGGESTION, alertEntry, fullFrame, fullSnapshot, piSnapshot } from './fixtures.js';
import { loadSchema, validate } from './json-schema.js';

const SCHEMA_FILE = new URL('../../../examples/zoomtop-ndjson.schema.json', import.meta.url).pathname;

function capture(): { chunks: string[]; write(text: string): void } {
  const chunks: string[] = [];
  return { chunks, write: (text) => void chunks.push(text) };
}

test('one line per snapshot: version, host, ISO time, figures without histories, alerts holding, raised ids, suggestions', () => {
  const out = capture();
  const writer = createNdjsonWriter(out, { host: 'pi-north' });
  writer.write(fullFrame());
  assert.equal(writer.lines, 1);
  assert.equal(out.chunks.length, 1);
  const text = out.chunks[0] ?? '';
  assert.ok(text.endsWith('}\n'));
  assert.equal(text.indexOf('\n'), text.length - 1);
  const snapshot = fullSnapshot();
  assert.deepEqual(JSON.parse(text), {
    version: NDJSON_VERSION,
    type: 'snapshot',
    host: 'pi-north',
    at: '1970-01-01T00:16:40.000Z',
    snapshot: {
      atMs: AT_MS,
      startedAtMs: snapshot.startedAtMs,
      cpu: { percent: 73.24 },
      memory: { percent: 41.5, usedBytes: 3 * 1024 ** 3, totalBytes: 8 * 1024 ** 3 },
      gpu: { state: 'unavailable', reason: 'no GPU found: nvidia-smi not installed' },
      self: snapshot.self,
      app: snapshot.app,
      appFigures: snapshot.appFigures,
      operations: snapshot.operations,
      statsd: snapshot.statsd,
      disk: snapshot.disk,
      network: snapshot.network,
      processCounts: snapshot.processCounts,
    },
    cameraStats: CAMERA_STATS,
    alerts: [alertEntry('cpu-high', null)],
    raised: ['cpu-high'],
    suggestions: [SUGGESTION],
  });
});

test('a GPU reading keeps its figures and drops its history; missing optional figures become null', () => {
  const out = capture();
  const frame = fullFrame();
  frame.snapshot = fullSnapshot({
    gpu: { state: 'ok', name: 'VideoCore', usagePercent: 12, memoryUsedBytes: null, memoryTotalBytes: 1024, history: [10, 12] },
    disk: undefined,
    network: undefined,
    processCounts: undefined,
  });
  createNdjsonWriter(out, { host: 'h' }).write(frame);
  const line = JSON.parse(out.chunks[0] ?? '') as { snapshot: Record<string, unknown> };
  assert.deepEqual(line.snapshot['gpu'], { state: 'ok', name: 'VideoCore', usagePercent: 12, memoryUsedBytes: null, memoryTotalBytes: 1024 });
  assert.deepEqual([line.snapshot['disk'], line.snapshot['network'], line.snapshot['processCounts']], [null, null, null]);
  assert.deepEqual(validate(line, loadSchema(SCHEMA_FILE)), []);
});

test('lines validate against examples/zoomtop-ndjson.schema.json, and the schema catches a wrong field', () => {
  const schema = loadSchema(SCHEMA_FILE);
  const out = capture();
  createNdjsonWriter(out, { host: 'pi' }).write(fullFrame());
  const line = JSON.parse(out.chunks[0] ?? '') as Record<string, unknown>;
  assert.deepEqual(validate(line, schema), []);
  assert.deepEqual(validate({ ...line, version: 2 }, schema), ['$.version: 2 is not 1']);
  assert.deepEqual(validate({ ...line, extra: 1 }, schema), ['$: unexpected field extra']);
  const { raised: _raised, ...withoutRaised } = line;
  assert.deepEqual(validate(withoutRaised, schema), ['$: missing raised']);
});

test('Pi health and process targets are in the line, the temperature history left out, and the line validates', () => {
  const out = capture();
  createNdjsonWriter(out, { host: 'pi' }).write({ ...fullFrame(), snapshot: piSnapshot() });
  const line = JSON.parse(out.chunks[0] ?? '') as { snapshot: { pi: { temperature: Record<string, unknown> }; processTargets: unknown[] } };
  assert.deepEqual(line.snapshot.pi.temperature, { state: 'ok', atMs: AT_MS, celsius: 61.5, zoneType: 'cpu-thermal' });
  assert.deepEqual(line.snapshot.processTargets, piSnapshot().processTargets);
  assert.deepEqual(validate(line, loadSchema(SCHEMA_FILE)), []);
});
