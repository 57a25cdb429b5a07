// Plans frame rates one step down to a floor (lower-fps) or up to a ceiling (raise-fps): streaming.target_fps and per-camera fps.
import type { AppConfig } from '../config/app-config.js';
import type { ConfigPatch, PlanResult } from './types.js';

export const LOWER_FPS_ACTION_ID = 'lower-fps';
export const RAISE_FPS_ACTION_ID = 'raise-fps';

export const DEFAULT_FPS_STEP = 5;
export const DEFAULT_FPS_FLOOR = 15;
export const DEFAULT_FPS_CEILING = 30;

export type FpsStepInput = {
  /** Config file the plan edits; named in the plan and in refusals. */
  file: string;
  config: AppConfig;
  /** Frames per second per step; default 5. */
  stepFps?: number;
  /** lower-fps never goes below this; default 15. */
  floorFps?: number;
  /** raise-fps never goes above this; default 30. */
  ceilingFps?: number;
};

type Target = { path: (string | number)[]; key: string; value: number };

/** One step down for every frame rate above the floor that an enabled camera runs at. */
export function planLowerFps(input: FpsStepInput): PlanResult {
  return planFpsStep(input, 'down');
}

/** One step up for every frame rate below the ceiling that an enabled camera runs at; offered, never automatic. */
export function planRaiseFps(input: FpsStepInput): PlanResult {
  return planFpsStep(input, 'up');
}

function planFpsStep(input: FpsStepInput, direction: 'down' | 'up'): PlanResult {
  const { file, config } = input;
  const actionId = direction === 'down' ? LOWER_FPS_ACTION_ID : RAISE_FPS_ACTION_ID;
  const refuse = (reason: string): PlanResult => ({ ok: false, refusal: { actionId, file, reason } });
  const step = input.stepFps ?? DEFAULT_FPS_STEP;
  const floor = input.floorFps ?? DEFAULT_FPS_FLOOR;
  const ceiling = input.ceilingFps ?? DEFAULT_FPS_CEILING;
  const settingsError = checkSettings(step, floor, ceiling);
  if (settingsError !== null) return refuse(settingsError);
  const enabled = config.cameras.filter((camera) => camera.enabled);
  if (enabled.length === 0) return refuse(config.cameras.length === 0 ? `${file} lists no cameras` : 'no camera is enabled, so no frame rate matters');
  const targets = frameRateTargets(config);
  if (targets.length === 0) {
    return refuse(`streaming.target_fps is not in ${file}, so the cameras run at the app's default; add "target_fps: 30" under "streaming:" so zoomtop can change it`);
  }
  const limit = direction === 'down' ? floor : ceiling;
  const patches: ConfigPatch[] = [];
  for (const target of targets) {
    const to = direction === 'down' ? Math.max(floor, round2(target.value - step)) : Math.min(ceiling, round2(target.value + step));
    if (direction === 'down' ? target.value <= floor : target.value >= ceiling) continue;
    const why = direction === 'down' ? `above the floor (${floor} fps)` : `below the ceiling (${ceiling} fps)`;
    patches.push({ path: target.path, from: target.value, to, reason: `${target.key} ${target.value} is ${why}; one step of ${step} fps ${direction}` });
  }
  if (patches.length === 0) {
    const values = targets.map((t) => `${t.key} ${t.value}`).join(', ');
    const where = direction === 'down' ? 'at or below the floor' : 'at or above the ceiling';
    return refuse(`${values}: ${where} (${limit} fps); nothing to do`);
  }
  const summary = patches.map((p) => `${p.path.map(String).join('.')} ${p.from} -> ${p.to}`).join(', ');
  return { ok: true, plan: { actionId, file, patches, summary } };
}

/** streaming.target_fps when some enabled camera runs at it, then each enabled camera's own fps. */
function frameRateTargets(config: AppConfig): Target[] {
  const enabled = config.cameras.filter((camera) => camera.enabled);
  const targets: Target[] = [];
  const targetFps = config.streaming.targetFps;
  // A target every enabled camera overrides changes nothing, so it is left alone.
  if (targetFps !== undefined && enabled.some((camera) => camera.fps === undefined)) {
    targets.push({ path: ['streaming', 'target_fps'], key: 'streaming.target_fps', value: targetFps });
  }
  for (const camera of enabled) {
    if (camera.fps !== undefined) targets.push({ path: [...camera.path, 'fps'], key: `cameras.${camera.id}.fps`, value: camera.fps });
  }
  return targets;
}

function checkSettings(step: number, floor: number, ceiling: number): string | null {
  const positive = (value: number) => Number.isFinite(value) && value > 0;
  if (!positive(step)) return `fps step ${step} is not a positive number; use e.g. 5`;
  if (!positive(floor)) return `fps floor ${floor} is not a positive number; use e.g. 15`;
  if (!positive(ceiling) || ceiling < floor) return `fps ceiling ${ceiling} is not a number at or above the floor (${floor}); use e.g. 30`;
  return null;
}

/** Two decimals at most, so 29.97 - 5 writes as 24.97, not 24.969999999999999. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
