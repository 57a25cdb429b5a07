// Pure threshold classification with hysteresis and a minimum duration; no logging, no side effects.
import type { AlertLevel, AlertRule, MetricId } from './types.js';

/** Per-rule memory between evaluations. */
export type RuleState = {
  /** When the metric first went above the raise level in the current run, or null. */
  aboveSinceMs: number | null;
  active: boolean;
};

export type AlertRaised = {
  ruleId: string;
  level: AlertLevel;
  metric: MetricId;
  value: number;
  atMs: number;
};

export type AlertEvaluation = {
  states: Map<string, RuleState>;
  raised: AlertRaised[];
  cleared: string[];
};

/**
 * Advances every rule by one reading. A rule raises once when its metric has stayed above `above`
 * for `minDurationMs`, and clears only when the metric falls below `clearBelow`.
 * A metric with no reading (null) leaves the rule as it was.
 */
export function evaluateAlerts(
  rules: readonly AlertRule[],
  read: (metric: MetricId) => number | null,
  previous: ReadonlyMap<string, RuleState>,
  nowMs: number,
): AlertEvaluation {
  const states = new Map<string, RuleState>();
  const raised: AlertRaised[] = [];
  const cleared: string[] = [];
  for (const rule of rules) {
    const before = previous.get(rule.id) ?? { aboveSinceMs: null, active: false };
    const value = read(rule.metric);
    if (value === null) {
      states.set(rule.id, before);
      continue;
    }
    let { aboveSinceMs, active } = before;
    if (value > rule.above) aboveSinceMs ??= nowMs;
    else aboveSinceMs = null;
    if (!active && aboveSinceMs !== null && nowMs - aboveSinceMs >= rule.minDurationMs) {
      active = true;
      raised.push({ ruleId: rule.id, level: rule.level, metric: rule.metric, value, atMs: nowMs });
    } else if (active && value < rule.clearBelow) {
      active = false;
      cleared.push(rule.id);
    }
    states.set(rule.id, { aboveSinceMs, active });
  }
  return { states, raised, cleared };
}
