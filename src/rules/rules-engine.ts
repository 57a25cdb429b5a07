// Runs the pure evaluators on each snapshot and keeps their state; the alert log is the one side effect.
import type { Snapshot } from '../store/snapshot.js';
import { evaluateAlerts, type RuleState } from './alert-evaluator.js';
import { AlertLog } from './alert-log.js';
import { formatMetric, readMetric } from './metrics.js';
import { evaluateSuggestions, type SuggestionState } from './suggestion-evaluator.js';
import type { AlertEntry, AlertRule, MetricId, Suggestion, SuggestionRule } from './types.js';

export type RulesOutcome = {
  alerts: readonly AlertEntry[];
  suggestions: Suggestion[];
  /** Rule ids raised by this evaluation (for events). */
  raised: string[];
};

export class RulesEngine {
  private alertStates = new Map<string, RuleState>();
  private suggestionStates = new Map<string, SuggestionState>();
  private suggestions: Suggestion[] = [];

  constructor(
    private readonly alertRules: readonly AlertRule[],
    private readonly suggestionRules: readonly SuggestionRule[],
    readonly log: AlertLog = new AlertLog(),
  ) {}

  evaluate(snapshot: Snapshot): RulesOutcome {
    const read = (metric: MetricId): number | null => readMetric(snapshot, metric);
    const nowMs = snapshot.atMs;
    const alerts = evaluateAlerts(this.alertRules, read, this.alertStates, nowMs);
    this.alertStates = alerts.states;
    for (const raised of alerts.raised) {
      const rule = this.alertRules.find((r) => r.id === raised.ruleId)!;
      const message = rule.message.replace('{value}', formatMetric(raised.metric, raised.value));
      this.log.add({ ruleId: raised.ruleId, level: raised.level, message, value: raised.value, atMs: nowMs });
    }
    for (const ruleId of alerts.cleared) this.log.markCleared(ruleId, nowMs);
    for (const [ruleId, state] of this.alertStates) {
      if (state.active) this.log.touch(ruleId, nowMs);
    }
    const suggestions = evaluateSuggestions(this.suggestionRules, read, this.suggestionStates, nowMs);
    this.suggestionStates = suggestions.states;
    this.suggestions = suggestions.active;
    return { alerts: this.log.list(), suggestions: this.suggestions, raised: alerts.raised.map((r) => r.ruleId) };
  }

  /**
   * Clears the alert log (the c key) except the alerts whose condition still holds: a rule raises once
   * when its condition starts, so a cleared active alert would not come back while the problem went on.
   */
  clearLog(): void {
    this.log.clear((entry) => entry.clearedAtMs === null && this.alertStates.get(entry.ruleId)?.active === true);
  }

  /** The latest outcome without evaluating again (for re-renders on keys). */
  current(): RulesOutcome {
    return { alerts: this.log.list(), suggestions: this.suggestions, raised: [] };
  }
}
