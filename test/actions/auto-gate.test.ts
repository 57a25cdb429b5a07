// Auto mode's gate: minimum duration, cooldown, no repeat without improvement, hourly cap, priority order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AutoGate } from '../../src/actions/auto-gate.js';
import type { AutoCandidate } from '../../src/actions/auto-gate.js';
import { FakeClock } from '../helpers/fake-clock.js';

const MIN = 60_000;
const candidate = (actionId: string, priority = 1, sinceMs = 0, automated = true): AutoCandidate => ({ actionId, priority, sinceMs, automated });

function setup(options: { maxPerHour?: number; cooldownMs?: number } = {}) {
  const clock = new FakeClock(0);
  return { clock, gate: new AutoGate({ clock, minDurationMs: 30_000, ...options }) };
}

describe('AutoGate', () => {
  it('waits until the condition has held the minimum duration', () => {
    const { clock, gate } = setup();
    clock.advance(29_000);
    assert.deepEqual(gate.decide([candidate('lower-resolution')]), { act: false, reason: 'lower-resolution: condition held 29s of 30s' });
    clock.advance(1000);
    assert.deepEqual(gate.decide([candidate('lower-resolution')]), { act: true, actionId: 'lower-resolution' });
  });

  it('takes the highest-priority automated action, never an offered-only one', () => {
    const { clock, gate } = setup();
    clock.advance(MIN);
    assert.deepEqual(gate.decide([candidate('enable-camera', 0, 0, false), candidate('lower-fps', 2), candidate('lower-resolution', 1)]), { act: true, actionId: 'lower-resolution' });
    assert.deepEqual(gate.decide([candidate('raise-fps', 1, 0, false)]), { act: false, reason: 'no automated action is suggested' });
  });

  it('acts at most once per cooldown (default 5 min)', () => {
    const { clock, gate } = setup();
    clock.advance(MIN);
    gate.recordApplied('lower-resolution');
    gate.recordEffect('lower-resolution', true);
    clock.advance(4 * MIN);
    assert.deepEqual(gate.decide([candidate('lower-fps')]), { act: false, reason: 'cooldown: next action possible in 1m00s' });
    clock.advance(MIN - 1);
    assert.equal(gate.decide([candidate('lower-fps')]).act, false);
    clock.advance(1);
    assert.deepEqual(gate.decide([candidate('lower-fps')]), { act: true, actionId: 'lower-fps' });
  });

  it('never repeats an action that did not improve the metric, and waits for the verdict; another action may go', () => {
    const { clock, gate } = setup();
    clock.advance(MIN);
    gate.recordApplied('lower-fps');
    clock.advance(5 * MIN);
    assert.deepEqual(gate.decide([candidate('lower-fps')]), { act: false, reason: 'lower-fps: waiting for the effect of the last one before repeating it' });
    gate.recordEffect('lower-fps', false);
    assert.deepEqual(gate.decide([candidate('lower-fps')]), { act: false, reason: 'lower-fps: did not improve the metric last time; not repeating it' });
    assert.deepEqual(gate.decide([candidate('lower-fps', 1), candidate('lower-resolution', 2)]), { act: true, actionId: 'lower-resolution' });
    gate.recordEffect('lower-fps', true);
    assert.deepEqual(gate.decide([candidate('lower-fps')]), { act: true, actionId: 'lower-fps' });
  });

  it('stops at the hourly cap (default 6) until the oldest apply is an hour old', () => {
    const { clock, gate } = setup({ cooldownMs: MIN });
    clock.advance(MIN);
    for (let i = 0; i < 6; i++) {
      assert.equal(gate.decide([candidate(`action-${i}`)]).act, true);
      gate.recordApplied(`action-${i}`);
      clock.advance(MIN);
    }
    // Six applies at 1..6 min; now 7 min.
    assert.deepEqual(gate.decide([candidate('lower-fps')]), { act: false, reason: 'hourly cap: 6 actions in the last hour; next possible in 54m00s' });
    clock.advance(54 * MIN);
    assert.deepEqual(gate.decide([candidate('lower-fps')]), { act: true, actionId: 'lower-fps' });
  });
});
