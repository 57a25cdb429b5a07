import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyHistory, diffHistory, type HistoryPoint } from '../../src/export/history-delta.js';

test('a growing history appends; a full ring buffer drops one and appends one', () => {
  assert.deepEqual(diffHistory([1, 2], [1, 2, 3]), { drop: 0, append: [3] });
  assert.deepEqual(diffHistory([1, 2, 3], [2, 3, 4]), { drop: 1, append: [4] });
  assert.deepEqual(diffHistory([], [5, 6]), { drop: 0, append: [5, 6] });
  assert.deepEqual(diffHistory([5, 6], []), { drop: 2, append: [] });
});

test('repeated values and gaps (null) still reconstruct exactly', () => {
  assert.deepEqual(diffHistory([0, 0, 0], [0, 0, 0]), { drop: 0, append: [] });
  assert.deepEqual(diffHistory([null, 1], [1, null]), { drop: 1, append: [null] });
});

test('an unrelated history is written whole', () => {
  assert.deepEqual(diffHistory([1, 2, 3], [9, 8]), { drop: 3, append: [9, 8] });
  const long = Array.from({ length: 100 }, (_, i) => i);
  assert.deepEqual(diffHistory(long, [7]), { drop: 100, append: [7] });
});

test('applying the delta gives the new history for random ring-buffer walks', () => {
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 4;
  let prev: HistoryPoint[] = [];
  for (let i = 0; i < 300; i++) {
    const pushes = next();
    let history = [...prev];
    for (let p = 0; p < pushes; p++) history.push(next() === 0 ? null : next());
    history = history.slice(-20);
    const delta = diffHistory(prev, history);
    assert.deepEqual(applyHistory(prev, delta, 'walk'), history, `step ${i}`);
    prev = history;
  }
});

test('a delta that drops more than is known is a one-line error', () => {
  assert.throws(() => applyHistory([1], { drop: 3, append: [] }, 'run.ndjson line 9'), {
    message: 'run.ndjson line 9: history drops 3 points but only 1 are known; the recording is out of order or missing its keyframe',
  });
});
