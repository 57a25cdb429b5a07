import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, memoryAuditFs } from '../../src/actions/audit-log.js';
import { createActionController } from '../../src/app/action-controller.js';
import { DEFAULT_SUGGESTION_RULES } from '../../src/rules/default-rules.js';
import type { Suggestion } from '../../src/rules/types.js';
import { FakeClock } from '../helpers/fake-clock.js';

const CONFIG = `# cameras of the north site
cameras:
  front_door:
    resolution: "1920x1080"   # main entrance
    enabled: true
  driveway:
    resolution: 1280x720
    enabled: true
streaming:
  target_fps: 30
`;

const rule = DEFAULT_SUGGESTION_RULES.find((r) => r.id === 'cpu-saturated')!;
const cpuSuggestion: Suggestion = { ...rule, actionIds: [...rule.actionIds], value: 98.7, sinceMs: 0 };

function setup(costs = new Map<string, number>()) {
  const dir = mkdtempSync(join(tmpdir(), 'zoomtop-action-'));
  const file = join(dir, 'zoomcam.yaml');
  writeFileSync(file, CONFIG);
  const applied: string[] = [];
  const controller = createActionController({ appConfigFile: file, costByCamera: () => costs, now: () => 12_000, onApplied: (summary) => applied.push(summary) });
  return { dir, file, controller, applied };
}

