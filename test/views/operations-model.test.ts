import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSummary, coarseWindowLabel, operationKey, toOperationsModel, visibleOperations } from '../../src/views/operations-model.js';
import { textWidth } from '../../src/views/text-width.js';
import { buildStats } from '../helpers/snapshot-builder.js';

const rowText = (row: { text: string }[]) => row.map((s) => s.text).join('');

test('rows are sorted by p95, slowest first, with every column at 118 columns', () => {
  const model = toOperationsModel(
    [buildStats('camera_manager', 'capture_frame', { p95Ms: 5 }), buildStats('encoder', 'encode', { p95Ms: 40.6, errors: 3 })],
    { innerWidth: 118, windowLabel: 'last 60 s' },
  );
  assert.equal(model.title, 'Operations (last 60 s, by p95)');
  assert.deepEqual(model.columns.map((c) => c.header), ['component.operation (ms)', 'count', 'rate/s', 'last', 'avg', 'p95', 'max', 'errors']);
  assert.equal(model.rows.length, 2);
  assert.ok(rowText(model.rows[0]!).startsWith('encoder.encode '));
  assert.equal(rowText(model.rows[0]!).length, 118);
  assert.match(rowText(model.rows[0]!), /1200 +30 +12\.5 +11\.0 +40\.6 +48\.9 +3$/);
  assert.equal(model.rows[0]!.at(-1)!.tone, 'warning');
  assert.equal(model.rows[1]!.at(-1)!.tone, 'muted');
});

test('a narrow panel drops the least important columns first, keeps p95, and cuts long names with an ellipsis', () => {
  const model = toOperationsModel([buildStats('a_very_long_component_name_indeed', 'operation')], { innerWidth: 40, windowLabel: 'last 60 s' });
  assert.deepEqual(model.columns.map((c) => c.header), ['component.operation (ms)', 'p95']);
  const row = rowText(model.rows[0]!);
  assert.equal(row, 'a_very_long_component_name_inde…    20.3');
  const small = toOperationsModel([buildStats('camera_manager', 'capture_frame')], { innerWidth: 78, windowLabel: 'last 60 s' });
  assert.deepEqual(small.columns.map((c) => c.header), ['component.operation (ms)', 'count', 'rate/s', 'avg', 'p95', 'max', 'errors'], 'at 80 columns only "last" goes');
  assert.ok(rowText(small.rows[0]!).startsWith('camera_manager.capture_frame '), 'the usual names are not cut at 80 columns');
});

test('a very narrow panel (one panel at a time on a small terminal) cuts names further so p95 still shows', () => {
  const at = (innerWidth: number) => toOperationsModel([buildStats('camera_manager', 'capture_frame')], { innerWidth, windowLabel: 'last 60 s' });
  assert.deepEqual(at(28).columns.map((c) => c.header), ['operation (ms)', 'p95']);
  assert.equal(rowText(at(28).rows[0]!), 'camera_manager.capt…    20.3');
  assert.equal(rowText(at(22).rows[0]!), 'camera_manage…    20.3');
  assert.equal(rowText(at(20).rows[0]!), 'camera_mana…    20.3', 'names keep 12 cells at the least');
  assert.deepEqual(at(19).columns.map((c) => c.header), ['operation (ms)'], 'p95 goes only when 12 cells of name and p95 do not fit');
});

test('an operation idle for the whole window shows - for its distribution, not the unmeasured mark', () => {
  const idle = buildStats('camera_manager', 'capture_frame', { avgMs: null, p95Ms: null, maxMs: null, windowCount: 0, ratePerSec: 0 });
  const model = toOperationsModel([idle], { innerWidth: 118, windowLabel: 'last 60 s' });
  assert.match(rowText(model.rows[0]!), /1200 +0\.0 +12\.5 +- +- +- +0$/);
});

test('the title carries what the app reports about itself', () => {
  assert.equal(appSummary({ fps: 29.66, frameTimeMs: 21.25, cameras: 3, camerasActive: 2 }), 'app 29.7 fps, frame 21.3 ms, 2 of 3 cameras active');
  assert.equal(appSummary({ fps: null, frameTimeMs: null, cameras: null, camerasActive: null }), '');
  const model = toOperationsModel([], { innerWidth: 80, windowLabel: 'last 60 s', appSummary: 'app 30.0 fps' });
  assert.equal(model.title, 'Operations (last 60 s, by p95) | app 30.0 fps');
  assert.match(model.empty, /StatsD/);
});

