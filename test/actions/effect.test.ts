// The measured effect: medians before and after, the 3-point threshold, and the words shown beside the action.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeEffect } from '../../src/actions/effect.js';
import { EffectTracker } from '../../src/actions/effect-tracker.js';
import { FakeClock } from '../helpers/fake-clock.js';

describe('computeEffect', () => {
  it('reports a drop with before, after, points and the settle period', () => {
    const effect = computeEffect({ metric: 'cpuPercent', beforeValues: [96.2, 97.4, 99, 97.1], afterValues: [71.2, 70.6, 88, 71.4], settleMs: 15_000 });
    assert.deepEqual(effect, { known: true, metric: 'cpuPercent', before: 97, after: 71, delta: -26, settleMs: 15_000, helped: true, text: 'cpu 97 % -> 71 % (-26 pts) over 15 s' });
  });

  it('a move under 3 points is no effect; exactly 3 counts', () => {
    const small = computeEffect({ metric: 'cpuPercent', beforeValues: [97], afterValues: [95], settleMs: 15_000 });
    assert.equal(small.text, 'no effect: cpu 97 % -> 95 % (-2 pts) over 15 s');
    assert.equal(small.helped, false);
    const three = computeEffect({ metric: 'memoryPercent', beforeValues: [90], afterValues: [87], settleMs: 15_000 });
    assert.equal(three.text, 'memory 90 % -> 87 % (-3 pts) over 15 s');
    assert.equal(three.helped, true);
  });

  it('a rise does not help a lowering action; a raising action expects one', () => {
    const worse = computeEffect({ metric: 'cpuPercent', beforeValues: [60], afterValues: [80], settleMs: 10_000 });
    assert.equal(worse.text, 'no effect: cpu 60 % -> 80 % (+20 pts) over 10 s');
    const raised = computeEffect({ metric: 'cpuPercent', beforeValues: [60], afterValues: [80], settleMs: 10_000, expect: 'increase' });
    assert.equal(raised.helped, true);
  });

  it('uses the metric\'s units, and says when a period has no samples', () => {
    const fps = computeEffect({ metric: 'appFps', beforeValues: [12.04], afterValues: [24.96], settleMs: 15_000, expect: 'increase', threshold: 1 });
    assert.equal(fps.text, 'app fps 12.0 -> 25.0 (+13.0 fps) over 15 s');
    const none = computeEffect({ metric: 'cpuPercent', beforeValues: [97], afterValues: [], settleMs: 15_000 });
    assert.deepEqual(none, { known: false, metric: 'cpuPercent', settleMs: 15_000, helped: false, text: 'effect unknown: no cpu samples in the settle period' });
  });
});

describe('EffectTracker', () => {
  it('returns null while settling, then the effect of the samples after the reload grace', () => {
    const clock = new FakeClock(0);
    const tracker = new EffectTracker({ metric: 'cpuPercent', appliedAtMs: 0, beforeValues: [97, 98, 96], clock });
    for (let t = 1000; t <= 15_000; t += 1000) {
      assert.equal(tracker.result(), null, `settling at ${t}`);
      clock.advance(1000);
      // The app needs a few seconds to reload: the first 5 s still read high.
      tracker.add(clock.now(), t < 5000 ? 97 : 71);
    }
    assert.equal(tracker.remainingMs(), 0);
    const effect = tracker.result();
    assert.equal(effect?.text, 'cpu 97 % -> 71 % (-26 pts) over 15 s');
    assert.equal(tracker.result(), effect, 'the same effect on every call');
  });

  it('ignores samples outside the settle period and finishes on the clock alone', () => {
    const clock = new FakeClock(1000);
    const tracker = new EffectTracker({ metric: 'cpuPercent', appliedAtMs: 1000, beforeValues: [90], clock, settleMs: 6000, graceMs: 0 });
    tracker.add(500, 10);
    tracker.add(4000, 50);
    tracker.add(8000, 10);
    clock.advance(5999);
    assert.equal(tracker.result(), null);
    clock.advance(1);
    assert.equal(tracker.result()?.text, 'cpu 90 % -> 50 % (-40 pts) over 6 s');
  });
});
