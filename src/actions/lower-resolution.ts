// Plans one step down the resolution ladder for the enabled camera that costs the most.
import type { AppConfig, CameraConfig } from '../config/app-config.js';
import { checkLadder, DEFAULT_LADDER, nextLower, pixelCount } from './resolution-ladder.js';
import type { PlanResult } from './types.js';

export const LOWER_RESOLUTION_ACTION_ID = 'lower-resolution';

export type LowerResolutionInput = {
  /** Config file the plan edits; named in the plan and in refusals. */
  file: string;
  config: AppConfig;
  /** Steps to walk down; default DEFAULT_LADDER (1920x1080, 1280x720, 640x480). */
  ladder?: readonly string[];
  /**
   * Milliseconds each camera (by id) spent in the recent window, from the timing registry.
   * When given, the costliest camera goes first; cameras missing from it count as 0 ms.
   * Default: none, so the camera with the most pixels goes first.
   */
  costByCamera?: ReadonlyMap<string, number>;
};

type Candidate = { camera: CameraConfig; to: string; pixels: number; costMs: number; order: number };

/** One patch lowering the chosen camera by one ladder step, or a refusal saying why not. */
export function planLowerResolution(input: LowerResolutionInput): PlanResult {
  const { file, config } = input;
  const ladder = input.ladder ?? DEFAULT_LADDER;
  const refuse = (reason: string): PlanResult => ({ ok: false, refusal: { actionId: LOWER_RESOLUTION_ACTION_ID, file, reason } });
  const ladderError = checkLadder(ladder);
  if (ladderError !== null) return refuse(ladderError);
  const enabled = config.cameras.filter((camera) => camera.enabled);
  if (enabled.length === 0) {
    return refuse(config.cameras.length === 0 ? `${file} lists no cameras` : 'no camera is enabled, so there is nothing to lower');
  }
  const candidates: Candidate[] = [];
  for (const [order, camera] of enabled.entries()) {
    const to = nextLower(camera.resolution, ladder);
    if (to === null) continue;
    const cost = input.costByCamera?.get(camera.id);
    const costMs = cost !== undefined && Number.isFinite(cost) && cost > 0 ? cost : 0;
    candidates.push({ camera, to, pixels: camera.width * camera.height, costMs, order });
  }
  if (candidates.length === 0) {
    return refuse(`every enabled camera is at or below the ladder floor (${floorOf(ladder)}); nothing can go lower`);
  }
  candidates.sort((a, b) => b.costMs - a.costMs || b.pixels - a.pixels || a.order - b.order);
  const chosen = candidates[0] as Candidate;
  const { camera, to } = chosen;
  const measured = input.costByCamera !== undefined && chosen.costMs > 0;
  const reason = measured
    ? `${camera.id} spent ${formatMs(chosen.costMs)} ms in the recent window, the most of the enabled cameras that can go lower`
    : `${camera.id} has the most pixels (${camera.resolution}) of the enabled cameras that can go lower`;
  return {
    ok: true,
    plan: {
      actionId: LOWER_RESOLUTION_ACTION_ID,
      file,
      patches: [{ path: [...camera.path, 'resolution'], from: camera.resolution, to, reason }],
      summary: `${camera.id} ${camera.resolution} -> ${to}`,
    },
  };
}

function floorOf(ladder: readonly string[]): string {
  let floor = ladder[0] ?? '';
  for (const step of ladder) if (pixelCount(step) < pixelCount(floor)) floor = step;
  return floor;
}

function formatMs(ms: number): string {
  return ms >= 10 ? String(Math.round(ms)) : ms.toFixed(1);
}
