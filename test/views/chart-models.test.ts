import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanSeries, percentTone, toCpuModel, toGpuModel, toMemoryModel } from '../../src/views/chart-models.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

test('CPU panel: machine-wide label, current value with its tone, app share of one core', () => {
  const model = toCpuModel(buildSnapshot());
  assert.equal(model.title, 'CPU');
  assert.equal(model.label, 'machine CPU %, all cores, 0-100');
  assert.equal(text(model.lines[0]!), 'now 73.2 %');
  assert.equal(model.lines[0]![1]!.tone, 'careful');
  assert.equal(text(model.lines[1]!), 'app 150.2 % of one core');
  assert.deepEqual(model.values, [10, 50, 73.24]);
});

test('defect 7: the first CPU reading is shown as measuring, not as 0', () => {
  const model = toCpuModel(buildSnapshot({ cpu: { percent: null, history: [null] } }));
  assert.equal(text(model.lines[0]!), 'now measuring…');
  assert.deepEqual(model.values, [null]);
});

test('Memory panel: percent, used of total, app RSS', () => {
  const model = toMemoryModel(buildSnapshot());
  assert.equal(text(model.lines[0]!), 'now 41.5 % (3.0 GiB of 8.0 GiB)');
  assert.equal(text(model.lines[1]!), 'app RSS 140 MiB');
  assert.equal(text(toMemoryModel(buildSnapshot({ app: null })).lines[1]!), 'app RSS no app process');
});

test('defect 8: no readable GPU is n/a with the reason, never 0 %', () => {
  const model = toGpuModel(buildSnapshot());
  assert.deepEqual(model.values, []);
  assert.deepEqual(model.lines.map(text), ['n/a', 'no GPU found: nvidia-smi not installed']);
  const gpu = toGpuModel(buildSnapshot({ gpu: { state: 'ok', name: 'NVIDIA H200', usagePercent: 12, memoryUsedBytes: 2 * 1024 ** 3, memoryTotalBytes: 141 * 1024 ** 3, history: [5, 12] } }));
  assert.deepEqual(gpu.lines.map(text), ['now 12.0 %', 'mem 2.0 GiB of 141 GiB', 'NVIDIA H200']);
});

test('series cleaning: NaN and Infinity are gaps, out-of-scale values are clamped', () => {
  assert.deepEqual(cleanSeries([Number.NaN, Infinity, -5, 50, 250, null], 100), [null, null, 0, 50, 100, null]);
  assert.deepEqual([null, 10, 70, 85, 95].map(percentTone), ['muted', 'ok', 'careful', 'warning', 'critical']);
});