test('the empty table says what can feed it: where StatsD listens, or that it is off', () => {
  const empty = (statsdAddress?: string | null) => toOperationsModel([], { innerWidth: 80, windowLabel: 'last 60 s', statsdAddress }).empty;
  assert.equal(empty('127.0.0.1:8125'), 'no operations yet: send StatsD timers (component.operation:12.5|ms) to 127.0.0.1:8125 or use record() from the library');
  assert.equal(empty(null), 'no operations: StatsD is off (--no-statsd); start zoomtop without it to receive timers, or use record() from the library');
  assert.equal(empty(), 'no operations yet: send StatsD timers (component.operation:12.5|ms) or use record() from the library');
});

const STATS = [
  buildStats('camera_manager', 'capture_frame', { p95Ms: 5, avgMs: 4, ratePerSec: 90, errors: 0 }),
  buildStats('encoder', 'encode', { p95Ms: 40.6, avgMs: 20, ratePerSec: 30, errors: 3 }),
  buildStats('uploader', 'send', { p95Ms: 12, avgMs: 30, ratePerSec: 1, errors: 7 }),
  buildStats('motion_detector', 'detect', { p95Ms: null, avgMs: null, ratePerSec: 0, errors: 0 }),
];
const names = (sort: Parameters<typeof visibleOperations>[1], filter = '') => visibleOperations(STATS, sort, filter).map(operationKey);

test('each sort order puts the largest first (unknown last), name sorts alphabetically', () => {
  assert.deepEqual(names('p95'), ['encoder.encode', 'uploader.send', 'camera_manager.capture_frame', 'motion_detector.detect']);
  assert.deepEqual(names('avg'), ['uploader.send', 'encoder.encode', 'camera_manager.capture_frame', 'motion_detector.detect']);
  assert.deepEqual(names('rate'), ['camera_manager.capture_frame', 'encoder.encode', 'uploader.send', 'motion_detector.detect']);
  assert.deepEqual(names('errors'), ['uploader.send', 'encoder.encode', 'camera_manager.capture_frame', 'motion_detector.detect']);
  assert.deepEqual(names('name'), ['camera_manager.capture_frame', 'encoder.encode', 'motion_detector.detect', 'uploader.send']);
});

test('the filter keeps names containing the text, any case, anywhere; the title says how many of how many', () => {
  assert.deepEqual(names('name', 'ER.E'), ['encoder.encode']);
  assert.deepEqual(names('name', 'tect'), ['motion_detector.detect']);
  assert.deepEqual(names('name', '  send '), ['uploader.send']);
  const model = toOperationsModel(STATS, { innerWidth: 80, windowLabel: 'last 60 s', sort: 'rate', filter: 'cod' });
  assert.equal(model.title, 'Operations (last 60 s, by rate, filter "cod" 1 of 4)');
  const none = toOperationsModel(STATS, { innerWidth: 80, windowLabel: 'last 60 s', filter: 'zzz' });
  assert.deepEqual([none.rows.length, none.empty], [0, 'no operation matches "zzz"; Esc clears the filter']);
});

test('the selection follows the name through re-sorting, falls back to the first row, and shows only with the focus', () => {
  const view = { innerWidth: 80, windowLabel: 'last 60 s', selectedKey: 'uploader.send', showSelection: true };
  assert.equal(toOperationsModel(STATS, { ...view, sort: 'p95' }).selectedIndex, 1);
  assert.equal(toOperationsModel(STATS, { ...view, sort: 'name' }).selectedIndex, 3);
  assert.equal(toOperationsModel(STATS, { ...view, selectedKey: 'gone.away' }).selectedIndex, 0);
  assert.equal(toOperationsModel(STATS, { ...view, selectedKey: null }).selectedIndex, 0);
  assert.equal(toOperationsModel(STATS, { ...view, showSelection: false }).selectedIndex, -1);
  assert.equal(toOperationsModel([], view).selectedIndex, -1);
});

test('wide CJK and emoji names are cut by display width, so every row is exactly the panel wide', () => {
  const stats = [buildStats('摄像头管理器', '捕获帧图像数据'), buildStats('camera🎥', 'encode📦📦📦📦📦📦📦📦')];
  const model = toOperationsModel(stats, { innerWidth: 60, windowLabel: 'last 60 s' });
  for (const row of model.rows) assert.equal(textWidth(rowText(row)), 60, rowText(row));
  // A name of 27 cells is padded to the 28-cell column; emoji count two cells each when cut.
  assert.deepEqual(model.rows.map((r) => r[0]!.text), ['camera🎥.encode📦📦📦📦📦📦…', '摄像头管理器.捕获帧图像数据 ']);
});

