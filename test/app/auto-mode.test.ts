import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AutoGate } from '../../src/actions/auto-gate.js';
import { createAutoMode } from '../../src/app/auto-mode.js';
import type { Dialog } from '../../src/app/ui-state.js';
import { DEFAULT_SUGGESTION_RULES } from '../../src/rules/default-rules.js';
import type { Suggestion } from '../../src/rules/types.js';
import { FakeClock } from '../helpers/fake-clock.js';

const rule = DEFAULT_SUGGESTION_RULES.find((r) => r.id === 'cpu-saturated')!;

function setup(options: { on?: boolean; readOnly?: boolean; dialogFree?: boolean } = {}) {
  const clock = new FakeClock(0);
  const applied: string[] = [];
  const logged: string[] = [];
  const confirm = (actionId: string): Dialog => ({ kind: 'confirm', plan: { actionId, file: 'f', patches: [], summary: `${actionId} step` }, diff: '', evidence: '', newText: '', expectedHash: 'h' });
  const auto = createAutoMode({
    gate: new AutoGate({ clock, minDurationMs: 30_000, cooldownMs: 300_000 }),
    actions: {
      readOnly: options.readOnly ?? false,
      preview: async (_s, actionId) => confirm(actionId ?? 'none'),
      apply: async (dialog) => {
        applied.push(dialog.plan.actionId);
        return { kind: 'message', title: 'Applied', tone: 'ok', lines: [] };
      },
    },
    log: { info: (m) => logged.push(m), warn: (m) => logged.push(m) },
    isOn: () => options.on ?? true,
    onDialogFree: () => options.dialogFree ?? true,
  });
  const suggestion: Suggestion = { ...rule, actionIds: [...rule.actionIds], value: 99, sinceMs: 0 };
  return { clock, auto, applied, logged, suggestion };
}

test('acts only once the condition has held for the minimum duration, then waits out the cooldown', async () => {
  const { clock, auto, applied, suggestion } = setup();
  clock.advance(10_000);
  assert.equal(await auto.consider([suggestion]), null);
  clock.advance(20_000);
  assert.equal(await auto.consider([suggestion]), 'auto mode applied lower-resolution: lower-resolution step (Applied)');
  clock.advance(60_000);
  assert.equal(await auto.consider([suggestion]), null, 'cooldown');
  assert.deepEqual(applied, ['lower-resolution']);
  clock.advance(300_000);
  await auto.consider([suggestion]);
  assert.deepEqual(applied, ['lower-resolution', 'lower-fps'], 'not the same action twice without a measured improvement');
});

test('does nothing when off, in read-only mode, or while a dialog is open', async () => {
  for (const options of [{ on: false }, { readOnly: true }, { dialogFree: false }]) {
    const { clock, auto, applied, suggestion } = setup(options);
    clock.advance(60_000);
    assert.equal(await auto.consider([suggestion]), null);
    assert.deepEqual(applied, []);
  }
});

test('says why it waits once per reason, not once per snapshot', async () => {
  const { auto, logged, suggestion } = setup();
  await auto.consider([suggestion]);
  await auto.consider([suggestion]);
  assert.equal(logged.filter((l) => l.startsWith('auto mode waits')).length, 1);
});
