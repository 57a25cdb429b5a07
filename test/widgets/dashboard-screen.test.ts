import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { DashboardUi } from '../../src/app/run-dashboard.js';
import { initialUiState, type UiState } from '../../src/app/ui-state.js';
import { computeLayout } from '../../src/views/layout.js';
import { createBlessedUi } from '../../widgets/blessed-ui.js';
import { SHIPPED_THEMES } from '../../widgets/theme-catalog.js';
import { loadTheme, type Theme } from '../../widgets/theme.js';
import { assertFramed, inside } from '../helpers/screen-asserts.js';
import { busySnapshot, stateModel, UI_STATES } from '../helpers/screen-states.js';
import { buildStats } from '../helpers/snapshot-builder.js';
import { VirtualTerminal } from '../helpers/virtual-terminal.js';

const UTF8 = { LANG: 'en_US.UTF-8' };
let open: { vt: VirtualTerminal; ui: DashboardUi }[] = [];

afterEach(() => {
  for (const { vt, ui } of open) {
    ui.destroy();
    vt.dispose();
  }
  open = [];
});

function start(cols: number, rows: number, options: { theme?: string; term?: string; nextTheme?: (t: Theme) => Theme } = {}) {
  const vt = new VirtualTerminal(cols, rows);
  const theme = loadTheme(options.theme ?? 'default');
  const ui = createBlessedUi({ input: vt.input, output: vt.output, term: options.term ?? 'xterm-256color', theme, env: UTF8, nextTheme: options.nextTheme });
  open.push({ vt, ui });
  return { vt, ui };
}

for (const theme of SHIPPED_THEMES) {
  test(`${theme}: the real views framed at 200x60, 120x40, 80x24 and 60x18; one panel at a time at 40x12; the too-small notice at 20x5`, async () => {
    const { vt, ui } = start(200, 60, { theme });
    for (const [cols, rows] of [[200, 60], [120, 40], [80, 24], [60, 18]] as const) {
      vt.resize(cols, rows);
      ui.render(stateModel(initialUiState, cols, rows));
      await vt.waitForWrites();
      assertFramed(vt, computeLayout(cols, rows).layout, `${theme} ${cols}x${rows}`);
      assert.match(vt.screenText()[rows - 1] ?? '', /zoomtop 1\.5 % 60 MiB/, `status with zoomtop's own cost at ${cols}x${rows}`);
      assert.ok(vt.find('encoder.encode'), `operations at ${cols}x${rows}`);
    }
    vt.resize(40, 12);
    ui.render(stateModel(initialUiState, 40, 12));
    await vt.waitForWrites();
    assertFramed(vt, computeLayout(40, 12, null, 'operations').layout, `${theme} 40x12, Operations alone`);
    assert.match(vt.screenText()[1] ?? '', /operation \(ms\) +p95/, 'p95 kept beside cut names');
    assert.ok(vt.find('encoder.encode'), 'operations at 40x12');
    assert.equal(vt.find(' CPU '), null, 'the other panels wait for Tab');
    assert.equal(vt.screenText()[11]?.trimEnd(), ' zoomtop 1.5 % 60 MiB | Tab next  q quit');
    ui.render(stateModel({ ...initialUiState, focus: 'cpu' }, 40, 12));
    await vt.waitForWrites();
    assertFramed(vt, computeLayout(40, 12, null, 'cpu').layout, `${theme} 40x12, CPU alone`);
    assert.match(vt.screenText().join('\n'), /now \d/, 'the CPU figure at 40x12');
    assert.equal(vt.find('encoder.encode'), null);
    vt.resize(20, 5);
    ui.render(stateModel(initialUiState, 20, 5));
    await vt.waitForWrites();
    assert.deepEqual(vt.screenText().map((l) => l.trim()).filter((l) => l !== ''), ['terminal too small:', '20x5, need 24x6']);
  });
}

