// The rules engine's own state around the alert log: what the c key clears and what it keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RulesEngine } from '../../src/rules/rules-engine.js';
import type { AlertRule } from '../../src/rules/types.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';

const CPU_HIGH: AlertRule = { id: 'cpu-high', metric: 'cpuPercent', level: 'warning', above: 90, clearBelow: 80, minDurationMs: 0, message: 'machine CPU high: {value}' };
const at = (atMs: number, percent: number) => buildSnapshot({ atMs, cpu: { percent, history: [percent] } });

test('clearing the log keeps the alerts whose condition still holds, and drops the rest', () => {
  const engine = new RulesEngine([CPU_HIGH], []);
  engine.evaluate(at(0, 95));
  engine.log.add({ ruleId: 'action-applied', level: 'info', message: 'applied front_door 1920x1080 -> 1280x720', value: 0, atMs: 500 });
  engine.clearLog();
  assert.deepEqual(engine.current().alerts.map((a) => a.ruleId), ['cpu-high'], 'CPU is still high: its alert stays');
  engine.evaluate(at(1000, 96));
  assert.deepEqual(engine.current().alerts.map((a) => [a.ruleId, a.count]), [['cpu-high', 1]], 'and is not raised twice');
  engine.evaluate(at(2000, 50));
  assert.notEqual(engine.current().alerts[0]?.clearedAtMs, null);
  engine.clearLog();
  assert.deepEqual(engine.current().alerts, [], 'once CPU is back down, clearing empties the log');
  engine.evaluate(at(3000, 97));
  assert.deepEqual(engine.current().alerts.map((a) => a.ruleId), ['cpu-high'], 'a new episode is raised again');
});
