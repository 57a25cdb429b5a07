import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSummary, toOperationsModel } from '../../src/views/operations-model.js';
import { buildStats } from '../helpers/snapshot-builder.js';

const rowText = (row: { text: string }[]) => row.map((s) => s.text).join('');

test('rows are sorted by p95, slowest first, with every column at 118 columns', () => {
  const model = toOperationsModel(
    [buildStats('camera_manager', 'capture_frame', { p95Ms: 5 }), buildStats('encoder', 'encode', { p95Ms: 40.6, errors: 3 })],
    118,
    'last 60 s',
  );
  assert.equal(model.title, 'Operations (last 60 s)');
  assert.deepEqual(model.columns.map((c) => c.header), ['component.operation (ms)', 'count', 'rate/s', 'last', 'avg', 'p95', 'max', 'errors']);
  assert.equal(model.rows.length, 2);
  assert.ok(rowText(model.rows[0]!).startsWith('encoder.encode '));
  assert.equal(rowText(model.rows[0]!).length, 118);
  assert.match(rowText(model.rows[0]!), /1200 +30 +12\.5 +11\.0 +40\.6 +48\.9 +3$/);
  assert.equal(model.rows[0]!.at(-1)!.tone, 'warning');
  assert.equal(model.rows[1]!.at(-1)!.tone, 'muted');
});

test('a narrow panel drops columns from the right and cuts long names with an ellipsis', () => {
  const model = toOperationsModel([buildStats('a_very_long_component_name_indeed', 'operation')], 40, 'last 60 s');
  assert.deepEqual(model.columns.map((c) => c.header), ['component.operation (ms)', 'count', 'rate/s', 'last']);
  const row = rowText(model.rows[0]!);
  assert.equal(row.length, 40);
  assert.ok(row.startsWith('a_very_long_com…'), row);
});

test('the title carries what the app reports about itself', () => {
  assert.equal(appSummary({ fps: 29.66, frameTimeMs: 21.25, cameras: 3, camerasActive: 2 }), 'app 29.7 fps, frame 21.3 ms, 2 of 3 cameras active');
  assert.equal(appSummary({ fps: null, frameTimeMs: null, cameras: null, camerasActive: null }), '');
  const model = toOperationsModel([], 80, 'last 60 s', '…', 'app 30.0 fps');
  assert.equal(model.title, 'Operations (last 60 s) | app 30.0 fps');
  assert.match(model.empty, /StatsD/);
});
