import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAlerts, type RuleState } from '../../src/rules/alert-evaluator.js';
import type { AlertRule } from '../../src/rules/types.js';

const rule: AlertRule = { id: 'cpu-high', metric: 'cpuPercent', level: 'warning', above: 85, clearBelow: 80, minDurationMs: 3000, message: 'cpu {value}' };

function run(values: (number | null)[], stepMs = 1000) {
  let states = new Map<string, RuleState>();
  const log: string[] = [];
  values.forEach((v, i) => {
    const r = evaluateAlerts([rule], () => v, states, i * stepMs);
    states = r.states;
    for (const x of r.raised) log.push(`raise@${i}:${x.value}`);
    for (const x of r.cleared) log.push(`clear@${i}:${x}`);
  });
  return log;
}

test('raises only after the metric stays above for the minimum duration', () => {
  assert.deepEqual(run([90, 90, 90]), []);
  assert.deepEqual(run([90, 90, 90, 91]), ['raise@3:91']);
});

test('a dip below the raise level restarts the duration', () => {
  assert.deepEqual(run([90, 90, 84, 90, 90, 90]), []);
  assert.deepEqual(run([90, 90, 84, 90, 90, 90, 90]), ['raise@6:90']);
});

test('hysteresis: clears only below the clear level, raises once while held', () => {
  assert.deepEqual(run([90, 90, 90, 90, 99, 82, 95, 79]), ['raise@3:90', 'clear@7:cpu-high']);
});

test('a missing reading leaves the rule unchanged', () => {
  assert.deepEqual(run([90, null, null, 90, 90]), ['raise@3:90']);
});
