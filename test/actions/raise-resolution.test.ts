// raise-resolution: the smallest enabled camera one ladder step up; nothing above the top.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planRaiseResolution } from '../../src/actions/raise-resolution.js';
import { nextHigher } from '../../src/actions/resolution-ladder.js';
import type { AppConfig, CameraConfig } from '../../src/config/app-config.js';

function camera(id: string, resolution: string, enabled = true): CameraConfig {
  const [width, height] = resolution.split('x').map(Number) as [number, number];
  return { id, width, height, resolution, enabled, path: ['cameras', id] };
}
const config = (...cameras: CameraConfig[]): AppConfig => ({ cameras, streaming: {} });

describe('planRaiseResolution', () => {
  it('raises the enabled camera with the fewest pixels, ties by file order', () => {
    const result = planRaiseResolution({ file: 'z.yaml', config: config(camera('a', '1920x1080'), camera('off', '320x240', false), camera('b', '640x480'), camera('c', '640x480')) });
    assert.deepEqual(result, {
      ok: true,
      plan: {
        actionId: 'raise-resolution',
        file: 'z.yaml',
        patches: [{ path: ['cameras', 'b', 'resolution'], from: '640x480', to: '1280x720', reason: 'b has the fewest pixels (640x480) of the enabled cameras that can go higher' }],
        summary: 'b 640x480 -> 1280x720',
      },
    });
  });

  it('an odd size goes to the next step above it; at the top nothing can go higher', () => {
    assert.equal(nextHigher('1600x900'), '1920x1080');
    assert.equal(nextHigher('1920x1080'), null);
    const result = planRaiseResolution({ file: 'z.yaml', config: config(camera('a', '1920x1080'), camera('b', '3840x2160')) });
    assert.equal(result.ok ? '' : result.refusal.reason, 'every enabled camera is at or above the ladder top (1920x1080); nothing can go higher');
  });

  it('uses the ladder it is given', () => {
    const result = planRaiseResolution({ file: 'z.yaml', config: config(camera('a', '640x480')), ladder: ['640x480', '800x600'] });
    assert.equal(result.ok && result.plan.summary, 'a 640x480 -> 800x600');
  });
});
