// Alert and suggestion shapes: rules are data, events are what they produce.

export type AlertLevel = 'info' | 'warning' | 'critical';

/** Names of the snapshot figures that rules can watch: the machine's, the app's, and a Pi's health. */
export type MetricId = MachineMetricId | PiMetricId;

export type MachineMetricId = 'cpuPercent' | 'memoryPercent' | 'diskWriteBytesPerSec' | 'appFps';

/** Raspberry Pi health figures (flags read 1 while they hold, else 0); null on other machines, so their rules never fire there. */
export type PiMetricId = 'socTemperatureC' | 'underVoltageNow' | 'throttledNow' | 'softTemperatureLimitNow' | 'armFrequencyCappedNow';

/** One threshold rule; a separate clear level gives hysteresis, minDurationMs debounces. */
export type AlertRule<M extends string = MetricId> = {
  id: string;
  metric: M;
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
export type SuggestionRule<M extends string = MetricId> = {
  id: string;
  metric: M;
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