test('the focused panel is marked: its title in the selected tone (colour or inverse) and its border in the title colour', async () => {
  const { vt, ui } = start(120, 40);
  ui.render(stateModel({ ...initialUiState, focus: 'alerts' }, 120, 40));
  await vt.waitForWrites();
  const alerts = vt.find(' Alerts ');
  const operations = vt.find(' Operations (');
  assert.ok(alerts && operations);
  assert.deepEqual(vt.cellAt(alerts.x + 1, alerts.y), { char: 'A', fg: 231, bg: 25, bold: true, inverse: false });
  assert.equal(vt.cellAt(operations.x + 1, operations.y).bg, null, 'the others are not marked');
  assert.deepEqual([vt.cellAt(alerts.x - 2, alerts.y).char, vt.cellAt(alerts.x - 2, alerts.y).fg], ['┌', 81], 'focused border in the title colour');
  assert.deepEqual([vt.cellAt(operations.x - 2, operations.y).char, vt.cellAt(operations.x - 2, operations.y).fg], ['┌', 240], 'other borders in the border colour');

  const mono = start(120, 40, { theme: 'mono' });
  mono.ui.render(stateModel({ ...initialUiState, focus: 'alerts' }, 120, 40));
  await mono.vt.waitForWrites();
  const at = mono.vt.find(' Alerts ')!;
  assert.equal(mono.vt.cellAt(at.x + 1, at.y).inverse, true, 'without colour the mark is inverse');
});

test('the selected Operations row is highlighted across the whole width while the panel has the focus', async () => {
  const { vt, ui } = start(120, 40);
  ui.render(stateModel({ ...initialUiState, selectedOperation: 'camera_manager.capture_frame' }, 120, 40));
  await vt.waitForWrites();
  const row = vt.find('camera_manager.capture_frame')!;
  assert.equal(vt.cellAt(row.x, row.y).bg, 25);
  assert.equal(vt.cellAt(117, row.y).bg, 25, 'padded to the border');
  assert.equal(vt.cellAt(vt.find('encoder.encode')!.x, vt.find('encoder.encode')!.y).bg, null);
});

test('z: the focused chart fills the screen above the status line as a line chart, other panels hidden; back again', async () => {
  const { vt, ui } = start(80, 24);
  ui.render(stateModel(UI_STATES['cpu zoomed']!, 80, 24));
  await vt.waitForWrites();
  const lines = vt.screenText();
  assert.equal(lines[0]?.slice(0, 6), '┌─ CPU');
  assert.equal(lines[22], `└${'─'.repeat(78)}┘`);
  assert.equal(vt.find('Operations'), null);
  assert.equal(vt.find('Memory'), null);
  const cpu = inside(vt, { left: 0, top: 0, width: 80, height: 23 });
  // Label, the figures, then the chart: its braille line and axis over the rows left, value labels at the left.
  assert.match(cpu[1] ?? '', /^now \d/);
  assert.ok(cpu.filter((l) => /[\u2801-\u28ff]/.test(l)).length >= 12, 'the chart takes the rows left by the label and the figures');
  assert.ok(cpu.some((l) => /^ +100 ?⡇/.test(l)) && cpu.some((l) => /^ +0 +⡇/.test(l)), 'the value axis is labelled 0 to 100');
  ui.render(stateModel(initialUiState, 80, 24));
  await vt.waitForWrites();
  assertFramed(vt, computeLayout(80, 24).layout);
});

test('the help lists every key at 80x24, and scrolls at 60x18 where it cannot fit', async () => {
  const { vt, ui } = start(80, 24);
  ui.render(stateModel(UI_STATES['help']!, 80, 24));
  await vt.waitForWrites();
  for (const key of ['q ', 'Ctrl-C', 'Tab, S-Tab', 'Enter', 's ', '/ ', 'z ', 'p ', '+ / -', 'e ', 'c ', 't ', 'a ', 'y / n, Esc', 'u ', 'h ', 'i ', 'A ']) {
    assert.ok(vt.screenText().some((l) => l.includes(`│ ${key}`)), `help lists ${key}`);
  }
  vt.resize(60, 18);
  ui.render(stateModel({ ...initialUiState, dialog: { kind: 'help', offset: 2 } }, 60, 18));
  await vt.waitForWrites();
  // At 60 columns long descriptions wrap under themselves: 31 rows, scrolled by rows.
  assert.ok(vt.find('j/k: 3-15 of 31; other keys close'), vt.screenText().join('\n'));
  assert.ok(vt.find('│ Ctrl-C        quit too') && vt.find('│ Tab, S-Tab') && !vt.find('quit (stops'));
});

