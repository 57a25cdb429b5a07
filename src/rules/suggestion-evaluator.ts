// Pure: which suggestions hold now, given how long their conditions have held or been clear.
import type { MetricId, Suggestion, SuggestionRule } from './types.js';

export type SuggestionState = {
  aboveSinceMs: number | null;
  /** When the condition last held; the suggestion expires expireAfterMs after this. */
  lastHeldMs: number | null;
  active: Suggestion | null;
};

export type SuggestionEvaluation = {
  states: Map<string, SuggestionState>;
  /** Active suggestions, highest priority (lowest number) first, then oldest first. */
  active: Suggestion[];
};

export function evaluateSuggestions(
  rules: readonly SuggestionRule[],
  read: (metric: MetricId) => number | null,
  previous: ReadonlyMap<string, SuggestionState>,
  nowMs: number,
): SuggestionEvaluation {
  const states = new Map<string, SuggestionState>();
  const active: Suggestion[] = [];
  for (const rule of rules) {
    const before = previous.get(rule.id) ?? { aboveSinceMs: null, lastHeldMs: null, active: null };
    const value = read(rule.metric);
    let { aboveSinceMs, lastHeldMs, active: current } = before;
    if (value !== null) {
      if (value > rule.above) {
        aboveSinceMs ??= nowMs;
        if (nowMs - aboveSinceMs >= rule.forMs) {
          lastHeldMs = nowMs;
          current = current ? { ...current, value } : toSuggestion(rule, value, nowMs);
        }
      } else {
        aboveSinceMs = null;
      }
    }
    // Suggestions go away once their condition has been clear for a while (the original kept them forever).
    if (current && lastHeldMs !== null && nowMs - lastHeldMs >= rule.expireAfterMs) current = null;
    states.set(rule.id, { aboveSinceMs, lastHeldMs, active: current });
    if (current) active.push(current);
  }
  active.sort((a, b) => a.priority - b.priority || a.sinceMs - b.sinceMs);
  return { states, active };
}

function toSuggestion(rule: SuggestionRule, value: number, nowMs: number): Suggestion {
  return {
    id: rule.id,
    text: rule.text,
    impact: rule.impact,
    effort: rule.effort,
    priority: rule.priority,
    automated: rule.automated,
    actionIds: [...rule.actionIds],
    metric: rule.metric,
    value,
    sinceMs: nowMs,
  };
}
