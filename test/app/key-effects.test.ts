import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionController } from '../../src/app/action-controller.js';
import { createKeyEffects, type Frame } from '../../src/app/key-effects.js';
import { initialUiState, type UiState } from '../../src/app/ui-state.js';
import { AlertLog } from '../../src/rules/alert-log.js';
import { CONTEXT, busyRules, busySnapshot } from '../helpers/screen-states.js';

function setup(over: { nextTheme?: () => string; dataDir?: string; actions?: Partial<ActionController>; state?: UiState } = {}) {
  const calls: string[] = [];
  let state: UiState = over.state ?? initialUiState;
  let frame: Frame = { snapshot: busySnapshot(), outcome: busyRules(), cameraStats: [] };
  const log = new AlertLog();
  log.add({ ruleId: 'cpu-high', level: 'warning', message: 'CPU high', value: 99, atMs: 0 });
  const context = { ...CONTEXT };
  const effects = createKeyEffects({
    guard: { exit: async (code, _message, reason) => void calls.push(`exit ${code} ${reason}`) },
    actions: (over.actions ?? {}) as ActionController,
    log: { error: () => {}, warn: () => {}, debug: () => {}, info: (m) => calls.push(`log ${m}`) },
    dataDir: over.dataDir ?? mkdtempSync(join(tmpdir(), 'zoomtop-effects-')),
    ui: { nextTheme: over.nextTheme },
    rules: { log, current: () => ({ alerts: log.list(), suggestions: [], raised: [] }), clearLog: () => log.clear() },
    sampler: { setInterval: (source, ms) => void calls.push(`interval ${source} ${ms}`) },
    context,
    getState: () => state,
    setState: (next) => void (state = next),
    getFrame: () => frame,
    setFrame: (next) => void (frame = next),
    notify: (text) => void calls.push(`notify ${text}`),
  });
  return { effects, calls, context, state: () => state, frame: () => frame };
}

test('q exits 0 and Ctrl-C 130, each with its reason for the log', () => {
  const { effects, calls } = setup();
  effects.run('quit', []);
  effects.run('interrupt', []);
  assert.deepEqual(calls, ['exit 0 q pressed', 'exit 130 Ctrl-C pressed']);
});

test('+ and - change the interval of the sources that follow it, and the status line; nothing past the ends', () => {
  const { effects, calls, context } = setup();
  effects.run('interval-longer', []);
  assert.deepEqual(calls, ['interval system 2000', 'interval process 2000', 'interval disk 2000', 'interval network 2000', 'log interval now 2 s']);
  assert.equal(context.intervalMs, 2000);
  context.intervalMs = 250;
  calls.length = 0;
  effects.run('interval-shorter', []);
  assert.deepEqual(calls, []);
});

test('e exports what is shown and names the file; a failed export says why', () => {
  const { effects, state } = setup();
  effects.run('export', []);
  const dialog = state().dialog;
  assert.equal(dialog?.kind === 'message' && dialog.title, 'Snapshot exported');
  assert.match(dialog?.kind === 'message' ? dialog.lines[0]! : '', /zoomtop-snapshot-\d{8}-\d{6}\.json$/);
  const blocked = join(mkdtempSync(join(tmpdir(), 'zoomtop-effects-')), 'file');
  writeFileSync(blocked, 'not a folder');
  const failing = setup({ dataDir: blocked });
  failing.effects.run('export', []);
  const failed = failing.state().dialog;
  assert.equal(failed?.kind === 'message' && failed.title, 'Export failed');
});

test('c empties the alert log, on a paused screen too', () => {
  const { effects, frame } = setup();
  assert.ok(frame().outcome.alerts.length > 0);
  effects.run('clear-alerts', []);
  assert.deepEqual(frame().outcome.alerts, []);
});

test('t moves to the next theme; a theme that fails to load is a dialog, not a crash', () => {
  const ok = setup({ nextTheme: () => 'light' });
  ok.effects.run('next-theme', []);
  assert.deepEqual([ok.calls, ok.state().dialog], [['log theme light', 'notify theme light'], null]);
  const bad = setup({ nextTheme: () => { throw new Error('/cfg/x.yaml: colors.ok.fg: "greeen"; use default, ...\nmore'); } });
  bad.effects.run('next-theme', []);
  assert.deepEqual(bad.state().dialog, { kind: 'message', title: 'Theme not loaded', tone: 'critical', lines: ['/cfg/x.yaml: colors.ok.fg: "greeen"; use default, ...', '', 'any key closes this'] });
});

test('a preview or apply that throws becomes a dialog and a log line, not a crash', async () => {
  const { effects, state } = setup({ actions: { preview: async () => { throw new Error('EACCES: /etc/zoomcam/config.yaml'); } } });
  effects.run('plan-selected', []);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(state().dialog, { kind: 'message', title: 'Preview failed', tone: 'critical', lines: ['EACCES: /etc/zoomcam/config.yaml', '', 'any key closes this'] });
});

test('a previews the action of the selected row: the second row of the CPU suggestion is its second action', async () => {
  const asked: (string | undefined)[] = [];
  const { effects } = setup({
    state: { ...initialUiState, selectedSuggestion: 1 },
    actions: {
      preview: async (suggestion, actionId) => {
        asked.push(`${suggestion?.id} ${actionId}`);
        return { kind: 'message', title: 't', tone: 'ok', lines: [] };
      },
    },
  });
  const suggestion = busyRules().suggestions.find((s) => s.actionIds.length > 1);
  assert.ok(suggestion, 'the busy rules have a suggestion with two actions');
  effects.run('plan-selected', [suggestion]);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(asked, [`${suggestion.id} ${suggestion.actionIds[1]}`]);
});

test('i shows the sources view with what the dashboard knows of each source', () => {
  const { effects, state } = setup();
  effects.run('show-sources', []);
  const dialog = state().dialog;
  assert.equal(dialog?.kind === 'message' && dialog.title, 'Sources');
  assert.deepEqual(dialog?.kind === 'message' && dialog.lines[0], 'no sources known');
});
