import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toAlertsModel, toSuggestionsModel } from '../../src/views/alerts-model.js';
import { DEFAULT_SUGGESTION_RULES } from '../../src/rules/default-rules.js';
import type { Suggestion } from '../../src/rules/types.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

test('alerts read time, level, message and the merged count, newest first', () => {
  const at = Date.UTC(2026, 11, 3, 14, 5, 9);
  const model = toAlertsModel(
    [
      { ruleId: 'cpu-high', level: 'warning', message: 'machine CPU high: 97.1 %', value: 97.1, firstAtMs: at - 30_000, lastAtMs: at, lastSeenMs: at, clearedAtMs: null, count: 3 },
      { ruleId: 'x', level: 'critical', message: 'bad', value: 1, firstAtMs: at - 60_000, lastAtMs: at - 60_000, lastSeenMs: at - 60_000, clearedAtMs: at - 1000, count: 1 },
    ],
    10,
    0,
  );
  assert.deepEqual(model.lines.map(text), ['14:05:09 WARN machine CPU high: 97.1 % x3', '14:04:09 CRIT bad (cleared 14:05:08)']);
  assert.equal(model.lines[1]![1]!.tone, 'critical');
  assert.equal(toAlertsModel([], 5).empty, 'no alerts');
});

test('suggestions show priority, text, the action key, impact and effort, one row per action; the selection is clamped', () => {
  const rule = DEFAULT_SUGGESTION_RULES.find((r) => r.id === 'cpu-saturated')!;
  const suggestion: Suggestion = { ...rule, actionIds: [...rule.actionIds], value: 99, sinceMs: 0 };
  const advice: Suggestion = { ...suggestion, id: 'x', text: 'check the power supply', actionIds: [], priority: 2 };
  const model = toSuggestionsModel([suggestion, advice], 7);
  assert.deepEqual(model.lines.map(text), [
    'P1 lower camera resolution [a: lower-resolution] impact high, effort medium',
    '   or [a: lower-fps]',
    'P2 check the power supply (advice only) impact high, effort medium',
  ]);
  assert.equal(model.selectedIndex, 2);
  assert.equal(toSuggestionsModel([], 0).selectedIndex, -1);
});
