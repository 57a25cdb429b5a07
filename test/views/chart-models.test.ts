import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanSeries, countOffScale, formatSpan, percentTone, toCpuModel, toGpuModel, toMemoryModel } from '../../src/views/chart-models.js';
import { renderSparklineRows } from '../../src/views/sparkline.js';
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

test('Memory panel on a narrow terminal: the machine size stays where used-of-total does not fit', () => {
  const at = (cols: number) => text(toMemoryModel(buildSnapshot(), { cols, sampleMs: 1000 }).lines[0]!);
  assert.equal(at(31), 'now 41.5 % (3.0 GiB of 8.0 GiB)');
  assert.equal(at(30), 'now 41.5 % of 8.0 GiB');
  assert.equal(at(21), 'now 41.5 % of 8.0 GiB');
  assert.equal(at(20), 'now 41.5 %');
});

test('defect 8: no readable GPU is n/a with the reason, never 0 %', () => {
  const model = toGpuModel(buildSnapshot());
  assert.deepEqual(model.values, []);
  assert.deepEqual(model.lines.map(text), ['n/a', 'no GPU found: nvidia-smi not installed']);
  const zoomed = toGpuModel(buildSnapshot({ gpu: { state: 'unavailable', reason: 'no GPU found: nvidia-smi not installed; sysfs: /sys/class/drm is absent' } }), { cols: 38, sampleMs: 5000, zoomed: true });
  assert.deepEqual(zoomed.lines.map(text), ['n/a', 'no GPU found: nvidia-smi not', 'installed; sysfs: /sys/class/drm is', 'absent'], 'alone on the screen the reason wraps');
  const gpu = toGpuModel(buildSnapshot({ gpu: { state: 'ok', name: 'NVIDIA H200', usagePercent: 12, memoryUsedBytes: 2 * 1024 ** 3, memoryTotalBytes: 141 * 1024 ** 3, history: [5, 12] } }));
  assert.deepEqual(gpu.lines.map(text), ['now 12.0 %', 'mem 2.0 GiB of 141 GiB', 'NVIDIA H200']);
});

test('series cleaning: NaN and Infinity are gaps, out-of-scale values are clamped', () => {
  assert.deepEqual(cleanSeries([Number.NaN, Infinity, -5, 50, 250, null], 100), [null, null, 0, 50, 100, null]);
  assert.deepEqual([null, 10, 70, 85, 95].map(percentTone), ['muted', 'ok', 'careful', 'warning', 'critical']);
});

test('large values (bytes/s in the billions) are kept exactly, clamped only at the scale, and draw in proportion', () => {
  const max = 8e9;
  assert.deepEqual(cleanSeries([2e9, 4e9, 8e9, 1.2e10, -3e9, Number.NaN], max), [2e9, 4e9, 8e9, 8e9, 0, null]);
  assert.deepEqual(renderSparklineRows([0, 2e9, 4e9, 6e9, 8e9], max, 5, 2, ['_', '.', '-', '=', '#']), ['   -#', '_-###']);
});

test('an all-zero series draws a baseline, not blank: zero is a value, unlike a gap', () => {
  assert.deepEqual(cleanSeries([0, 0, 0], 100), [0, 0, 0]);
  assert.deepEqual(renderSparklineRows([0, 0, null, 0], 100, 4, 3, ['▁', '█']), ['    ', '    ', '▁▁ ▁']);
  assert.deepEqual(renderSparklineRows([0, 0], 0, 2, 1, ['▁', '█']), ['▁▁'], 'a zero scale too');
});

test('every graph says its unit, its scale and the time it spans, fitted to its width', () => {
  const snapshot = buildSnapshot();
  assert.equal(toCpuModel(snapshot, { cols: 118, sampleMs: 1000 }).label, 'machine CPU %, all cores, 0-100, last 118 s');
  assert.equal(toCpuModel(snapshot, { cols: 38, sampleMs: 1000 }).label, 'CPU %, all cores, 0-100, last 38 s');
  assert.equal(toCpuModel(snapshot, { cols: 24, sampleMs: 500 }).label, 'CPU %, 0-100, last 12 s');
  // Several samples per column: the label says the column shows their peak, dropped first when short.
  assert.equal(toCpuModel(snapshot, { cols: 38, sampleMs: 1000, perColumn: 5 }).label, 'CPU %, 0-100, last 3 min, 5 s peaks');
  assert.equal(toCpuModel(snapshot, { cols: 24, sampleMs: 1000, perColumn: 5 }).label, 'CPU %, 0-100, last 2 min');
  assert.equal(toMemoryModel(snapshot, { cols: 38, sampleMs: 2000 }).label, 'used memory %, 0-100, last 76 s');
  assert.equal(toGpuModel(snapshot, { cols: 38, sampleMs: 5000 }).label, 'GPU usage %, 0-100, last 3 min');
  assert.equal(toCpuModel(snapshot, { cols: 8, sampleMs: 1000 }).label, '%, 0-100', 'the unit and scale outlast the span');
  assert.deepEqual([formatSpan(119, 1000), formatSpan(120, 1000), formatSpan(24, 300_000)], ['119 s', '2 min', '2 h']);
});

test('samples off the scale among those drawn are counted and the panel says so', () => {
  assert.equal(countOffScale([150, -1, 50, null, Number.NaN, 100], 100), 2);
  assert.equal(countOffScale([150, 50, 60], 100, 2), 0, 'only the newest that fit are drawn');
  const model = toCpuModel(buildSnapshot({ cpu: { percent: 100, history: [120, 90, 130] } }), { cols: 38, sampleMs: 1000 });
  assert.equal(text(model.lines.at(-1)!), '2 samples off the 0-100 scale, drawn at the edge');
  assert.equal(model.lines.at(-1)![0]!.tone, 'careful');
  assert.equal(toCpuModel(buildSnapshot(), { cols: 38, sampleMs: 1000 }).lines.length, 2, 'nothing said when all is on the scale');
});

test('zoomed, a graph also comes as a line chart: the newest points beside the value axis, labelled with the span they cover', () => {
  const history = [null, null, 10, 20, null, 40, 50];
  const snapshot = buildSnapshot({ cpu: { percent: 50, history } });
  assert.equal(toCpuModel(snapshot, { cols: 60, sampleMs: 1000 }).line, undefined, 'not zoomed: no line chart');
  const line = toCpuModel(snapshot, { cols: 60, sampleMs: 1000, zoomed: true }).line;
  // History not yet filled is left out; the gap inside is drawn at the value before it, and the label says so.
  assert.deepEqual(line, { x: ['-0:04', '-0:03', '-0:02', '-0:01', 'now'], y: [10, 20, 20, 40, 50], label: 'machine CPU %, all cores, 0-100, last 5 s, 1 missing drawn flat' });
  // Only as many points as fit beside the value labels: 20 columns leave 12.
  const long = toCpuModel(buildSnapshot({ cpu: { percent: 5, history: Array.from({ length: 100 }, () => 5) } }), { cols: 20, sampleMs: 1000, zoomed: true }).line;
  assert.equal(long?.y.length, 12);
  assert.equal(toCpuModel(buildSnapshot({ cpu: { percent: 5, history: [null, 5] } }), { cols: 60, sampleMs: 1000, zoomed: true }).line, undefined, 'one point is no line');
});
