// Alert and suggestion shapes: rules are data, events are what they produce.

export type AlertLevel = 'info' | 'warning' | 'critical';

/** Names of the snapshot figures that rules can watch. */
export type MetricId = 'cpuPercent' | 'memoryPercent' | 'diskWriteBytesPerSec' | 'appFps';

/** One threshold rule; a separate clear level gives hysteresis, minDurationMs debounces. */
export type AlertRule = {
  id: string;
  metric: MetricId;
  level: AlertLevel;
  /** Raised when the metric stays above this for minDurationMs. */
  above: number;
  /** Cleared when the metric falls below this (<= above). */
  clearBelow: number;
  minDurationMs: number;
  /** Message template; {value} is replaced by the formatted value. */
  message: string;
};

/** One line of the alert log; repeats within the merge window raise `count`. */
export type AlertEntry = {
  ruleId: string;
  level: AlertLevel;
  message: string;
  value: number;
  firstAtMs: number;
  /** When it was last raised; the log is ordered by this. */
  lastAtMs: number;
  /** When it was last seen holding; a repeat merges when raised within the window after this. */
  lastSeenMs: number;
  /** When its rule last cleared (the metric fell below the clear level); null while it holds. */
  clearedAtMs: number | null;
  count: number;
};

export type Impact = 'high' | 'medium' | 'low';

/** A row of the suggestion table: its condition and the actions it offers, linked by id. */
export type SuggestionRule = {
  id: string;
  metric: MetricId;
  above: number;
  /** How long the metric must stay above before the suggestion appears. */
  forMs: number;
  /** How long the condition must be clear before the suggestion goes away. */
  expireAfterMs: number;
  text: string;
  impact: Impact;
  effort: Impact;
  priority: number;
  automated: boolean;
  actionIds: string[];
};

/** A suggestion that is active now: its rule's description, the value that holds it and since when. */
export type Suggestion = Pick<SuggestionRule, 'id' | 'text' | 'impact' | 'effort' | 'priority' | 'automated' | 'actionIds' | 'metric'> & {
  value: number;
  sinceMs: number;
};