test('the title window is cut to whole tens of seconds, so it does not change every second', () => {
  const span = (s: number) => coarseWindowLabel({ startMs: 1_000, endMs: 1_000 + s * 1000 });
  assert.deepEqual([0, 4.9, 9.99, 10, 31, 59.9, 60, 299].map(span), ['last 0 s', 'last 4 s', 'last 9 s', 'last 10 s', 'last 30 s', 'last 50 s', 'last 60 s', 'last 290 s']);
});

const p95s = (figures: Record<string, number | null>) => Object.entries(figures).map(([name, p95Ms]) => buildStats(name, 'op', { p95Ms }));
const order = (keys: string[], sort: Parameters<typeof visibleOperations>[1] = 'p95') => ({ sort, keys: keys.map((k) => `${k}.op`) });
const shown = (stats: ReturnType<typeof p95s>, previous?: ReturnType<typeof order>, sort: Parameters<typeof visibleOperations>[1] = 'p95') =>
  visibleOperations(stats, sort, '', previous).map((s) => s.component);

test('rows whose figures are within 10 % keep the places they were shown in; a clear lead moves a row up', () => {
  const last = order(['a', 'b', 'c']);
  // b and c wobble past a by less than 10 %: nothing moves.
  assert.deepEqual(shown(p95s({ a: 20.2, b: 20.9, c: 21.5 }), last), ['a', 'b', 'c']);
  assert.deepEqual(shown(p95s({ a: 20.2, b: 20.9, c: 21.5 })), ['c', 'b', 'a'], 'without a previous order the sort is exact');
  // c passes b by more than 10 % but a by less: it rises one place.
  assert.deepEqual(shown(p95s({ a: 21, b: 20, c: 22.5 }), last), ['a', 'c', 'b']);
  // A clear lead over every row above: to the top.
  assert.deepEqual(shown(p95s({ a: 20, b: 20, c: 30 }), last), ['c', 'a', 'b']);
  // A row that fell far behind is passed by the rows below it.
  assert.deepEqual(shown(p95s({ a: 1, b: 20, c: 20.5 }), last), ['b', 'c', 'a']);
});

test('a settled order: new rows go where they sort, unknown figures stay last, a changed sort starts exact', () => {
  const last = order(['a', 'b']);
  assert.deepEqual(shown(p95s({ a: 20, b: 21, n: 50 }), last), ['n', 'a', 'b']);
  assert.deepEqual(shown(p95s({ a: 20, b: 21, n: 1 }), last), ['a', 'b', 'n']);
  assert.deepEqual(shown(p95s({ a: null, b: 0.5 }), last), ['b', 'a'], 'any number beats an unknown figure');
  assert.deepEqual(shown(p95s({ a: 20, b: 21 }), order(['a', 'b'], 'avg')), ['b', 'a'], 'the order of another sort is not kept');
  assert.deepEqual(shown(p95s({ a: 20, b: 21 }), order([])), ['b', 'a']);
  // Rows gone from the data are simply not shown.
  assert.deepEqual(shown(p95s({ b: 21 }), last), ['b']);
});

test('error counts are exact: one more error moves a row up, an equal count keeps the shown order', () => {
  const errors = (figures: Record<string, number>) => Object.entries(figures).map(([name, errors]) => buildStats(name, 'op', { errors }));
  assert.deepEqual(shown(errors({ a: 10, b: 11 }), order(['a', 'b'], 'errors'), 'errors'), ['b', 'a']);
  assert.deepEqual(shown(errors({ a: 10, b: 10 }), order(['b', 'a'], 'errors'), 'errors'), ['b', 'a']);
});

test('the model hands back the order it drew, and the next model keeps close rows in it', () => {
  const view = { innerWidth: 80, windowLabel: 'last 60 s' };
  const first = toOperationsModel(p95s({ a: 20.9, b: 20.2 }), view);
  assert.deepEqual(first.order, { sort: 'p95', keys: ['a.op', 'b.op'] });
  const next = toOperationsModel(p95s({ a: 20.2, b: 20.9 }), { ...view, previousOrder: first.order });
  assert.deepEqual(next.order.keys, ['a.op', 'b.op']);
  assert.ok(rowText(next.rows[0]!).startsWith('a.op'));
});
