// Validated zoomtop.yaml -> ZoomtopConfig: snake_case to camelCase and durations to milliseconds, once, over the defaults.
import path from 'node:path';
import { parseHostPort } from '../app/options.js';
import { metricLabel } from '../rules/metrics.js';
import type { AlertRule, SuggestionRule } from '../rules/types.js';
import { parseDuration } from '../views/format.js';
import { DEFAULT_ZOOMTOP_CONFIG, NEW_ALERT_DEFAULTS, NEW_SUGGESTION_DEFAULTS } from './zoomtop-config-defaults.js';
import type { ZoomtopConfig } from './zoomtop-config-defaults.js';
import type { RawAlertRule, RawSuggestionRule, RawZoomtopConfig } from './zoomtop-config-raw.js';

export type MapContext = {
  /** The config file; relative app_config paths are relative to its directory. */
  file: string;
  /** For a leading ~/ in app_config. */
  home: string;
};

/** Call only with data that passed the schema and checkZoomtopConfig. */
export function toZoomtopConfig(raw: RawZoomtopConfig, context: MapContext): ZoomtopConfig {
  const d = DEFAULT_ZOOMTOP_CONFIG;
  const ms = (text: string | undefined, fallback: number) => (text === undefined ? fallback : (parseDuration(text) ?? fallback));
  const a = raw.actions ?? {};
  // A copy throughout: callers may change their config without touching the defaults.
  return structuredClone<ZoomtopConfig>({
    intervalMs: ms(raw.interval, d.intervalMs),
    alerts: mergeById(d.alerts, raw.alerts ?? [], toAlert),
    suggestions: mergeById(d.suggestions, raw.suggestions ?? [], toSuggestion),
    actions: {
      ladder: a.ladder ? [...a.ladder] : [...d.actions.ladder],
      fpsStep: a.fps_step ?? d.actions.fpsStep,
      fpsFloor: a.fps_floor ?? d.actions.fpsFloor,
      fpsCeiling: a.fps_ceiling ?? d.actions.fpsCeiling,
      settleMs: ms(a.settle_period, d.actions.settleMs),
      auto: {
        cooldownMs: ms(a.auto?.cooldown, d.actions.auto.cooldownMs),
        minDurationMs: ms(a.auto?.min_duration, d.actions.auto.minDurationMs),
        maxPerHour: a.auto?.max_per_hour ?? d.actions.auto.maxPerHour,
      },
    },
    appConfig: raw.app_config == null ? d.appConfig : resolvePath(raw.app_config, context),
    theme: raw.theme === undefined ? d.theme : raw.theme,
    statsd: raw.statsd === undefined ? d.statsd : raw.statsd === false ? null : parseHostPort(raw.statsd),
    logLevel: raw.log_level ?? d.logLevel,
  });
}

function resolvePath(file: string, context: MapContext): string {
  if (file === '~' || file.startsWith('~/')) return path.join(context.home, file.slice(1));
  return path.resolve(path.dirname(context.file), file);
}

/** Defaults in their order with the file's entries merged in by id, then new ids in file order; disabled ones dropped. */
function mergeById<Rule extends { id: string }, Raw extends { id: string; enabled?: boolean }>(
  defaults: readonly Rule[],
  entries: readonly Raw[],
  merge: (entry: Raw, base: Rule | undefined) => Rule,
): Rule[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const merged = defaults.map((base) => ({ rule: byId.has(base.id) ? merge(byId.get(base.id)!, base) : base, enabled: byId.get(base.id)?.enabled }));
  const added = entries.filter((e) => !defaults.some((r) => r.id === e.id)).map((e) => ({ rule: merge(e, undefined), enabled: e.enabled }));
  return [...merged, ...added].filter((r) => r.enabled !== false).map((r) => r.rule);
}

function toAlert(e: RawAlertRule, base: AlertRule | undefined): AlertRule {
  // Schema and checks guarantee metric, level and above for a new rule.
  const metric = e.metric ?? base!.metric;
  const above = e.above ?? base!.above;
  return {
    id: e.id,
    metric,
    level: e.level ?? base!.level,
    above,
    clearBelow: e.clear_below ?? base?.clearBelow ?? above,
    minDurationMs: e.min_duration === undefined ? (base?.minDurationMs ?? NEW_ALERT_DEFAULTS.minDurationMs) : parseDuration(e.min_duration)!,
    message: e.message ?? base?.message ?? `${metricLabel(metric)}: {value}`,
  };
}

function toSuggestion(e: RawSuggestionRule, base: SuggestionRule | undefined): SuggestionRule {
  const n = NEW_SUGGESTION_DEFAULTS;
  const dur = (text: string | undefined, fallback: number) => (text === undefined ? fallback : parseDuration(text)!);
  return {
    id: e.id,
    metric: e.metric ?? base!.metric,
    above: e.above ?? base!.above,
    forMs: dur(e.for, base?.forMs ?? n.forMs),
    expireAfterMs: dur(e.expire_after, base?.expireAfterMs ?? n.expireAfterMs),
    text: e.text ?? base!.text,
    impact: e.impact ?? base?.impact ?? n.impact,
    effort: e.effort ?? base?.effort ?? n.effort,
    priority: e.priority ?? base?.priority ?? n.priority,
    automated: e.automated ?? base?.automated ?? n.automated,
    actionIds: [...(e.action_ids ?? base?.actionIds ?? [])],
  };
}
