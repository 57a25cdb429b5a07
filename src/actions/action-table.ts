// Planners by action id: suggestions name an action id, this table turns it into a plan.
import type { AppConfig } from '../config/app-config.js';
import { LOWER_RESOLUTION_ACTION_ID, planLowerResolution } from './lower-resolution.js';
import type { PlanResult } from './types.js';

export type PlanContext = {
  file: string;
  config: AppConfig;
  /** Milliseconds each camera spent in the recent window, from the timing registry. */
  costByCamera: ReadonlyMap<string, number>;
};

export type Planner = (context: PlanContext) => PlanResult;

export const PLANNERS: Readonly<Record<string, Planner>> = {
  [LOWER_RESOLUTION_ACTION_ID]: (c) => planLowerResolution({ file: c.file, config: c.config, costByCamera: c.costByCamera.size > 0 ? c.costByCamera : undefined }),
};
