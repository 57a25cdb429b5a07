// Shapes of planned config changes: what an action would write, and why.

/** One value to change in a YAML file, by path of keys. */
export type ConfigPatch = {
  /** Key path from the document root, e.g. ['cameras', 'front_door', 'resolution']. */
  path: (string | number)[];
  from: string | number | boolean;
  to: string | number | boolean;
  reason: string;
};

/** A planned action, ready to preview and apply. */
export type ActionPlan = {
  actionId: string;
  file: string;
  patches: ConfigPatch[];
  /** One line for the operator, e.g. "front_door 1920x1080 -> 1280x720". */
  summary: string;
  /** A step that changes the running app instead of its file (reclaim-memory); patches are then empty. */
  run?: RunStep;
};

/** Something done to the running app rather than written to its config. */
export type RunStep =
  | { kind: 'signal'; signal: string; pidFile: string }
  | { kind: 'command'; argv: string[] }
  /** global.gc in this process, for an app that embeds the zoomtop library. */
  | { kind: 'gc' };

/** Why an action cannot be planned now (at the floor, file unreadable, ...). */
export type PlanRefusal = {
  actionId: string;
  file: string;
  reason: string;
};

export type PlanResult = { ok: true; plan: ActionPlan } | { ok: false; refusal: PlanRefusal };

/** Result of writing a plan to disk. */
export type ApplyResult =
  | { ok: true; file: string; backupFile: string; appliedAtMs: number }
  | { ok: false; file: string; error: string };