test('the apply question keeps its answer keys on a small terminal and scrolls to the diff', async () => {
  const { vt, ui } = start(120, 40);
  ui.render(stateModel(UI_STATES['confirm']!, 120, 40));
  await vt.waitForWrites();
  const big = vt.screenText();
  const at = big.findIndex((l) => l.includes('│ +    resolution: "1280x720"'));
  assert.ok(at > 0, big.join('\n'));
  assert.match(big[at + 1] ?? '', /│ {30,}│/, 'a blank row before the keys');
  assert.match(big[at + 2] ?? '', /│ y apply \(a backup is kept\) {3}n\/Esc cancel +│/);
  assert.equal(vt.find('more lines'), null, 'nothing cut at 120x40');
  vt.resize(40, 12);
  ui.render(stateModel(UI_STATES['confirm']!, 40, 12));
  await vt.waitForWrites();
  const lines = vt.screenText();
  assert.match(lines[8] ?? '', /│ y apply \(a backup is kept\) +│/, lines.join('\n'));
  assert.match(lines[9] ?? '', /│ n\/Esc cancel +│/, 'the footer wraps inside the dialog');
  assert.match(lines[7] ?? '', /│ j\/k: 1-5 of 11 +│/, 'a row says the rest scrolls');
  const confirm = UI_STATES['confirm']!.dialog as Extract<NonNullable<UiState['dialog']>, { kind: 'confirm' }>;
  ui.render(stateModel({ ...UI_STATES['confirm']!, dialog: { ...confirm, offset: 6 } }, 40, 12));
  await vt.waitForWrites();
  const scrolled = vt.screenText();
  assert.match(scrolled[2] ?? '', /│ --- a +│/, scrolled.join('\n'));
  assert.match(scrolled[5] ?? '', /│ -    resolution: "1920x1080" +│/, 'scrolled to the diff');
  assert.match(scrolled[7] ?? '', /│ j\/k: 7-11 of 11 +│/);
  assert.match(scrolled[8] ?? '', /│ y apply \(a backup is kept\) +│/, 'the answers stay while it scrolls');
  assert.match(lines.join('\n'), /│ file {2}\/etc\/zoomcam\/config\.yaml/, 'the first lines are kept');
  vt.resize(30, 8);
  ui.render(stateModel(UI_STATES['confirm']!, 30, 8));
  await vt.waitForWrites();
  const tiny = vt.screenText().map((l) => l.slice(0, 30).trimEnd());
  assert.deepEqual(tiny.slice(1, 7), [
    '│┌─ Apply lower-resolutio… ─┐│',
    '││ front_door 1920x1080 ->  ││',
    '││ 1280x720                 ││',
    '││ y apply (a backup is ke… ││',
    '││ n/Esc cancel             ││',
    '└└──────────────────────────┘┘',
  ], 'at 30x8 the change and both answers, nothing else');
});

