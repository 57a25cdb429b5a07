import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlertLog } from '../../src/rules/alert-log.js';

const at = (ms: number) => ({ ruleId: 'cpu-high', level: 'warning' as const, message: 'cpu', value: 90, atMs: ms });

test('a repeat within 60 s merges into the earlier entry with a count', () => {
  const log = new AlertLog();
  log.add(at(0));
  log.add(at(59_000));
  assert.equal(log.list().length, 1);
  assert.equal(log.list()[0]!.count, 2);
  assert.equal(log.list()[0]!.firstAtMs, 0);
  assert.equal(log.list()[0]!.lastAtMs, 59_000);
});

test('defect 5: a repeat a day and 10 s later is a new entry, not merged by the seconds field', () => {
  const log = new AlertLog();
  log.add(at(0));
  log.add(at(86_400_000 + 10_000));
  assert.equal(log.list().length, 2);
  assert.deepEqual(log.list().map((e) => e.count), [1, 1]);
});

test('newest first, other rules kept apart, capacity bounded', () => {
  const log = new AlertLog({ capacity: 3 });
  for (let i = 0; i < 5; i++) log.add({ ...at(i * 100_000), ruleId: `r${i}` });
  assert.deepEqual(log.list().map((e) => e.ruleId), ['r4', 'r3', 'r2']);
});

test('an alert still holding extends the merge window from its last occurrence', () => {
  const log = new AlertLog();
  log.add(at(0));
  log.touch('cpu-high', 100_000);
  assert.equal(log.list()[0]!.lastAtMs, 0, 'holding does not change when it was raised');
  log.add(at(150_000));
  assert.equal(log.list().length, 1);
  assert.equal(log.list()[0]!.count, 2);
  assert.equal(log.list()[0]!.lastAtMs, 150_000);
});

test('a cleared alert says when it cleared; a repeat within the window reopens it', () => {
  const log = new AlertLog();
  log.add(at(0));
  log.markCleared('cpu-high', 20_000);
  assert.equal(log.list()[0]!.clearedAtMs, 20_000);
  log.add(at(70_000));
  assert.deepEqual([log.list().length, log.list()[0]!.count, log.list()[0]!.clearedAtMs], [1, 2, null]);
  log.markCleared('cpu-high', 90_000);
  log.add(at(151_000));
  assert.equal(log.list().length, 2, 'a repeat more than 60 s after it cleared is a new entry');
});
