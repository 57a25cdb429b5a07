// Plans one step up the resolution ladder for the enabled camera with the fewest pixels; offered, never automatic.
import type { AppConfig, CameraConfig } from '../config/app-config.js';
import { checkLadder, DEFAULT_LADDER, nextHigher, pixelCount } from './resolution-ladder.js';
import type { PlanResult } from './types.js';

export const RAISE_RESOLUTION_ACTION_ID = 'raise-resolution';

export type RaiseResolutionInput = {
  /** Config file the plan edits; named in the plan and in refusals. */
  file: string;
  config: AppConfig;
  /** Steps to walk up; default DEFAULT_LADDER (1920x1080, 1280x720, 640x480). */
  ladder?: readonly string[];
};

type Candidate = { camera: CameraConfig; to: string; pixels: number; order: number };

/** One patch raising the smallest enabled camera by one ladder step, or a refusal saying why not. */
export function planRaiseResolution(input: RaiseResolutionInput): PlanResult {
  const { file, config } = input;
  const ladder = input.ladder ?? DEFAULT_LADDER;
  const refuse = (reason: string): PlanResult => ({ ok: false, refusal: { actionId: RAISE_RESOLUTION_ACTION_ID, file, reason } });
  const ladderError = checkLadder(ladder);
  if (ladderError !== null) return refuse(ladderError);
  const enabled = config.cameras.filter((camera) => camera.enabled);
  if (enabled.length === 0) {
    return refuse(config.cameras.length === 0 ? `${file} lists no cameras` : 'no camera is enabled, so there is nothing to raise');
  }
  const candidates: Candidate[] = [];
  for (const [order, camera] of enabled.entries()) {
    const to = nextHigher(camera.resolution, ladder);
    if (to !== null) candidates.push({ camera, to, pixels: pixelCount(camera.resolution), order });
  }
  if (candidates.length === 0) {
    const top = [...ladder].sort((a, b) => pixelCount(b) - pixelCount(a))[0];
    return refuse(`every enabled camera is at or above the ladder top (${top}); nothing can go higher`);
  }
  candidates.sort((a, b) => a.pixels - b.pixels || a.order - b.order);
  const { camera, to } = candidates[0] as Candidate;
  return {
    ok: true,
    plan: {
      actionId: RAISE_RESOLUTION_ACTION_ID,
      file,
      patches: [{ path: [...camera.path, 'resolution'], from: camera.resolution, to, reason: `${camera.id} has the fewest pixels (${camera.resolution}) of the enabled cameras that can go higher` }],
      summary: `${camera.id} ${camera.resolution} -> ${to}`,
    },
  };
}
