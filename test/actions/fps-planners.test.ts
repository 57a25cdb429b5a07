// lower-fps and raise-fps: which keys move, by how much, and why not at the floor or ceiling.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { planLowerFps, planRaiseFps } from '../../src/actions/fps-planners.js';
import { applyPatches } from '../../src/actions/yaml-edit.js';
import { parseAppConfigText } from '../../src/config/app-config.js';
import type { AppConfig } from '../../src/config/app-config.js';

const FIXTURES = new URL('../../../test/fixtures/actions/', import.meta.url);
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

function config(text: string): AppConfig {
  const parsed = parseAppConfigText('zoomcam.yaml', text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.config;
}

describe('planLowerFps', () => {
  it('lowers target_fps and each enabled camera\'s own fps one step, not a disabled camera\'s', () => {
    const before = readFileSync(new URL('lower-fps-crlf.before.yaml', FIXTURES));
    const text = decode(before);
    const result = planLowerFps({ file: 'zoomcam.yaml', config: config(text) });
    assert.deepEqual(result, {
      ok: true,
      plan: {
        actionId: 'lower-fps',
        file: 'zoomcam.yaml',
        patches: [
          { path: ['streaming', 'target_fps'], from: 30, to: 25, reason: 'streaming.target_fps 30 is above the floor (15 fps); one step of 5 fps down' },
          { path: ['cameras', 'front_door', 'fps'], from: 25, to: 20, reason: 'cameras.front_door.fps 25 is above the floor (15 fps); one step of 5 fps down' },
        ],
        summary: 'streaming.target_fps 30 -> 25, cameras.front_door.fps 25 -> 20',
      },
    });
  });

  it('edits the CRLF fixture with comments and a BOM to exactly the expected bytes', () => {
    const text = decode(readFileSync(new URL('lower-fps-crlf.before.yaml', FIXTURES)));
    const planned = planLowerFps({ file: 'zoomcam.yaml', config: config(text) });
    assert.ok(planned.ok);
    const edited = applyPatches(text, planned.plan.patches, { file: 'zoomcam.yaml' });
    assert.ok(edited.ok, edited.ok ? '' : edited.error);
    assert.deepEqual(Buffer.from(edited.text, 'utf8'), readFileSync(new URL('lower-fps-crlf.after.yaml', FIXTURES)));
  });

  it('stops at the floor: a step that would pass it lands on it', () => {
    const result = planLowerFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480}\nstreaming:\n  target_fps: 18\n') });
    assert.ok(result.ok);
    assert.deepEqual(result.plan.patches.map((p) => [p.from, p.to]), [[18, 15]]);
  });

  it('at the floor there is nothing to do, and the refusal says which values and the floor', () => {
    const result = planLowerFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480}\n  b: {resolution: 640x480, fps: 10}\nstreaming:\n  target_fps: 15\n') });
    assert.deepEqual(result, { ok: false, refusal: { actionId: 'lower-fps', file: 'z.yaml', reason: 'streaming.target_fps 15, cameras.b.fps 10: at or below the floor (15 fps); nothing to do' } });
  });

  it('leaves target_fps alone when every enabled camera has its own fps', () => {
    const result = planLowerFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480, fps: 30}\nstreaming:\n  target_fps: 30\n') });
    assert.ok(result.ok);
    assert.equal(result.plan.summary, 'cameras.a.fps 30 -> 25');
  });

  it('takes the step and floor as options, keeping fractional rates exact', () => {
    const result = planLowerFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480}\nstreaming:\n  target_fps: 29.97\n'), stepFps: 10, floorFps: 12 });
    assert.ok(result.ok);
    assert.deepEqual(result.plan.patches.map((p) => p.to), [19.97]);
  });

  it('refuses without a target_fps key to edit, and with bad settings, saying the fix', () => {
    const noKey = planLowerFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480}\n') });
    assert.equal(noKey.ok ? '' : noKey.refusal.reason, 'streaming.target_fps is not in z.yaml, so the cameras run at the app\'s default; add "target_fps: 30" under "streaming:" so zoomtop can change it');
    const badStep = planLowerFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480}\n'), stepFps: 0 });
    assert.equal(badStep.ok ? '' : badStep.refusal.reason, 'fps step 0 is not a positive number; use e.g. 5');
    const none = planLowerFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480, enabled: false}\nstreaming: {target_fps: 30}\n') });
    assert.equal(none.ok ? '' : none.refusal.reason, 'no camera is enabled, so no frame rate matters');
  });
});

describe('planRaiseFps', () => {
  it('raises one step up to the ceiling (default 30)', () => {
    const result = planRaiseFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480}\n  b: {resolution: 640x480, fps: 28}\nstreaming:\n  target_fps: 20\n') });
    assert.ok(result.ok);
    assert.equal(result.plan.actionId, 'raise-fps');
    assert.equal(result.plan.summary, 'streaming.target_fps 20 -> 25, cameras.b.fps 28 -> 30');
  });

  it('at the ceiling there is nothing to do', () => {
    const result = planRaiseFps({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480}\nstreaming:\n  target_fps: 30\n') });
    assert.equal(result.ok ? '' : result.refusal.reason, 'streaming.target_fps 30: at or above the ceiling (30 fps); nothing to do');
  });
});