test('a previews the change: file, key, old and new value, the diff and the evidence; y writes only that line', async () => {
  const { dir, file, controller, applied } = setup();
  const dialog = await controller.preview(cpuSuggestion);
  assert.equal(dialog.kind, 'confirm');
  if (dialog.kind !== 'confirm') return;
  assert.deepEqual(dialog.plan.patches.map((p) => [p.path.join('.'), p.from, p.to]), [['cameras.front_door.resolution', '1920x1080', '1280x720']]);
  assert.equal(dialog.evidence, 'machine CPU 98.7 % for 12s');
  assert.match(dialog.diff, /^-    resolution: "1920x1080"   # main entrance$/m);
  assert.match(dialog.diff, /^\+    resolution: "1280x720"   # main entrance$/m);
  assert.equal(readFileSync(file, 'utf8'), CONFIG, 'nothing is written by the preview');

  const result = await controller.apply(dialog);
  assert.equal(result.kind, 'message');
  assert.equal(readFileSync(file, 'utf8'), CONFIG.replace('"1920x1080"   # main entrance', '"1280x720"   # main entrance'));
  assert.deepEqual(applied, ['front_door 1920x1080 -> 1280x720']);
  const backups = readdirSync(dir).filter((f) => f.includes('.zoomtop-backup-'));
  assert.equal(backups.length, 1);
  assert.equal(readFileSync(join(dir, backups[0]!), 'utf8'), CONFIG);
});

test('the measured cost picks the camera: the busiest one is lowered first', async () => {
  const { controller } = setup(new Map([['driveway', 9000], ['front_door', 100]]));
  const dialog = await controller.preview(cpuSuggestion);
  assert.equal(dialog.kind === 'confirm' && dialog.plan.summary, 'driveway 1280x720 -> 640x480');
});

test('a file changed between preview and apply is refused, never overwritten', async () => {
  const { file, controller } = setup();
  const dialog = await controller.preview(cpuSuggestion);
  const edited = CONFIG.replace('target_fps: 30', 'target_fps: 25');
  writeFileSync(file, edited);
  const result = await controller.apply(dialog as Extract<typeof dialog, { kind: 'confirm' }>);
  assert.equal(result.kind, 'message');
  assert.equal(result.kind === 'message' && result.title, 'Not applied');
  assert.equal(readFileSync(file, 'utf8'), edited);
});

test('advice-only suggestions, no config and a broken config each say why in the dialog', async () => {
  const memory = DEFAULT_SUGGESTION_RULES.find((r) => r.id === 'memory-exhausted')!;
  const { controller, file } = setup();
  const advice = await controller.preview({ ...memory, actionIds: [], value: 97, sinceMs: 0 });
  assert.equal(advice.kind === 'message' && advice.title, 'Advice only');
  const none = createActionController({ appConfigFile: null, costByCamera: () => new Map(), now: () => 0 });
  const noFile = await none.preview(cpuSuggestion);
  assert.match(noFile.kind === 'message' ? noFile.lines[0]! : '', /--app-config FILE/);
  writeFileSync(file, 'cameras:\n  a:\n    resolution: 1920x1080\n  a:\n    resolution: 640x480\n');
  const broken = await controller.preview(cpuSuggestion);
  assert.equal(broken.kind === 'message' && broken.title, 'Cannot read the app config');
  assert.match(broken.kind === 'message' ? broken.lines[0]! : '', /zoomcam\.yaml:4:3: .*appears twice/);
});

test('u restores the file byte for byte from the apply\'s backup, and refuses once the file changed since', async () => {
  const { file, controller } = setup();
  const undone: string[] = [];
  const withUndo = createActionController({ appConfigFile: file, costByCamera: () => new Map(), now: () => 12_000, onUndone: (record) => undone.push(record.undoes) });
  const empty = await withUndo.undo();
  assert.equal(empty.kind === 'message' && empty.title, 'Nothing to undo');
  const dialog = await withUndo.preview(cpuSuggestion);
  await withUndo.apply(dialog as Extract<typeof dialog, { kind: 'confirm' }>);
  assert.notEqual(readFileSync(file, 'utf8'), CONFIG);
  const result = await withUndo.undo();
  assert.equal(result.kind === 'message' && result.title, 'Undone');
  assert.equal(readFileSync(file, 'utf8'), CONFIG);
  assert.equal(undone.length, 1);
  const again = await withUndo.undo();
  assert.equal(again.kind === 'message' && again.title, 'Nothing to undo');

  // Each controller keeps its own (in-memory) log: the first one's apply, then an edit by hand.
  const first = await controller.preview(cpuSuggestion);
  await controller.apply(first as Extract<typeof first, { kind: 'confirm' }>);
  writeFileSync(file, `${readFileSync(file, 'utf8')}# edited by hand\n`);
  const refused = await controller.undo();
  assert.equal(refused.kind === 'message' && refused.title, 'Not undone');
  assert.match(refused.kind === 'message' ? refused.lines[0]! : '', /zoomcam\.yaml: changed on disk since lower-resolution \(applied .*\), so undo would lose those edits; nothing written/);
  assert.match(readFileSync(file, 'utf8'), /# edited by hand\n$/);
});

test('read-only mode previews but writes nothing, and says so', async () => {
  const { file } = setup();
  const controller = createActionController({ appConfigFile: file, costByCamera: () => new Map(), now: () => 12_000, readOnly: true });
  const dialog = await controller.preview(cpuSuggestion);
  assert.equal(dialog.kind, 'confirm');
  const result = await controller.apply(dialog as Extract<typeof dialog, { kind: 'confirm' }>);
  assert.deepEqual(result, { kind: 'message', title: 'Read-only mode', tone: 'warning', lines: ['read-only mode (--read-only): nothing written', '', 'any key closes this'] });
  assert.equal(readFileSync(file, 'utf8'), CONFIG);
  const undo = await controller.undo();
  assert.equal(undo.kind === 'message' && undo.lines[0], 'read-only mode (--read-only): nothing written');
  assert.equal(readdirSync(join(file, '..')).length, 1, 'no backup either');
});

test('after y the effect on the suggestion\'s metric is measured over the settle period, recorded and shown in history', async () => {
  const { file } = setup();
  const clock = new FakeClock(100_000);
  const fs = memoryAuditFs();
  const effects: string[] = [];
  const controller = createActionController({
    appConfigFile: file,
    costByCamera: () => new Map(),
    now: () => clock.now(),
    audit: new AuditLog({ file: 'actions.ndjson', fs }),
    metricValues: (metric, fromMs, toMs) => (metric === 'cpuPercent' && fromMs === 60_000 && toMs === 100_000 ? [96, 97, 98] : []),
    onEffect: (apply, effect) => effects.push(`${apply.action}: ${effect.text}`),
  });
  const dialog = await controller.preview(cpuSuggestionSince(60_000), 'lower-fps');
  assert.equal(dialog.kind === 'confirm' && dialog.plan.summary, 'streaming.target_fps 30 -> 25');
  // Scrolled before y, as on a short terminal: each scroll is a new dialog object with the same plan.
  const applied = await controller.apply({ ...(dialog as Extract<typeof dialog, { kind: 'confirm' }>), offset: 3 });
  assert.ok(applied.kind === 'message' && applied.lines.includes('zoomtop measures the effect over the next 15 s.'), JSON.stringify(applied));
  for (let i = 1; i <= 15; i++) {
    clock.advance(1000);
    const finished = await controller.observe(clock.now(), { cpuPercent: i < 5 ? 97 : 71, memoryPercent: 40 });
    assert.equal(finished.length, i === 15 ? 1 : 0, `at ${i} s`);
  }
  assert.deepEqual(effects, ['lower-fps: cpu 97 % -> 71 % (-26 pts) over 15 s']);
  assert.deepEqual(controller.settling(), []);
  const history = await controller.history();
  assert.equal(history.entries.length, 1);
  const entry = history.entries[0]!;
  assert.equal(entry.kind === 'apply' && entry.effect?.text, 'cpu 97 % -> 71 % (-26 pts) over 15 s');
  assert.deepEqual(fs.text().trim().split('\n').map((line) => JSON.parse(line).type), ['apply', 'effect']);
});

test('on a machine kept saturated by other work, a resolution change that lifts the app\'s frame rate counts as helping', async () => {
  const { file } = setup();
  const clock = new FakeClock(100_000);
  const effects: { text: string; helped: boolean }[] = [];
  const controller = createActionController({
    appConfigFile: file,
    costByCamera: () => new Map(),
    now: () => clock.now(),
    metricValues: (metric) => (metric === 'cpuPercent' ? [99, 99, 99] : metric === 'appFps' ? [30, 31, 29] : []),
    onEffect: (_apply, effect) => effects.push({ text: effect.text, helped: effect.helped }),
  });
  const dialog = await controller.preview(cpuSuggestionSince(60_000), 'lower-resolution');
  await controller.apply(dialog as Extract<typeof dialog, { kind: 'confirm' }>);
  for (let i = 1; i <= 15; i++) {
    clock.advance(1000);
    await controller.observe(clock.now(), { cpuPercent: 99, memoryPercent: 40, appFps: i < 3 ? 30 : 58 });
  }
  assert.equal(effects.length, 1);
  assert.equal(effects[0]!.helped, true);
  assert.equal(effects[0]!.text, 'cpu 99 % -> 99 % (+0 pts); app fps 30.0 -> 58.0 (+28.0 fps) over 15 s', 'one "over 15 s" for both');
});

test('a reverse action can be previewed without a suggestion; reclaim-memory runs the config\'s command and writes nothing', async () => {
  const { file } = setup();
  writeFileSync(file, `${CONFIG}zoomtop:\n  reclaim_memory:\n    command: [zoomcam-ctl, drop-caches]\n`);
  const ran: string[] = [];
  const controller = createActionController({
    appConfigFile: file,
    costByCamera: () => new Map(),
    now: () => 12_000,
    run: { deps: { exec: async (argv) => (ran.push(argv.join(' ')), { code: 0, stderr: '' }) } },
  });
  const raise = await controller.preview(undefined, 'raise-resolution');
  assert.equal(raise.kind === 'confirm' && `${raise.plan.summary} / ${raise.evidence}`, 'driveway 1280x720 -> 1920x1080 / chosen by the operator');
  const reclaim = await controller.preview(undefined, 'reclaim-memory');
  assert.equal(reclaim.kind === 'confirm' && reclaim.diff, `(no change to ${file}; zoomtop will run zoomcam-ctl drop-caches)\n`);
  const before = readFileSync(file, 'utf8');
  const result = await controller.apply(reclaim as Extract<typeof reclaim, { kind: 'confirm' }>);
  assert.equal(result.kind === 'message' && result.title, 'Applied');
  assert.deepEqual(ran, ['zoomcam-ctl drop-caches']);
  assert.equal(readFileSync(file, 'utf8'), before);
  const atFloor = await controller.preview(undefined, 'enable-camera');
  assert.deepEqual(atFloor.kind === 'message' && [atFloor.title, atFloor.lines[0]], ['Nothing to do for enable-camera', 'every camera is enabled; nothing to enable']);
});

function cpuSuggestionSince(sinceMs: number): Suggestion {
  return { ...cpuSuggestion, sinceMs };
}
