// The Optimizer: structured plans for automated suggestions, applied with history, cooldown, verification and undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Optimizer } from '../../src/profiler/optimizer.js';
import type { ZoomcamConfig } from '../../src/profiler/optimizer-config.js';
import { DEFAULT_SUGGESTION_RULES } from '../../src/rules/default-rules.js';
import type { SuggestionRule } from '../../src/rules/types.js';
import { advance, fakeProfiler, T0 } from './fake-machine.js';

const CONFIG: ZoomcamConfig = {
  cameras: {
    front_door: { resolution: '1920x1080', enabled: true },
    driveway: { resolution: '1280x720' },
    backyard: { resolution: '1920x1080', enabled: false },
  },
  streaming: { target_fps: 30 },
};

/** A profiler whose CPU has been above 95 % long enough for the CPU suggestion. */
async function saturated(options: Parameters<typeof fakeProfiler>[0] = {}) {
  const setup = fakeProfiler(options);
  setup.state.cpuPercent = 98;
  setup.profiler.start();
  await advance(setup.clock, 5000);
  return setup;
}

test('defect 2: the plan has lowering resolution and lowering fps as two separate structured changes', async () => {
  const { profiler } = await saturated();
  const optimizer = new Optimizer(profiler);
  const plan = optimizer.plan(CONFIG);
  assert.deepEqual(plan, {
    atMs: T0 + 5000,
    changes: [
      {
        suggestionId: 'cpu-saturated',
        actionId: 'lower-resolution',
        metric: 'cpuPercent',
        summary: 'front_door 1920x1080 -> 1280x720',
        patches: [{ path: ['cameras', 'front_door', 'resolution'], from: '1920x1080', to: '1280x720', reason: 'front_door has the most pixels (1920x1080) of the enabled cameras that can go lower' }],
      },
      {
        suggestionId: 'cpu-saturated',
        actionId: 'lower-fps',
        metric: 'cpuPercent',
        summary: 'streaming.target_fps 30 -> 25',
        patches: [{ path: ['streaming', 'target_fps'], from: 30, to: 25, reason: 'streaming.target_fps 30 is above the floor (15 fps); one step of 5 fps down' }],
      },
    ],
    skipped: [],
  });
  profiler.stop();
});

test('defect 1, defect 3: apply changes a copy of the config, records what/when/before/after, and does not propose it again', async () => {
  const { clock, state, profiler } = await saturated();
  const optimizer = new Optimizer(profiler, { cooldownMs: 60_000, verifyAfterMs: 10_000 });
  const { config, applied, skipped } = optimizer.apply(CONFIG);
  assert.deepEqual(skipped, []);
  assert.equal((CONFIG.cameras?.front_door as { resolution: string }).resolution, '1920x1080');
  assert.deepEqual(config.cameras?.front_door, { resolution: '1280x720', enabled: true });
  assert.deepEqual(config.streaming, { target_fps: 25 });
  assert.deepEqual(applied, optimizer.history);
  assert.deepEqual(
    optimizer.history.map((e) => [e.id, e.atMs, e.actionId, e.changes, e.metric, e.valueBefore, e.verification, e.undoneAtMs]),
    [
      [1, T0 + 5000, 'lower-resolution', [{ path: ['cameras', 'front_door', 'resolution'], key: 'cameras.front_door.resolution', from: '1920x1080', to: '1280x720' }], 'cpuPercent', 98, null, null],
      [2, T0 + 5000, 'lower-fps', [{ path: ['streaming', 'target_fps'], key: 'streaming.target_fps', from: 30, to: 25 }], 'cpuPercent', 98, null, null],
    ],
  );
  // The original proposed the same change on every call; now the cooldown holds while the effect is judged.
  const again = optimizer.plan(config);
  assert.deepEqual(again.changes, []);
  assert.deepEqual(again.skipped.map((s) => s.reason), [
    'applied 0 s ago; not again before its effect is judged (cooldown 60 s)',
    'applied 0 s ago; not again before its effect is judged (cooldown 60 s)',
  ]);
  // Verification: the CPU went down after the change.
  state.cpuPercent = 70;
  await advance(clock, 10_000);
  assert.deepEqual(optimizer.history.map((e) => e.verification), [
    { atMs: T0 + 15_000, valueAfter: 70, improved: true },
    { atMs: T0 + 15_000, valueAfter: 70, improved: true },
  ]);
  profiler.stop();
});

