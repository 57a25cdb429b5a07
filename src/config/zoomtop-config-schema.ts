// The JSON Schema of zoomtop.yaml: what ajv validates and what examples/zoomtop.schema.json publishes for editors.
import { fileURLToPath } from 'node:url';
import { ACTION_IDS } from '../actions/action-table.js';
import { LOG_LEVELS } from '../app/log-file.js';
import type { MetricId } from '../rules/types.js';
import { DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES } from '../rules/default-rules.js';

/** Every MetricId; the type check below fails the build when one is added to the type but not here. */
export const METRIC_IDS = [
  'cpuPercent',
  'memoryPercent',
  'diskWriteBytesPerSec',
  'appFps',
  'socTemperatureC',
  'underVoltageNow',
  'throttledNow',
  'softTemperatureLimitNow',
  'armFrequencyCappedNow',
] as const satisfies readonly MetricId[];
type MissingMetric = Exclude<MetricId, (typeof METRIC_IDS)[number]>;
const allMetricsListed: MissingMetric extends never ? true : never = true;
void allMetricsListed;

/*
 * Sections may be null ("alerts:" with every entry commented out): that is the defaults.
 * Error messages are built from each leaf's `title` (a noun phrase: "is not <title>") and its first
 * `examples` entry (the fix: "write it like ..."), so every leaf schema needs both.
 */
const duration = (example: string) => ({
  type: 'string',
  pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)$',
  title: 'a duration like 1s, 500ms, 5m or 1h',
  examples: [example],
});
const number = (title: string, example: number, extra: object = {}) => ({ type: 'number', title, examples: [example], ...extra });
const ruleId = (example: string) => ({
  type: 'string',
  pattern: '^[a-z0-9][a-z0-9_-]*$',
  title: 'a rule id of lower-case letters, digits, - and _',
  examples: [example],
});
const metric = { enum: [...METRIC_IDS], title: 'a metric', examples: ['cpuPercent'] };
const enabled = { type: 'boolean', title: 'true or false', examples: [false], description: 'false turns a rule off (a default one too)' };
const impact = { enum: ['high', 'medium', 'low'], title: 'high, medium or low', examples: ['medium'] };

const alertRule = {
  type: 'object',
  title: 'an alert rule',
  description: 'An entry with the id of a default rule changes only the fields it gives; a new id needs metric, level and above.',
  examples: [{ id: 'cpu-high', above: 90 }],
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: ruleId('cpu-high'),
    enabled,
    metric,
    level: { enum: ['info', 'warning', 'critical'], title: 'an alert level', examples: ['warning'] },
    above: number('a number', 85, { description: 'Raised when the metric stays above this for min_duration.' }),
    clear_below: number('a number', 80, { description: 'Cleared when the metric falls below this (at most above); default: above.' }),
    min_duration: duration('3s'),
    message: { type: 'string', minLength: 1, title: 'a message', examples: ['machine CPU high: {value}'], description: '{value} is replaced by the value.' },
  },
  if: { properties: { id: { not: { enum: DEFAULT_ALERT_RULES.map((r) => r.id) } } } },
  then: { required: ['metric', 'level', 'above'] },
};

const suggestionRule = {
  type: 'object',
  title: 'a suggestion rule',
  description: 'An entry with the id of a default rule changes only the fields it gives; a new id needs metric, above and text.',
  examples: [{ id: 'cpu-saturated', above: 90 }],
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: ruleId('cpu-saturated'),
    enabled,
    metric,
    above: number('a number', 95),
    for: duration('5s'),
    expire_after: duration('30s'),
    text: { type: 'string', minLength: 1, title: 'a text', examples: ['lower camera resolution'] },
    impact,
    effort: impact,
    priority: { type: 'integer', minimum: 1, title: 'a priority (1 is the most urgent)', examples: [1] },
    automated: { type: 'boolean', title: 'true or false', examples: [true], description: 'Whether auto mode may apply its actions.' },
    action_ids: {
      type: 'array',
      title: 'a list of action ids',
      examples: [['lower-resolution', 'lower-fps']],
      uniqueItems: true,
      items: { enum: [...ACTION_IDS], title: 'an action id', examples: ['lower-fps'] },
    },
  },
  if: { properties: { id: { not: { enum: DEFAULT_SUGGESTION_RULES.map((r) => r.id) } } } },
  then: { required: ['metric', 'above', 'text'] },
};

