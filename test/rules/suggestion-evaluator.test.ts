import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateSuggestions, type SuggestionState } from '../../src/rules/suggestion-evaluator.js';
import { DEFAULT_SUGGESTION_RULES } from '../../src/rules/default-rules.js';

function run(cpu: (number | null)[]) {
  let states = new Map<string, SuggestionState>();
  return cpu.map((v, i) => {
    const r = evaluateSuggestions(DEFAULT_SUGGESTION_RULES, (m) => (m === 'cpuPercent' ? v : m === 'memoryPercent' ? 50 : null), states, i * 1000);
    states = r.states;
    return r.active.map((s) => s.id).join(',');
  });
}

test('the CPU suggestion appears after 5 s above 95 % and carries its action id', () => {
  const seen = run([96, 96, 96, 96, 96, 96]);
  assert.deepEqual(seen, ['', '', '', '', '', 'cpu-saturated']);
  const r = evaluateSuggestions(DEFAULT_SUGGESTION_RULES, (m) => (m === 'cpuPercent' ? 99 : null), new Map(), 0);
  assert.equal(r.active.length, 0);
  const rule = DEFAULT_SUGGESTION_RULES.find((s) => s.id === 'cpu-saturated')!;
  assert.deepEqual(rule.actionIds, ['lower-resolution', 'lower-fps']);
});

test('defect 4: a suggestion expires once its condition has been clear for 30 s', () => {
  const values = [...Array(6).fill(99), ...Array(31).fill(50)];
  const seen = run(values);
  assert.equal(seen[5], 'cpu-saturated');
  assert.equal(seen[34], 'cpu-saturated');
  assert.equal(seen[35], '');
});
