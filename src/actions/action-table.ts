// Planners by action id: suggestions name an action id, this table turns it into a plan.
import type { AppConfig } from '../config/app-config.js';
import { DISABLE_CAMERA_ACTION_ID, ENABLE_CAMERA_ACTION_ID, planDisableCamera, planEnableCamera } from './camera-toggle.js';
import { LOWER_FPS_ACTION_ID, planLowerFps, planRaiseFps, RAISE_FPS_ACTION_ID } from './fps-planners.js';
import { LOWER_RESOLUTION_ACTION_ID, planLowerResolution } from './lower-resolution.js';
import { planRaiseResolution, RAISE_RESOLUTION_ACTION_ID } from './raise-resolution.js';
import { planReclaimMemory, RECLAIM_MEMORY_ACTION_ID } from './reclaim-memory.js';
import type { ReclaimHost } from './reclaim-memory.js';
import type { PlanResult } from './types.js';

/** Ladder, steps and floors of the actions; each has a default, zoomtop's own config overrides them. */
export type ActionSettings = {
  /** Resolution ladder for lower-/raise-resolution; default 1920x1080, 1280x720, 640x480. */
  ladder?: readonly string[];
  /** lower-/raise-fps step; default 5. */
  fpsStep?: number;
  /** lower-fps floor; default 15. */
  fpsFloor?: number;
  /** raise-fps ceiling; default 30. */
  fpsCeiling?: number;
};

export type PlanContext = {
  file: string;
  config: AppConfig;
  /** Milliseconds each camera spent in the recent window, from the timing registry. */
  costByCamera: ReadonlyMap<string, number>;
  /** Default: every default above. */
  settings?: ActionSettings;
  /** Where the app runs, for reclaim-memory; default external. */
  host?: ReclaimHost;
};

export type Planner = (context: PlanContext) => PlanResult;

/** One action: its planner and how it may be used. */
export type ActionSpec = {
  id: string;
  /** Whether auto mode may apply it; the reverse actions and disable-camera are offered only. */
  automated: boolean;
  /** Which way the watched metric should move when the action helps. */
  expect: 'decrease' | 'increase';
  plan: Planner;
};

/** Every action, lowering ones first. */
export const ACTIONS: readonly ActionSpec[] = [
  {
    id: LOWER_RESOLUTION_ACTION_ID,
    automated: true,
    expect: 'decrease',
    plan: (c) => planLowerResolution({ file: c.file, config: c.config, ladder: c.settings?.ladder, costByCamera: c.costByCamera.size > 0 ? c.costByCamera : undefined }),
  },
  { id: LOWER_FPS_ACTION_ID, automated: true, expect: 'decrease', plan: (c) => planLowerFps({ file: c.file, config: c.config, stepFps: c.settings?.fpsStep, floorFps: c.settings?.fpsFloor }) },
  { id: RECLAIM_MEMORY_ACTION_ID, automated: true, expect: 'decrease', plan: (c) => planReclaimMemory({ file: c.file, config: c.config, host: c.host }) },
  // Turning a camera off loses its picture: an operator decides that, never auto mode.
  { id: DISABLE_CAMERA_ACTION_ID, automated: false, expect: 'decrease', plan: (c) => planDisableCamera({ file: c.file, config: c.config }) },
  { id: RAISE_RESOLUTION_ACTION_ID, automated: false, expect: 'increase', plan: (c) => planRaiseResolution({ file: c.file, config: c.config, ladder: c.settings?.ladder }) },
  { id: RAISE_FPS_ACTION_ID, automated: false, expect: 'increase', plan: (c) => planRaiseFps({ file: c.file, config: c.config, stepFps: c.settings?.fpsStep, ceilingFps: c.settings?.fpsCeiling }) },
  { id: ENABLE_CAMERA_ACTION_ID, automated: false, expect: 'increase', plan: (c) => planEnableCamera({ file: c.file, config: c.config }) },
];

export const ACTION_IDS: readonly string[] = ACTIONS.map((a) => a.id);

export const PLANNERS: Readonly<Record<string, Planner>> = Object.fromEntries(ACTIONS.map((a) => [a.id, a.plan]));

export function findAction(id: string): ActionSpec | undefined {
  return ACTIONS.find((a) => a.id === id);
}
