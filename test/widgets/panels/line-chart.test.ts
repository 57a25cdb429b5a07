import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { UiPort } from '../../../src/app/ui-port.js';
import { LINE_CHART_AXIS_COLS } from '../../../src/views/chart-models.js';
import { computeLayout } from '../../../src/views/layout.js';
import { lineChartData } from '../../../src/views/line-chart-data.js';
import type { ChartModel, DashboardModel } from '../../../src/views/model.js';
import { createBlessedUi } from '../../../widgets/blessed-ui.js';
import { contribColour, niceStep, yScale } from '../../../widgets/panels/line-chart.js';
import { loadTheme } from '../../../widgets/theme.js';
import { buildModel } from '../../helpers/model-builder.js';
import { inside } from '../../helpers/screen-asserts.js';
import { VirtualTerminal } from '../../helpers/virtual-terminal.js';

test('theme colours become what the chart canvas takes', () => {
  assert.deepEqual(['114', 'green', 'bright-red', 'grey', '#ff8000', 'default'].map(contribColour), [114, 'green', 9, 8, [255, 128, 0], 'normal']);
});

test('the value axis steps by 1, 2, 2.5 or 5 times a power of ten and leaves room above the max', () => {
  assert.deepEqual([niceStep(100, 4), niceStep(23.5, 4), niceStep(4, 4), niceStep(0.8, 4), niceStep(1000, 4)], [25, 10, 1, 0.2, 250]);
  // 0, 25, 50, 75 and 100 labelled (labels stop below maxY), 5 % above 100 for the line at the top.
  assert.deepEqual(yScale(100, 30), { maxY: 105, numYLabels: 4.2 });
  // A short chart needs more room: the chart draws a point 2 dots above its value.
  assert.ok(yScale(100, 8).maxY > 110);
});

let open: { vt: VirtualTerminal; ui: UiPort }[] = [];
afterEach(() => {
  for (const { vt, ui } of open) {
    ui.destroy();
    vt.dispose();
  }
  open = [];
});

const BRAILLE = /[\u2801-\u28ff]/;

/** The CPU panel zoomed to the whole screen, with `values` one per 5 s, its line as the view makes it. */
function zoomedModel(cols: number, rows: number, values: (number | null)[]): DashboardModel {
  const model = buildModel(cols, rows);
  const points = lineChartData(values, 5000, cols - 2 - LINE_CHART_AXIS_COLS);
  const line = points && points.y.length >= 2 ? { x: points.x, y: points.y, label: `CPU %, 0-100, last ${points.y.length * 5} s` } : undefined;
  const cpu: ChartModel = { ...model.cpu, values, max: 100, line };
  return { ...model, layout: computeLayout(cols, rows, 'cpu').layout, focus: 'cpu', cpu };
}

async function show(cols: number, rows: number, model: DashboardModel, themeName = 'default') {
  const vt = new VirtualTerminal(cols, rows);
  const ui = createBlessedUi({ input: vt.input, output: vt.output, term: 'xterm-256color', theme: loadTheme(themeName), env: { LANG: 'en_US.UTF-8' } });
  open.push({ vt, ui });
  ui.render(model);
  await vt.waitForWrites();
  return { vt, ui, panel: () => inside(vt, model.layout.cpu) };
}

const rising = (n: number) => Array.from({ length: n }, (_, i) => (i * 100) / (n - 1));

for (const [cols, rows] of [[200, 60], [120, 40], [80, 24]] as const) {
  test(`${cols}x${rows}: a zoomed graph is a line chart with a value axis, a time axis ending now, and its figures above`, async () => {
    const { panel } = await show(cols, rows, zoomedModel(cols, rows, rising(300)));
    const text = panel();
    assert.match(text[0]?.trimEnd() ?? '', /^CPU %, 0-100, last \d+ s$/, 'the label gives the span the line covers');
    assert.equal(text[1]?.trimEnd(), 'now 73.2 %', 'the figures come right under the label');
    const chart = text.slice(3);
    assert.ok(chart.some((row) => BRAILLE.test(row)), 'the line is drawn in braille dots');
    for (const label of ['0', '25', '50', '75', '100']) assert.ok(chart.some((row) => row.trimStart().startsWith(`${label} `) || row.trimStart().startsWith(`${label}⡇`)), `value label ${label}`);
    const timeAxis = chart.find((row) => /\bnow\b/.test(row)) ?? chart.find((row) => /-\d+:\d\d/.test(row));
    assert.ok(timeAxis && /-\d+:\d\d/.test(timeAxis), 'times before now label the bottom axis');
    // A line rising from 0 to 100: its top-right dot is higher than its bottom-left one.
    const rowsWithDots = chart.map((row, y) => ({ y, first: [...row].findIndex((ch) => /[\u2801-\u28ff]/.test(ch) && ch !== '⡇') })).filter((r) => r.first >= 0);
    assert.ok(rowsWithDots.length > 3, 'the line spans several rows');
  });
}

test('a line chart goes when the zoom ends, and the sparkline is back in its place', async () => {
  const { vt, ui, panel } = await show(120, 40, zoomedModel(120, 40, rising(100)));
  assert.ok(panel().some((row) => BRAILLE.test(row)));
  const normal = buildModel(120, 40);
  ui.render({ ...normal, cpu: { ...normal.cpu, values: [0, 100, 50] } });
  await vt.waitForWrites();
  const cpu = inside(vt, normal.layout.cpu);
  assert.ok(!cpu.some((row) => BRAILLE.test(row)), 'no dots left behind');
  assert.equal(cpu[1]?.trim(), '█');
});

test('the console theme (no braille in its font) and a history of one point keep the taller sparkline', async () => {
  const consoleView = await show(120, 40, zoomedModel(120, 40, rising(100)), 'console');
  assert.ok(!consoleView.panel().some((row) => BRAILLE.test(row)));
  assert.ok(consoleView.panel().some((row) => row.includes('█')));
  const short = await show(120, 40, zoomedModel(120, 40, [null, null, 40]));
  assert.ok(!short.panel().some((row) => BRAILLE.test(row)));
});

test('a resized zoomed chart is drawn again at the new size', async () => {
  const { vt, ui } = await show(120, 40, zoomedModel(120, 40, rising(300)));
  vt.resize(80, 24);
  ui.render(zoomedModel(80, 24, rising(300)));
  await vt.waitForWrites();
  const rows = vt.screenText();
  assert.equal(rows.length, 24);
  assert.ok(rows.slice(4, 22).some((row) => BRAILLE.test(row)));
  for (const row of rows.slice(0, 23)) assert.ok(!BRAILLE.test(row.slice(79)), 'nothing drawn past the new width');
  // The right border is intact on every panel row: the old, wider chart left nothing behind.
  assert.ok(rows.slice(1, 22).every((row) => row[79] === '│'), rows.join('\n'));
});
