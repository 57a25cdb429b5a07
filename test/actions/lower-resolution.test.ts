// The lower-resolution planner: which camera, which step, and why not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planLowerResolution } from '../../src/actions/lower-resolution.js';
import type { AppConfig, CameraConfig } from '../../src/config/app-config.js';

function camera(id: string | number, resolution: string, enabled = true): CameraConfig {
  const [width, height] = resolution.split('x').map(Number) as [number, number];
  return { id: String(id), width, height, resolution, enabled, path: ['cameras', id] };
}

const config = (...cameras: CameraConfig[]): AppConfig => ({ cameras, streaming: {} });

describe('planLowerResolution', () => {
  it('without costs, lowers the enabled camera with the most pixels', () => {
    const result = planLowerResolution({
      file: 'zoomcam.yaml',
      config: config(camera('yard', '1280x720'), camera('off', '3840x2160', false), camera('front_door', '1920x1080')),
    });
    assert.deepEqual(result, {
      ok: true,
      plan: {
        actionId: 'lower-resolution',
        file: 'zoomcam.yaml',
        patches: [{
          path: ['cameras', 'front_door', 'resolution'],
          from: '1920x1080',
          to: '1280x720',
          reason: 'front_door has the most pixels (1920x1080) of the enabled cameras that can go lower',
        }],
        summary: 'front_door 1920x1080 -> 1280x720',
      },
    });
  });

  it('breaks pixel ties by config order', () => {
    const result = planLowerResolution({ file: 'z.yaml', config: config(camera('b', '1280x720'), camera('a', '1280x720')) });
    assert.ok(result.ok);
    assert.equal(result.plan.summary, 'b 1280x720 -> 640x480');
  });

  it('with costs, lowers the costliest camera that can still go lower', () => {
    const costByCamera = new Map([['front_door', 900], ['1', 120], ['floor', 5000]]);
    const result = planLowerResolution({
      file: 'z.yaml',
      config: config(camera('front_door', '640x480'), camera('floor', '640x480'), camera(1, '1280x720'), camera('big', '1920x1080')),
      costByCamera,
    });
    assert.ok(result.ok);
    assert.deepEqual(result.plan.patches, [{
      path: ['cameras', 1, 'resolution'],
      from: '1280x720',
      to: '640x480',
      reason: '1 spent 120 ms in the recent window, the most of the enabled cameras that can go lower',
    }]);
  });

  it('falls back to pixels when no candidate has a measured cost', () => {
    const result = planLowerResolution({ file: 'z.yaml', config: config(camera('a', '1280x720'), camera('b', '1920x1080')), costByCamera: new Map([['a', Number.NaN]]) });
    assert.ok(result.ok);
    assert.equal(result.plan.summary, 'b 1920x1080 -> 1280x720');
    assert.match(result.plan.patches[0]?.reason ?? '', /most pixels/);
  });

  it('uses a custom ladder', () => {
    const result = planLowerResolution({ file: 'z.yaml', config: config(camera('a', '1920x1080')), ladder: ['1920x1080', '960x540'] });
    assert.ok(result.ok);
    assert.equal(result.plan.summary, 'a 1920x1080 -> 960x540');
  });

  it('refuses with a reason when nothing can go lower', () => {
    const refusal = (reason: string) => ({ ok: false, refusal: { actionId: 'lower-resolution', file: 'z.yaml', reason } });
    assert.deepEqual(planLowerResolution({ file: 'z.yaml', config: config() }), refusal('z.yaml lists no cameras'));
    assert.deepEqual(planLowerResolution({ file: 'z.yaml', config: config(camera('a', '1920x1080', false)) }), refusal('no camera is enabled, so there is nothing to lower'));
    assert.deepEqual(
      planLowerResolution({ file: 'z.yaml', config: config(camera('a', '640x480'), camera('b', '1920x1080', false)) }),
      refusal('every enabled camera is at or below the ladder floor (640x480); nothing can go lower'),
    );
    assert.deepEqual(
      planLowerResolution({ file: 'z.yaml', config: config(camera('a', '1920x1080')), ladder: ['hd'] }),
      refusal('resolution ladder step 1 "hd" is not WIDTHxHEIGHT; write it like "1280x720"'),
    );
  });
});
