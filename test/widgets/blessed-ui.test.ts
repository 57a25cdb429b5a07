import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { UiPort } from '../../src/app/ui-port.js';
import type { DashboardModel } from '../../src/views/model.js';
import { createBlessedUi } from '../../widgets/blessed-ui.js';
import { loadTheme } from '../../widgets/theme.js';
import { buildModel, list } from '../helpers/model-builder.js';
import { assertFramed, inside } from '../helpers/screen-asserts.js';
import { VirtualTerminal } from '../helpers/virtual-terminal.js';

const UTF8 = { LANG: 'en_US.UTF-8' };

let open: { vt: VirtualTerminal; ui: UiPort }[] = [];

afterEach(() => {
  for (const { vt, ui } of open) {
    ui.destroy();
    vt.dispose();
  }
  open = [];
});

function start(cols: number, rows: number, themeName = 'default', term = 'xterm-256color') {
  const vt = new VirtualTerminal(cols, rows);
  const ui = createBlessedUi({ input: vt.input, output: vt.output, term, theme: loadTheme(themeName), env: UTF8 });
  open.push({ vt, ui });
  return { vt, ui };
}

async function draw(cols: number, rows: number, themeName?: string) {
  const { vt, ui } = start(cols, rows, themeName);
  ui.render(buildModel(cols, rows));
  await vt.waitForWrites();
  return { vt, ui };
}

/** Every panel framed where the model builder's layout puts it. */
function assertFramedAt(vt: VirtualTerminal, cols: number, rows: number): void {
  assertFramed(vt, buildModel(cols, rows).layout, `${cols}x${rows}`);
}

for (const [cols, rows] of [[120, 40], [80, 24], [200, 60]] as const) {
  test(`${cols}x${rows}: all six panels framed where the layout puts them, status on the last row`, async () => {
    const { vt } = await draw(cols, rows);
    assertFramedAt(vt, cols, rows);
    assert.match(vt.screenText()[rows - 1] ?? '', /^zoomtop q quit {2}\? help {2}a apply\s*$/);
  });
}

test('the CPU panel shows its label, a sparkline as tall as the room (newest at the right), and its value', async () => {
  const { vt, ui } = start(120, 40);
  const model = buildModel(120, 40);
  ui.render({ ...model, cpu: { ...model.cpu, values: [0, 100, 50] } });
  await vt.waitForWrites();
  const cpu = inside(vt, model.layout.cpu);
  assert.equal(cpu[0]?.trimEnd(), 'CPU %, 0-100');
  // Four rows, each a quarter of the range: 100 fills all four, 50 the lower two, 0 shows the baseline.
  assert.deepEqual(cpu.slice(1, 5).map((row) => row.slice(-4)), ['  █ ', '  █ ', '  ██', ' ▁██']);
  assert.equal(cpu[1]?.trim(), '█');
  assert.equal(cpu[5]?.trimEnd(), 'now 73.2 %');
  assert.equal(cpu[6]?.trimEnd(), 'app 12.0 % of one core');
});

test('the selected suggestion carries the marker; the others a blank gutter', async () => {
  const { vt } = await draw(120, 40);
  const rows = inside(vt, buildModel(120, 40).layout.suggestions);
  assert.equal(rows[0]?.trimEnd(), '  Lower camera resolution to 1280x720 [r]');
  assert.equal(rows[1]?.trimEnd(), '> Lower target fps to 25 [f]');
  const at = vt.find('> Lower target fps');
  assert.ok(at);
  assert.deepEqual(vt.cellAt(at.x + 2, at.y), { char: 'L', fg: 231, bg: 25, bold: true, inverse: false });
});

test('a critical tone is red in the default theme', async () => {
  const { vt } = await draw(120, 40);
  const at = vt.find('CPU above 85 %');
  assert.ok(at);
  const cell = vt.cellAt(at.x, at.y);
  assert.equal(cell.fg, 196);
  assert.equal(cell.bold, true);
});

test('the mono theme draws a critical tone with no colour, bold and inverse instead', async () => {
  const { vt } = await draw(120, 40, 'mono');
  const at = vt.find('CPU above 85 %');
  assert.ok(at);
  assert.deepEqual(vt.cellAt(at.x, at.y), { char: 'C', fg: null, bg: null, bold: true, inverse: true });
  assert.equal(vt.cellAt(0, 0).fg, null, 'borders have no colour either');
});