const positive = (example: number) => number('a positive number', example, { exclusiveMinimum: 0 });

const actions = {
  type: ['object', 'null'],
  title: 'the optimizer settings',
  examples: [{ fps_step: 5 }],
  additionalProperties: false,
  properties: {
    ladder: {
      type: 'array',
      title: 'a list of resolutions',
      examples: [['1920x1080', '1280x720', '640x480']],
      minItems: 1,
      items: { type: 'string', pattern: '^\\d{1,5}[xX]\\d{1,5}$', title: 'a resolution WIDTHxHEIGHT', examples: ['1280x720'] },
    },
    fps_step: positive(5),
    fps_floor: positive(15),
    fps_ceiling: positive(30),
    settle_period: duration('15s'),
    auto: {
      type: ['object', 'null'],
      title: 'the auto mode settings',
      examples: [{ cooldown: '5m' }],
      additionalProperties: false,
      properties: {
        cooldown: duration('5m'),
        min_duration: duration('30s'),
        max_per_hour: { type: 'integer', minimum: 1, title: 'a whole number of at least 1', examples: [6] },
      },
    },
  },
};

/** The schema, draft-07 (ajv's default dialect, and what most YAML editors read). */
export const ZOOMTOP_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'zoomtop.yaml',
  description: 'Settings of zoomtop, the ZoomCam dashboard. ${VAR} and ${VAR:default} in values are taken from the environment.',
  type: 'object',
  examples: [{ interval: '1s' }],
  additionalProperties: false,
  properties: {
    interval: { ...duration('1s'), description: 'Sampling interval, 100ms to 1h.' },
    alerts: { type: ['array', 'null'], title: 'a list of alert rules', examples: [[{ id: 'cpu-high', above: 90 }]], items: alertRule },
    suggestions: { type: ['array', 'null'], title: 'a list of suggestion rules', examples: [[{ id: 'cpu-saturated', above: 90 }]], items: suggestionRule },
    actions,
    app_config: {
      type: ['string', 'null'],
      minLength: 1,
      title: 'a path to the app\'s YAML config',
      examples: ['/etc/zoomcam/config.yaml'],
      description: 'Relative paths are relative to this file; null: none (the demo\'s copy with --demo).',
    },
    theme: {
      type: ['string', 'null'],
      pattern: '^[a-zA-Z0-9][a-zA-Z0-9_-]*$',
      title: 'a theme name',
      examples: ['default'],
      description: 'default, light, high-contrast, mono, console, or one in the themes/ folder beside this file; null: from the terminal.',
    },
    statsd: {
      anyOf: [{ type: 'string', pattern: '^(?:\\[[^\\]]+\\]|[^:]*):\\d{1,5}$' }, { const: false }],
      title: 'HOST:PORT or false',
      examples: ['127.0.0.1:8125'],
      description: 'Where to listen for StatsD timers and gauges; false: do not listen.',
    },
    log_level: { enum: [...LOG_LEVELS], title: 'a log level', examples: ['info'] },
  },
} as const;

/** The published file's text: examples/zoomtop.schema.json holds exactly this. */
export function zoomtopSchemaText(): string {
  return `${JSON.stringify(ZOOMTOP_SCHEMA, null, 2)}\n`;
}

/** examples/zoomtop.schema.json in the installed package (dist/src/config -> package root). */
export const PUBLISHED_SCHEMA_FILE = fileURLToPath(new URL('../../../examples/zoomtop.schema.json', import.meta.url));
