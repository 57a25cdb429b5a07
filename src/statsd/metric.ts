// Shapes of parsed StatsD metrics and of the reasons a line is rejected.

/** DogStatsD tags (`|#camera:cam1,site:north`); a tag without ':' has the value ''. A Map: keys from the wire never touch an object prototype. */
export type StatsdTags = ReadonlyMap<string, string>;

export type StatsdMetric =
  /** `|ms`, `|h` and `|d` are all timers. */
  | { kind: 'timer'; name: string; valueMs: number; sampleRate: number; tags: StatsdTags }
  /** value is already scaled by 1 / sampleRate. */
  | { kind: 'counter'; name: string; value: number; sampleRate: number; tags: StatsdTags }
  /** delta: the value was written `+N` / `-N` and adds to the gauge instead of setting it. */
  | { kind: 'gauge'; name: string; value: number; delta: boolean; tags: StatsdTags }
  | { kind: 'set'; name: string; member: string; tags: StatsdTags };

export const REJECT_REASONS = [
  'oversized',
  'nul-byte',
  'empty-name',
  'colon-in-name',
  'missing-value',
  'missing-type',
  'unknown-type',
  'non-numeric-value',
  'negative-timer',
  'bad-sample-rate',
  'bad-field',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

export type StatsdReject = { reason: RejectReason; line: string };

export type ParseResult = { metrics: StatsdMetric[]; rejects: StatsdReject[] };

/** Largest UDP payload over IPv4; a datagram larger than this cannot be genuine. */
export const MAX_DATAGRAM_BYTES = 65_507;