test('tmux-256color keeps 256 colours (blessed alone falls back to 8 and prints terminfo errors)', async () => {
  const original = console.error;
  let printed = 0;
  console.error = () => void printed++;
  try {
    const { vt, ui } = start(120, 40, 'default', 'tmux-256color');
    ui.render(buildModel(120, 40));
    await vt.waitForWrites();
    const at = vt.find('CPU above 85 %');
    assert.ok(at);
    assert.equal(vt.cellAt(at.x, at.y).fg, 196);
  } finally {
    console.error = original;
  }
  assert.equal(printed, 0);
});

test('the console theme on TERM=linux draws only glyphs the console font has', async () => {
  const { vt, ui } = start(80, 24, 'console', 'linux');
  ui.render(buildModel(80, 24));
  await vt.waitForWrites();
  const cpu = inside(vt, buildModel(80, 24).layout.cpu);
  assert.match(cpu[1] ?? '', /^[_.\-=≡█ ]{24}$/);
  assert.match(cpu[1] ?? '', /█/);
});

test('a dialog is drawn centred over the panels', async () => {
  const { vt, ui } = start(120, 40);
  const dialog = {
    title: 'Apply?',
    lines: [[{ text: 'Lower camera resolution to 1280x720', tone: 'normal' as const }], [{ text: 'y apply   n cancel', tone: 'muted' as const }]],
    tone: 'warning' as const,
  };
  ui.render(buildModel(120, 40, { dialog }));
  await vt.waitForWrites();
  const lines = vt.screenText();
  // 35 cells of text + 2 padding + 2 border = 39 wide, 4 high, centred on 120x40.
  assert.equal(lines[18]?.slice(40, 79), `┌─ Apply? ${'─'.repeat(28)}┐`);
  assert.equal(lines[19]?.slice(40, 79), '│ Lower camera resolution to 1280x720 │');
  assert.equal(lines[20]?.slice(40, 79), `│ y apply   n cancel${' '.repeat(18)}│`);
  assert.equal(lines[21]?.slice(40, 79), `└${'─'.repeat(37)}┘`);
  assert.equal(vt.cellAt(40, 18).fg, 208, 'the border takes the dialog tone');

  ui.render(buildModel(120, 40));
  await vt.waitForWrites();
  assert.equal(vt.find('Apply?'), null);
  assertFramedAt(vt, 120, 40);
});

test('too small: only the message, centred', async () => {
  const { vt } = await draw(22, 5);
  const lines = vt.screenText();
  assert.equal(lines[1], ' terminal too small:  ');
  assert.equal(lines[2], `${' '.repeat(3)}22x5, need 24x6${' '.repeat(4)}`);
  assert.equal(lines.filter((l) => l.trim() !== '').length, 2);
});

test('a resize from 120x40 to 80x24 is reported, and the next render redraws without overlap', async () => {
  const { vt, ui } = await draw(120, 40);
  const sizes: unknown[] = [];
  ui.onResize((size) => sizes.push(size));
  vt.resize(80, 24);
  assert.deepEqual(sizes, [{ cols: 80, rows: 24 }]);
  assert.deepEqual(ui.size(), { cols: 80, rows: 24 });
  ui.render(buildModel(80, 24));
  await vt.waitForWrites();
  assertFramedAt(vt, 80, 24);
  assert.equal(inside(vt, buildModel(80, 24).layout.cpu)[2]?.trimEnd(), 'now 73.2 %');
});

test('back from too small to a full dashboard', async () => {
  const { vt, ui } = await draw(22, 5);
  vt.resize(80, 24);
  ui.render(buildModel(80, 24));
  await vt.waitForWrites();
  assertFramedAt(vt, 80, 24);
  assert.equal(vt.find('too small'), null);
});

test('wide characters are cut by display width: no line wraps into the border', async () => {
  const { vt, ui } = start(80, 24);
  const alerts = list('Alerts', [[{ text: '摄像头一的帧率下降了，请检查网络连接和编码器设置。摄像头二正常。', tone: 'warning' }]]);
  ui.render(buildModel(80, 24, { alerts }));
  await vt.waitForWrites();
  assertFramedAt(vt, 80, 24);
});

test('keys arrive as KeyNames: q, arrows, Enter once, Ctrl-C, Shift-Tab, Escape, PageDown', async () => {
  const { vt, ui } = await draw(80, 24);
  const keys: string[] = [];
  ui.onKey((key) => keys.push(key));
  for (const bytes of ['q', '\x1b[A', 'A', '\r', '\x03', '\t', '\x1b[Z', '\x1b', '\x1b[6~', '?']) {
    vt.send(bytes);
    await vt.waitForWrites();
  }
  assert.deepEqual(keys, ['q', 'up', 'A', 'enter', 'C-c', 'tab', 'S-tab', 'escape', 'pagedown', '?']);
});

