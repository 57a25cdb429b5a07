// The commented zoomtop.yaml with every default, written by `zoomtop init` and kept as examples/zoomtop.yaml.
import { yamlLib } from './yaml-lib.js';
import { ACTION_IDS } from '../actions/action-table.js';
import type { AlertRule, SuggestionRule } from '../rules/types.js';
import { DEFAULT_ZOOMTOP_CONFIG } from './zoomtop-config-defaults.js';
import { METRIC_IDS } from './zoomtop-config-schema.js';

export type RenderOptions = {
  /** Where editors find the JSON Schema (yaml-language-server); default "./zoomtop.schema.json". */
  schemaRef?: string;
};

/** 3000 -> "3s", 300000 -> "5m": the largest unit that divides it. */
export function durationText(ms: number): string {
  if (ms > 0 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms > 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** A value as YAML writes it on one line, quoted only where needed. */
const y = (value: unknown): string => yamlLib().stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();

export function renderZoomtopYaml(options: RenderOptions = {}): string {
  const d = DEFAULT_ZOOMTOP_CONFIG;
  const host = d.statsd?.host.includes(':') ? `[${d.statsd.host}]` : d.statsd?.host;
  const statsd = d.statsd === null ? 'false' : `${host}:${d.statsd.port}`;
  return `# yaml-language-server: $schema=${options.schemaRef ?? './zoomtop.schema.json'}
# zoomtop.yaml: zoomtop's own settings. Every value here is the default; delete what you keep as it is.
# Read from --config FILE, else $XDG_CONFIG_HOME/zoomtop/zoomtop.yaml (~/.config/zoomtop/zoomtop.yaml).
# A command-line option wins over the setting it names. \${VAR} and \${VAR:default} take a value from
# the environment (the default when VAR is unset or empty; $\${ writes a literal \${); an unquoted result
# is read as YAML, so \${STEP:5} is a number: quote it to keep it text.

# Sampling interval, 100ms to 1h (--interval).
interval: ${durationText(d.intervalMs)}

# The app's YAML config that optimizer actions edit (--app-config); relative to this file, ~/ allowed.
# null: none given (with --demo, the demo's copy in the zoomtop data directory).
app_config: ${y(d.appConfig)}

# default, light, high-contrast, mono, console, or your own themes/NAME.yaml beside this file (--theme).
# null: chosen from the terminal (console on the Linux console, mono under NO_COLOR).
theme: ${y(d.theme)}

# Where to listen for StatsD timers and gauges, HOST:PORT; false: do not listen (--statsd, --no-statsd).
statsd: ${statsd}

# error, warn, info or debug; the log is zoomtop.log in the zoomtop data directory (--log-level).
log_level: ${d.logLevel}

# Alert rules: raised when the metric stays above \`above\` for min_duration, cleared when it falls
# below clear_below; {value} in the message is the value. An entry with a default rule's id changes
# only the fields it gives, "enabled: false" turns a rule off, and a new id adds a rule (it needs
# metric, level and above). Levels: info, warning, critical.
# Metrics: ${METRIC_IDS.join(', ')}.
alerts:
${d.alerts.map(alertEntry).join('')}
# Suggestions: shown when the metric stays above \`above\` for \`for\`, gone after expire_after clear;
# they offer the actions in action_ids. Entries merge by id as for alerts; a new id needs metric,
# above and text. priority 1 is the most urgent; automated: auto mode may apply its actions.
# Actions: ${ACTION_IDS.join(', ')}.
suggestions:
${d.suggestions.map(suggestionEntry).join('')}
# The optimizer's actions.
actions:
  # Resolution ladder for lower-/raise-resolution: any WIDTHxHEIGHT steps, in any order.
  ladder: ${y(d.actions.ladder)}
  # lower-fps and raise-fps move streaming.target_fps (and camera fps) by fps_step, within floor and ceiling.
  fps_step: ${d.actions.fpsStep}
  fps_floor: ${d.actions.fpsFloor}
  fps_ceiling: ${d.actions.fpsCeiling}
  # How long the effect of an applied action is measured, 1s to 1h.
  settle_period: ${durationText(d.actions.settleMs)}
  # Auto mode (--auto or the A key): at most one action per cooldown, only after the suggestion has
  # held for min_duration, and at most max_per_hour in any hour.
  auto:
    cooldown: ${durationText(d.actions.auto.cooldownMs)}
    min_duration: ${durationText(d.actions.auto.minDurationMs)}
    max_per_hour: ${d.actions.auto.maxPerHour}
`;
}

function alertEntry(rule: AlertRule): string {
  return `  - id: ${y(rule.id)}
    metric: ${rule.metric}
    level: ${rule.level}
    above: ${rule.above}${unitNote(rule.metric, rule.above)}
    clear_below: ${rule.clearBelow}${unitNote(rule.metric, rule.clearBelow)}
    min_duration: ${durationText(rule.minDurationMs)}
    message: ${y(rule.message)}
`;
}

function suggestionEntry(rule: SuggestionRule): string {
  return `  - id: ${y(rule.id)}
    metric: ${rule.metric}
    above: ${rule.above}
    for: ${durationText(rule.forMs)}
    expire_after: ${durationText(rule.expireAfterMs)}
    text: ${y(rule.text)}
    impact: ${rule.impact}
    effort: ${rule.effort}
    priority: ${rule.priority}
    automated: ${rule.automated}
    action_ids: ${y(rule.actionIds)}
`;
}

/** Byte rates are written in bytes; say what that is in MiB/s. */
function unitNote(metric: string, value: number): string {
  return metric === 'diskWriteBytesPerSec' ? `  # bytes per second (${value / 1024 / 1024} MiB/s)` : '';
}