test('undo reverts the latest applied change on a copy and refuses when the value changed since', async () => {
  const { profiler } = await saturated();
  const optimizer = new Optimizer(profiler);
  const { config } = optimizer.apply(CONFIG);
  const first = optimizer.undo(config);
  assert.equal(first.entry?.actionId, 'lower-fps');
  assert.deepEqual(first.config.streaming, { target_fps: 30 });
  assert.equal(first.entry?.undoneAtMs, T0 + 5000);
  const edited = structuredClone(first.config);
  (edited.cameras!.front_door as { resolution: string }).resolution = '640x480';
  assert.throws(() => optimizer.undo(edited), /undo: cameras\.front_door\.resolution is 640x480, not 1280x720 as applied; it changed since/);
  const second = optimizer.undo(first.config);
  assert.deepEqual(second.config, CONFIG);
  assert.equal(optimizer.undo(second.config).entry, undefined);
  profiler.stop();
});

test('a change whose value moved since planning is skipped, not written over', async () => {
  const { profiler } = await saturated();
  const optimizer = new Optimizer(profiler);
  const plan = optimizer.plan(CONFIG);
  const moved: ZoomcamConfig = { ...CONFIG, streaming: { target_fps: 20 } };
  const outcome = optimizer.apply(moved, plan);
  assert.deepEqual(outcome.applied.map((e) => e.actionId), ['lower-resolution']);
  assert.deepEqual(outcome.skipped, [{ suggestionId: 'cpu-saturated', actionId: 'lower-fps', reason: 'streaming.target_fps is now 20, not 30 as planned; plan again' }]);
  profiler.stop();
});

test('defect 12: the resolution ladder takes any WxH steps, and an odd resolution steps to the next lower one', async () => {
  const { profiler } = await saturated();
  const custom = new Optimizer(profiler, { ladder: ['3840x2160', '2560x1440', '800x600'] });
  const uhd = custom.plan({ cameras: { roof: { resolution: '3840x2160' } } });
  assert.equal(uhd.changes[0]?.summary, 'roof 3840x2160 -> 2560x1440');
  const odd = new Optimizer(profiler).plan({ cameras: { lobby: { resolution: '1366x768' } }, streaming: { target_fps: 15 } });
  assert.equal(odd.changes[0]?.summary, 'lobby 1366x768 -> 1280x720');
  assert.deepEqual(odd.skipped.map((s) => s.reason), ['streaming.target_fps 15: at or below the floor (15 fps); nothing to do']);
  const floor = new Optimizer(profiler).plan({ cameras: { lobby: { resolution: '640x480' } } });
  assert.deepEqual(floor.skipped.map((s) => s.actionId), ['lower-resolution', 'lower-fps']);
  profiler.stop();
});

test('reclaiming memory runs the garbage collector in this process; without one it is refused with the fix', async () => {
  const rules: SuggestionRule[] = [
    { ...DEFAULT_SUGGESTION_RULES.find((r) => r.id === 'memory-exhausted')!, automated: true, actionIds: ['reclaim-memory', 'raise-fps', 'turbo'], forMs: 0 },
  ];
  const { clock, state, profiler } = fakeProfiler({ suggestionRules: rules });
  state.memoryPercent = 97;
  profiler.start();
  await advance(clock, 1000);
  let collected = 0;
  const withGc = new Optimizer(profiler, { collectGarbage: () => void collected++ });
  const outcome = withGc.apply(CONFIG);
  assert.equal(collected, 1);
  assert.deepEqual(outcome.applied.map((e) => [e.actionId, e.summary, e.changes, e.metric, e.valueBefore]), [
    ['reclaim-memory', 'run a garbage collection (global.gc) (the app embeds zoomtop and exposes global.gc)', [], 'memoryPercent', 97],
  ]);
  assert.deepEqual(outcome.skipped.map((s) => s.reason), [
    '"raise-fps" is offered to an operator, never applied automatically',
    'no action "turbo"; known actions: lower-resolution, lower-fps, reclaim-memory, disable-camera, raise-resolution, raise-fps, enable-camera',
  ]);
  const withoutGc = new Optimizer(profiler, { collectGarbage: null }).plan(CONFIG);
  assert.deepEqual(withoutGc.skipped[0]?.reason, 'global.gc is not exposed in this process; start the app with node --expose-gc so zoomtop can run a garbage collection');
  profiler.stop();
});

test('nothing is planned without automated suggestions; a bad config is refused with the key and the fix', () => {
  const { profiler } = fakeProfiler();
  const optimizer = new Optimizer(profiler);
  assert.deepEqual(optimizer.plan(CONFIG), { atMs: T0, changes: [], skipped: [] });
  assert.throws(() => optimizer.plan({ cameras: { cam1: { resolution: 'big' } } }), /^Error: config\.cameras\.cam1\.resolution "big" is not WIDTHxHEIGHT; write it like "1280x720"$/);
  assert.throws(() => optimizer.plan({ streaming: { target_fps: -3 } }), /config\.streaming\.target_fps -3 is not a positive number/);
  optimizer.dispose();
});