test('the operation detail: distribution bars, error count, per-camera split', async () => {
  const { vt, ui } = start(120, 40);
  ui.render(stateModel(UI_STATES['detail']!, 120, 40));
  await vt.waitForWrites();
  const text = vt.screenText().join('\n');
  assert.match(text, /Operation encoder\.encode/);
  assert.match(text, /p95 +140 #{30}/);
  assert.match(text, /errors +4 of 1200 calls since start \(0\.3 %\)/);
  assert.match(text, /driveway +1800 +30 +10\.5 +90\.0 +30\.0 +4/);
});

test('t switches the theme live, keeps what is shown, and a bad theme leaves the current one working', async () => {
  let bad = false;
  const { vt, ui } = start(120, 40, {
    nextTheme: () => {
      if (bad) throw new Error('/home/pi/.config/zoomtop/themes/x.yaml: colors.ok.fg: "greeen"; use default, a name ...');
      return loadTheme('light');
    },
  });
  ui.render(stateModel(initialUiState, 120, 40));
  await vt.waitForWrites();
  const warn = () => vt.cellAt(vt.find('WARN')!.x, vt.find('WARN')!.y).fg;
  assert.equal(warn(), 208);
  assert.equal(ui.nextTheme!(), 'light');
  ui.render(stateModel(initialUiState, 120, 40));
  await vt.waitForWrites();
  assert.equal(warn(), 166);
  assertFramed(vt, computeLayout(120, 40).layout);
  bad = true;
  assert.throws(() => ui.nextTheme!(), /greeen/);
  ui.render(stateModel(initialUiState, 120, 40));
  await vt.waitForWrites();
  assert.equal(warn(), 166);
  assert.equal(ui.themeName!(), 'light');
});

test('a resize storm down to 1x1 and back: no crash, no listener leak, and the charts redraw at the final size', async () => {
  const { vt, ui } = start(120, 40);
  let renders = 0;
  ui.onResize(({ cols, rows }) => {
    renders++;
    ui.render(stateModel(initialUiState, cols, rows));
  });
  ui.render(stateModel(initialUiState, 120, 40));
  await vt.waitForWrites();
  const listeners = () => [vt.output.listenerCount('resize'), vt.input.listenerCount('data'), process.listenerCount('exit'), process.listenerCount('SIGWINCH')];
  const before = listeners();
  for (let i = 0; i < 240; i++) {
    // Shrinking to 1x1 and growing back, through every band: too small, small, standard, wide.
    const f = Math.abs(Math.sin(i / 9));
    vt.resize(Math.max(1, Math.round(f * 210)), Math.max(1, Math.round(f * 62)));
    if (i % 40 === 0) await vt.waitForWrites();
  }
  vt.resize(1, 1);
  vt.resize(80, 24);
  await vt.waitForWrites();
  assert.equal(renders, 242);
  assert.deepEqual(listeners(), before);
  assertFramed(vt, computeLayout(80, 24).layout);
  const cpu = inside(vt, computeLayout(80, 24).layout.cpu);
  assert.equal(cpu[0]?.trimEnd(), 'CPU %, 0-100, last 2 min', 'the label describes the new width (24 columns of 5 s)');
  assert.equal([...(cpu[2] ?? '')].length, 24, 'graph rows are as wide as the panel');
});

// Emoji widths are checked in the view tests (test/views/operations-model.test.ts): the emulator here
// uses Unicode 6 widths, where most emoji are one cell, unlike current terminals.
test('long names, wide CJK included, never push a column out of line', async () => {
  const snapshot = busySnapshot({
    operations: [buildStats('摄像头管理器', '捕获帧图像数据'), buildStats('ｃａｍｅｒａ', 'ＥＮＣＯＤＥ'.repeat(8)), buildStats('a'.repeat(200), 'b', { errors: 5 })],
  });
  for (const [cols, rows] of [[120, 40], [80, 24]] as const) {
    const { vt, ui } = start(cols, rows);
    ui.render(stateModel({ ...initialUiState, focus: 'cpu' }, cols, rows, snapshot));
    await vt.waitForWrites();
    const ops = computeLayout(cols, rows).layout.operations;
    assertFramed(vt, computeLayout(cols, rows).layout);
    // The last column of every row ends right at the border: each name was cut to its cells.
    const lastColumn = [2, 3, 4].map((dy) => vt.cellAt(ops.left + ops.width - 2, ops.top + dy).char);
    assert.deepEqual(lastColumn.sort(), ['0', '0', '5'], `errors column at ${cols}x${rows}`);
  }
});

test('TERM=linux has no alternate screen: leaving clears the console and shows the cursor', async () => {
  const { vt, ui } = start(80, 24, { theme: 'console', term: 'linux' });
  ui.render(stateModel(initialUiState, 80, 24));
  await vt.waitForWrites();
  assert.ok(vt.find('Operations'));
  ui.destroy();
  await vt.waitForWrites();
  assert.deepEqual(vt.screenText().filter((l) => l.trim() !== ''), []);
  assert.ok(vt.output.written.lastIndexOf('\x1b[?25h') > vt.output.written.lastIndexOf('\x1b[?25l'));
  assert.equal(vt.input.isRaw, false);
});
