import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLayout } from '../../src/views/layout.js';
import type { PanelId, Rect } from '../../src/views/model.js';

const PANELS: Exclude<PanelId, 'status'>[] = ['cpu', 'memory', 'gpu', 'operations', 'alerts', 'suggestions'];

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

for (const [cols, rows] of [[200, 60], [160, 30], [120, 40], [80, 24], [60, 18], [159, 50]] as const) {
  test(`${cols}x${rows}: no overlap, inside the screen, every panel at least 20x3, status on the last row`, () => {
    const { tooSmall, layout } = computeLayout(cols, rows);
    assert.equal(tooSmall, null);
    const ids = Object.keys(layout) as PanelId[];
    for (const id of ids) {
      const r = layout[id];
      assert.ok(r.left >= 0 && r.top >= 0 && r.left + r.width <= cols && r.top + r.height <= rows, `${id} ${JSON.stringify(r)} outside ${cols}x${rows}`);
      for (const other of ids) if (other !== id) assert.ok(!overlaps(r, layout[other]), `${id} overlaps ${other}`);
    }
    for (const id of PANELS) assert.ok(layout[id].width >= 20 && layout[id].height >= 3, `${id} is ${layout[id].width}x${layout[id].height}`);
    assert.deepEqual(layout.status, { left: 0, top: rows - 1, width: cols, height: 1 });
  });

  test(`${cols}x${rows}: panels and status cover every cell`, () => {
    const { layout } = computeLayout(cols, rows);
    const area = Object.values(layout).reduce((sum, r) => sum + r.width * r.height, 0);
    assert.equal(area, cols * rows);
  });
}

test('120x40: three charts of 9 rows side by side, Operations the biggest, then Alerts and Suggestions', () => {
  const { layout } = computeLayout(120, 40);
  assert.deepEqual(layout.cpu, { left: 0, top: 0, width: 40, height: 9 });
  assert.deepEqual(layout.memory, { left: 40, top: 0, width: 40, height: 9 });
  assert.deepEqual(layout.gpu, { left: 80, top: 0, width: 40, height: 9 });
  assert.deepEqual(layout.operations, { left: 0, top: 9, width: 120, height: 21 });
  assert.deepEqual(layout.alerts, { left: 0, top: 30, width: 60, height: 9 });
  assert.deepEqual(layout.suggestions, { left: 60, top: 30, width: 60, height: 9 });
});

test('80x24: charts shrink to 6 rows and Operations keeps the most room', () => {
  const { layout } = computeLayout(80, 24);
  assert.equal(layout.cpu.height, 6);
  assert.equal(layout.operations.height, 11);
  assert.equal(layout.alerts.height, 6);
});

test('200x60: Operations beside Alerts over Suggestions', () => {
  const { layout } = computeLayout(200, 60);
  assert.deepEqual(layout.operations, { left: 0, top: 12, width: 120, height: 47 });
  assert.deepEqual(layout.alerts, { left: 120, top: 12, width: 80, height: 23 });
  assert.deepEqual(layout.suggestions, { left: 120, top: 35, width: 80, height: 24 });
});

test('below 60x18 the focused panel alone fills the screen above the status line, as if zoomed', () => {
  for (const [cols, rows] of [[40, 12], [59, 40], [200, 17], [24, 6]] as const) {
    const { tooSmall, single, layout } = computeLayout(cols, rows, null, 'alerts');
    assert.equal(tooSmall, null);
    assert.equal(single, true);
    assert.deepEqual(layout.alerts, { left: 0, top: 0, width: cols, height: rows - 1 });
    assert.deepEqual(layout.status, { left: 0, top: rows - 1, width: cols, height: 1 });
    for (const other of PANELS) if (other !== 'alerts') assert.deepEqual(layout[other], { left: 0, top: 0, width: 0, height: 0 });
  }
  assert.deepEqual(computeLayout(40, 12).layout.operations, { left: 0, top: 0, width: 40, height: 11 }, 'Operations when no focus is given');
  assert.equal(computeLayout(60, 18).single, false);
});

test('below 24x6 only a message, naming the size and the need', () => {
  assert.equal(computeLayout(23, 40).tooSmall, 'terminal too small: 23x40, need 24x6');
  assert.equal(computeLayout(200, 5).tooSmall, 'terminal too small: 200x5, need 24x6');
  assert.equal(computeLayout(1, 1).tooSmall, 'terminal too small: 1x1, need 24x6');
  assert.equal(computeLayout(20, 5).single, false);
  assert.deepEqual(computeLayout(20, 5).layout.cpu, { left: 0, top: 0, width: 0, height: 0 });
});

test('zoom: one panel over everything above the status line, the others empty; too small still wins', () => {
  for (const id of PANELS) {
    const { layout } = computeLayout(80, 24, id);
    assert.deepEqual(layout[id], { left: 0, top: 0, width: 80, height: 23 });
    assert.deepEqual(layout.status, { left: 0, top: 23, width: 80, height: 1 });
    for (const other of PANELS) if (other !== id) assert.deepEqual(layout[other], { left: 0, top: 0, width: 0, height: 0 });
  }
  assert.equal(computeLayout(20, 5, 'cpu').tooSmall, 'terminal too small: 20x5, need 24x6');
  assert.deepEqual(computeLayout(40, 12, 'cpu', 'alerts').layout.cpu, { left: 0, top: 0, width: 40, height: 11 }, 'a zoomed panel wins over the focus');
});