test('destroy restores the terminal, installs no exit-calling handlers, and is safe twice', async () => {
  const before = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'uncaughtException'].map((e) => process.listenerCount(e));
  const { vt, ui } = await draw(80, 24);
  assert.deepEqual(['SIGTERM', 'SIGINT', 'SIGQUIT', 'uncaughtException'].map((e) => process.listenerCount(e)), before);
  assert.equal(vt.bufferType(), 'alternate');
  assert.equal(vt.input.isRaw, true);
  ui.destroy();
  await vt.waitForWrites();
  assert.equal(vt.bufferType(), 'normal');
  assert.equal(vt.input.isRaw, false);
  const out = vt.output.written;
  assert.ok(out.lastIndexOf('\x1b[?25h') > out.lastIndexOf('\x1b[?25l'), 'cursor shown last');
  assert.ok(out.lastIndexOf('\x1b[?1l') > out.lastIndexOf('\x1b[?1h'), 'keypad back to normal');
  const length = out.length;
  ui.destroy();
  ui.render(buildModel(80, 24));
  await vt.waitForWrites();
  assert.equal(vt.output.written.length, length);
});

test('a long message in a dialog wraps at the screen edge and is read whole', async () => {
  const { vt, ui } = start(80, 24);
  const path = '/home/operator/.local/share/zoomtop/zoomcam.yaml';
  const dialog = {
    title: 'Not applied',
    tone: 'critical' as const,
    lines: [[{ text: `${path}: changed on disk since the preview; press a to preview the file as it is now`, tone: 'normal' as const }]],
  };
  ui.render(buildModel(80, 24, { dialog }));
  await vt.waitForWrites();
  const text = vt.screenText().join('\n');
  assert.ok(text.includes(path), text);
  assert.ok(text.includes('press a to preview the file as it is now'), text);
  const dialogRows = vt.screenText().filter((l) => l.includes('zoomcam.yaml') || l.includes('press a'));
  assert.ok(dialogRows.every((l) => !l.includes('…')), `nothing is cut:\n${dialogRows.join('\n')}`);
});

const lines = (...texts: string[]) => texts.map((text) => [{ text, tone: 'normal' as const }]);

/** What a person sees of every cell: its character and background, and the foreground of a visible glyph. */
function cells(vt: VirtualTerminal): string {
  const out: string[] = [];
  for (let y = 0; y < vt.rows; y++) {
    for (let x = 0; x < vt.cols; x++) {
      const c = vt.cellAt(x, y);
      const glyph = c.char.trim() !== '';
      out.push(`${c.char || ' '}/${c.bg}/${c.inverse ? 1 : 0}${glyph ? `/${c.fg}/${c.bold ? 1 : 0}` : ''}`);
    }
    out.push('\n');
  }
  return out.join('');
}

test('frames that redraw only the changed panels end with exactly the screen a full redraw gives', async () => {
  const base = buildModel(120, 40);
  const steps: DashboardModel[] = [
    base,
    // Only contents change: the partial path.
    { ...base, cpu: { ...base.cpu, values: [10, 90, 40], lines: [[{ text: 'now 99.9 %', tone: 'critical' as const }]] } },
    { ...base, status: [{ text: ' up 2m | zoomtop 1.0 %', tone: 'muted' as const }], alerts: { ...base.alerts, lines: lines('one alert', 'two alerts') } },
    // A dialog on top, then gone: the full path, and what it covered comes back.
    { ...base, dialog: { title: 'Help', tone: 'title' as const, lines: lines('q quit') } },
    { ...base, suggestions: { ...base.suggestions, lines: lines('shorter') } },
    // Shorter content in a panel: its old cells are cleared.
    { ...base, operations: { ...base.operations, rows: base.operations.rows.slice(0, 1) } },
  ];
  const { vt, ui } = start(120, 40);
  for (const step of steps) {
    ui.render(step);
    await vt.waitForWrites();
    const fresh = start(120, 40);
    fresh.ui.render(step);
    await fresh.vt.waitForWrites();
    const [got, want] = [cells(vt).split('\n'), cells(fresh.vt).split('\n')];
    const row = got.findIndex((line, y) => line !== want[y]);
    assert.equal(row, -1, `step ${steps.indexOf(step)}, row ${row}: ${vt.screenText()[row]} | want ${fresh.vt.screenText()[row]}`);
  }
});

test('a frame with nothing changed writes nothing to the terminal', async () => {
  const { vt, ui } = start(120, 40);
  const model = buildModel(120, 40);
  ui.render(model);
  await vt.waitForWrites();
  let written = 0;
  const write = vt.output.write.bind(vt.output);
  vt.output.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    written += chunk.length;
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof vt.output.write;
  ui.render({ ...model });
  await vt.waitForWrites();
  assert.equal(written, 0);
});
