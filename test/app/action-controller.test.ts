import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActionController } from '../../src/app/action-controller.js';
import { DEFAULT_SUGGESTION_RULES } from '../../src/rules/default-rules.js';
import type { Suggestion } from '../../src/rules/types.js';

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
