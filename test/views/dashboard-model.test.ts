import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialUiState } from '../../src/app/ui-state.js';
import { CONTEXT, busyRules, busySnapshot, stateModel } from '../helpers/screen-states.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

test('the UI state reaches the model: focus, sort, filter, selection, zoom, pause', () => {
  const model = stateModel({ ...initialUiState, focus: 'operations', sort: 'name', filter: 'o', selectedOperation: 'motion_detector.detect', paused: true }, 120, 40);
  assert.equal(model.focus, 'operations');
  assert.equal(model.operations.title, 'Operations (last 60 s, by name, filter "o" 3 of 4) | app 29.7 fps, frame 21.3 ms, 2 of 3 cameras active');
  assert.equal(model.operations.selectedIndex, 1);
  assert.equal(model.status[0]!.text, ' PAUSED ');
  const zoomed = stateModel({ ...initialUiState, focus: 'alerts', zoomed: true }, 120, 40);
  assert.deepEqual(zoomed.layout.alerts, { left: 0, top: 0, width: 120, height: 39 });
  assert.equal(zoomed.alerts.lines.length, busyRules().alerts.length, 'the zoomed log shows every entry that fits');
});

test('the detail shows the selected operation, or the first row when none is selected, with its cameras', () => {
  const detail = stateModel({ ...initialUiState, dialog: { kind: 'detail' }, selectedOperation: 'encoder.encode' }, 120, 40);
  assert.equal(detail.dialog?.title, 'Operation encoder.encode');
  assert.ok(detail.dialog!.lines.map(text).some((l) => l.startsWith('driveway ')));
  const first = stateModel({ ...initialUiState, dialog: { kind: 'detail' }, sort: 'name' }, 120, 40);
  assert.equal(first.dialog?.title, 'Operation camera_manager.capture_frame');
});

test('the charts\' labels give the span of their own width and sampling interval', () => {
  const model = stateModel(initialUiState, 120, 40, busySnapshot(), busyRules(), { ...CONTEXT, intervalMs: 2000, gpuIntervalMs: 5000 });
  // 38 columns of 3 samples 2 s apart (the column nearest 5 s), each the peak of its three; the GPU's
  // 5 s samples take one column each, so its label has no peaks.
  assert.equal(model.cpu.label, 'CPU %, 0-100, last 4 min, 6 s peaks');
  assert.equal(model.gpu.label, 'GPU usage %, 0-100, last 3 min');
  const zoomed = stateModel({ ...initialUiState, focus: 'cpu', zoomed: true }, 120, 40, busySnapshot(), busyRules(), { ...CONTEXT, intervalMs: 2000 });
  assert.equal(zoomed.cpu.label, 'machine CPU %, all cores, 0-100, last 12 min, 6 s peaks', 'zoomed: 118 columns at the same scale');
  assert.equal(zoomed.cpu.values.length, 100, 'zoomed: the 300 samples in 100 columns');
});

test('the three graphs get as many figure lines, so their now lines share a row (no app process: CPU has one line fewer)', () => {
  const model = stateModel(initialUiState, 120, 40, busySnapshot({ app: null }), busyRules());
  const texts = (lines: { text: string }[][]) => lines.map((line) => line.map((s) => s.text).join(''));
  assert.equal(model.cpu.lines.length, model.memory.lines.length);
  assert.equal(model.gpu.lines.length, model.memory.lines.length);
  assert.match(texts(model.cpu.lines)[0]!, /^now /);
  assert.equal(texts(model.cpu.lines).at(-1), '', 'the padding is a blank line at the end');
});
