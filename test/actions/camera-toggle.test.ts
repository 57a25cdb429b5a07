// disable-camera and enable-camera: the least (most) important camera, never the last one, refusals that say why.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planDisableCamera, planEnableCamera } from '../../src/actions/camera-toggle.js';
import { applyPatches } from '../../src/actions/yaml-edit.js';
import { parseAppConfigText } from '../../src/config/app-config.js';
import type { AppConfig } from '../../src/config/app-config.js';

function config(text: string): AppConfig {
  const parsed = parseAppConfigText('zoomcam.yaml', text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.config;
}

const NO_PRIORITIES = 'cameras:\n  front_door:\n    resolution: 1920x1080\n    enabled: true\n  driveway:\n    resolution: 1280x720\n    enabled: yes\n  backyard:\n    resolution: 1280x720\n    enabled: false\n';

describe('planDisableCamera', () => {
  it('without priorities, disables the last enabled camera in the file', () => {
    const result = planDisableCamera({ file: 'z.yaml', config: config(NO_PRIORITIES) });
    assert.deepEqual(result, {
      ok: true,
      plan: {
        actionId: 'disable-camera',
        file: 'z.yaml',
        patches: [{ path: ['cameras', 'driveway', 'enabled'], from: true, to: false, reason: 'driveway is the last of the 2 enabled cameras in the file, and no camera has a priority key' }],
        summary: 'driveway enabled true -> false (1 left on)',
      },
    });
    const edited = applyPatches(NO_PRIORITIES, result.ok ? result.plan.patches : [], { file: 'z.yaml' });
    assert.deepEqual(edited, { ok: true, text: NO_PRIORITIES.replace('enabled: yes', 'enabled: false') });
  });

  it('with priorities, disables the lowest one (missing counts as 0), numeric ids included', () => {
    const text = 'cameras:\n  1: {resolution: 640x480, priority: 5}\n  2: {resolution: 640x480, priority: -1, enabled: true}\n  3: {resolution: 640x480, priority: 9}\n';
    const result = planDisableCamera({ file: 'z.yaml', config: config(text) });
    assert.ok(result.ok);
    assert.deepEqual(result.plan.patches[0]?.path, ['cameras', 2, 'enabled']);
    assert.equal(result.plan.patches[0]?.reason, '2 has the lowest priority (-1) of the 3 enabled cameras');
  });

  it('never disables the last enabled camera', () => {
    const result = planDisableCamera({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480, enabled: true}\n  b: {resolution: 640x480, enabled: false}\n') });
    assert.deepEqual(result, { ok: false, refusal: { actionId: 'disable-camera', file: 'z.yaml', reason: 'a is the only enabled camera; zoomtop never disables the last one' } });
  });

  it('refuses a camera that is on only by default, saying which key to add', () => {
    const result = planDisableCamera({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480, enabled: true}\n  b: {resolution: 640x480}\n') });
    assert.equal(result.ok ? '' : result.refusal.reason, 'cameras.b has no "enabled" key (it is on by the app\'s default); add "enabled: true" under it so zoomtop can switch it off');
  });
});

describe('planEnableCamera', () => {
  it('enables the disabled camera with the highest priority, then the first in the file', () => {
    const text = 'cameras:\n  a: {resolution: 640x480}\n  b: {resolution: 640x480, enabled: false}\n  c: {resolution: 640x480, enabled: no, priority: 3}\n  d: {resolution: 640x480, enabled: false}\n';
    const result = planEnableCamera({ file: 'z.yaml', config: config(text) });
    assert.ok(result.ok);
    assert.deepEqual(result.plan.patches, [{ path: ['cameras', 'c', 'enabled'], from: false, to: true, reason: 'c is the most important of the 3 disabled cameras (priority 3, then file order)' }]);
    const edited = applyPatches(text, result.plan.patches, { file: 'z.yaml' });
    assert.deepEqual(edited, { ok: true, text: text.replace('enabled: no', 'enabled: true') });
  });

  it('with every camera on there is nothing to do', () => {
    const result = planEnableCamera({ file: 'z.yaml', config: config('cameras:\n  a: {resolution: 640x480}\n') });
    assert.equal(result.ok ? '' : result.refusal.reason, 'every camera is enabled; nothing to enable');
  });
});
