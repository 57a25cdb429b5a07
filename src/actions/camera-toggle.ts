// Plans switching one camera off (disable-camera: the least important, never the last) or back on (enable-camera).
import type { AppConfig, CameraConfig } from '../config/app-config.js';
import type { PlanResult } from './types.js';

export const DISABLE_CAMERA_ACTION_ID = 'disable-camera';
export const ENABLE_CAMERA_ACTION_ID = 'enable-camera';

export type CameraToggleInput = {
  /** Config file the plan edits; named in the plan and in refusals. */
  file: string;
  config: AppConfig;
};

type Ranked = { camera: CameraConfig; order: number; priority: number };

/**
 * `enabled: false` for the enabled camera with the lowest `priority` (missing counts as 0),
 * ties going to the one last in the file; refused when it is the only enabled camera.
 */
export function planDisableCamera(input: CameraToggleInput): PlanResult {
  const { file, config } = input;
  const refuse = (reason: string): PlanResult => ({ ok: false, refusal: { actionId: DISABLE_CAMERA_ACTION_ID, file, reason } });
  if (config.cameras.length === 0) return refuse(`${file} lists no cameras`);
  const enabled = rank(config).filter((r) => r.camera.enabled);
  if (enabled.length === 0) return refuse('no camera is enabled; nothing to disable');
  if (enabled.length === 1) return refuse(`${enabled[0]?.camera.id} is the only enabled camera; zoomtop never disables the last one`);
  enabled.sort((a, b) => a.priority - b.priority || b.order - a.order);
  const { camera, priority } = enabled[0] as Ranked;
  if (camera.enabledImplied) {
    return refuse(`cameras.${camera.id} has no "enabled" key (it is on by the app's default); add "enabled: true" under it so zoomtop can switch it off`);
  }
  const anyPriority = config.cameras.some((c) => c.priority !== undefined);
  const reason = anyPriority
    ? `${camera.id} has the lowest priority (${camera.priority === undefined ? 'none, counted as 0' : priority}) of the ${enabled.length} enabled cameras`
    : `${camera.id} is the last of the ${enabled.length} enabled cameras in the file, and no camera has a priority key`;
  return {
    ok: true,
    plan: {
      actionId: DISABLE_CAMERA_ACTION_ID,
      file,
      patches: [{ path: [...camera.path, 'enabled'], from: true, to: false, reason }],
      summary: `${camera.id} enabled true -> false (${enabled.length - 1} left on)`,
    },
  };
}

/** `enabled: true` for the disabled camera with the highest priority, ties going to the first in the file. */
export function planEnableCamera(input: CameraToggleInput): PlanResult {
  const { file, config } = input;
  const refuse = (reason: string): PlanResult => ({ ok: false, refusal: { actionId: ENABLE_CAMERA_ACTION_ID, file, reason } });
  if (config.cameras.length === 0) return refuse(`${file} lists no cameras`);
  const disabled = rank(config).filter((r) => !r.camera.enabled);
  if (disabled.length === 0) return refuse('every camera is enabled; nothing to enable');
  disabled.sort((a, b) => b.priority - a.priority || a.order - b.order);
  const { camera } = disabled[0] as Ranked;
  const reason = disabled.length === 1
    ? `${camera.id} is the only disabled camera`
    : `${camera.id} is the most important of the ${disabled.length} disabled cameras (priority ${camera.priority ?? 'none'}, then file order)`;
  return {
    ok: true,
    plan: {
      actionId: ENABLE_CAMERA_ACTION_ID,
      file,
      patches: [{ path: [...camera.path, 'enabled'], from: false, to: true, reason }],
      summary: `${camera.id} enabled false -> true`,
    },
  };
}

function rank(config: AppConfig): Ranked[] {
  return config.cameras.map((camera, order) => ({ camera, order, priority: camera.priority ?? 0 }));
}
