// zoomtop's own settings as the app uses them (camelCase, milliseconds), and the default of every one.
import { DEFAULT_FPS_CEILING, DEFAULT_FPS_FLOOR, DEFAULT_FPS_STEP } from '../actions/fps-planners.js';
import { DEFAULT_LADDER } from '../actions/resolution-ladder.js';
import { DEFAULT_SETTLE_MS } from '../actions/effect-tracker.js';
import type { LogLevel } from '../app/log-file.js';
import { DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES } from '../rules/default-rules.js';
import type { AlertRule, SuggestionRule } from '../rules/types.js';

/** Auto mode's gate (see AutoGateOptions). */
export type AutoSettings = {
  /** At most one automatic action per this period; default 300 000 ms. */
  cooldownMs: number;
  /** A suggestion's condition must have held this long; default 30 000 ms. */
  minDurationMs: number;
  /** At most this many automatic actions in any hour; default 6. */
  maxPerHour: number;
};

/** The optimizer's settings; assignable to ActionSettings, plus the effect and auto-mode timings. */
export type ZoomtopActionSettings = {
  ladder: string[];
  fpsStep: number;
  fpsFloor: number;
  fpsCeiling: number;
  /** How long the effect of an applied action is watched; default 15 000 ms. */
  settleMs: number;
  auto: AutoSettings;
};

export type ZoomtopConfig = {
  intervalMs: number;
  /** The defaults with the file's overrides and additions, disabled ones left out; by id, defaults first. */
  alerts: AlertRule[];
  suggestions: SuggestionRule[];
  actions: ZoomtopActionSettings;
  /** Absolute path of the app's YAML config; null: none (the demo's copy with --demo). */
  appConfig: string | null;
  /** null: chosen from the terminal. */
  theme: string | null;
  /** null: StatsD ingest off. */
  statsd: { host: string; port: number } | null;
  logLevel: LogLevel;
};

/** Every default; what zoomtop runs with when there is no zoomtop.yaml. */
export const DEFAULT_ZOOMTOP_CONFIG: ZoomtopConfig = {
  intervalMs: 1000,
  alerts: DEFAULT_ALERT_RULES.map((rule) => ({ ...rule })),
  suggestions: DEFAULT_SUGGESTION_RULES.map((rule) => ({ ...rule, actionIds: [...rule.actionIds] })),
  actions: {
    ladder: [...DEFAULT_LADDER],
    fpsStep: DEFAULT_FPS_STEP,
    fpsFloor: DEFAULT_FPS_FLOOR,
    fpsCeiling: DEFAULT_FPS_CEILING,
    settleMs: DEFAULT_SETTLE_MS,
    // AutoGate's own defaults, repeated here because they are private to it.
    auto: { cooldownMs: 300_000, minDurationMs: 30_000, maxPerHour: 6 },
  },
  appConfig: null,
  theme: null,
  statsd: { host: '127.0.0.1', port: 8125 },
  logLevel: 'info',
};

/** Fields a rule added in the file (an id that is not a default's) may leave out. */
export const NEW_ALERT_DEFAULTS = { minDurationMs: 0 } as const;
export const NEW_SUGGESTION_DEFAULTS = {
  forMs: 5000,
  expireAfterMs: 30_000,
  impact: 'medium',
  effort: 'medium',
  priority: 2,
  automated: false,
} as const;
