// Builds Prometheus text exposition (format 0.0.4): one contiguous family per metric name, escaped labels and help.

export type PrometheusType = 'gauge' | 'counter' | 'histogram';

/** Label name -> value, in the order they are written; an undefined value leaves the label out. */
export type Labels = Readonly<Record<string, string | undefined>>;

/** The Content-Type a scrape answers with. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Label values escape backslash, double quote and line feed; nothing else may be escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** HELP text escapes backslash and line feed (a quote is literal there). */
export function escapeHelp(text: string): string {
  return text.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}

/** Go's ParseFloat reads JS number text as is, except the infinities and NaN, which have their own words. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** A percent as a 0-1 ratio; 15 significant digits drop the division's binary noise (73.24 % -> 0.7324, not 0.7323999999999999). */
export function ratio(percent: number | null | undefined): number | null {
  return percent === null || percent === undefined ? null : Number((percent / 100).toPrecision(15));
}

export function formatLabels(labels: Labels): string {
  let out = '';
  for (const name in labels) {
    const value = labels[name];
    if (value === undefined) continue;
    out += `${out === '' ? '' : ','}${name}="${escapeLabelValue(value)}"`;
  }
  return out === '' ? '' : `{${out}}`;
}

/** Accumulates the text; families are written whole, so a name never appears in two places. */
export class ExpositionBuilder {
  // One growing string: V8 joins it lazily, so 18 000 lines cost one copy at the end, not one per line.
  private out = '';
  private readonly names = new Set<string>();

  /** Starts a family: HELP and TYPE lines. A second family of the same name is a programming error. */
  family(name: string, type: PrometheusType, help: string): this {
    if (this.names.has(name)) throw new Error(`Prometheus exposition: family ${name} written twice; families must be contiguous`);
    this.names.add(name);
    this.out += `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`;
    return this;
  }

  sample(name: string, labels: Labels, value: number): this {
    this.out += `${name}${formatLabels(labels)} ${formatSampleValue(value)}\n`;
    return this;
  }

  /** A one-sample gauge family; left out entirely when the value is unknown (never a made-up 0). */
  gauge(name: string, help: string, value: number | null | undefined, labels: Labels = {}): this {
    if (value === null || value === undefined || !Number.isFinite(value)) return this;
    return this.family(name, 'gauge', help).sample(name, labels, value);
  }

  /** Sample lines already formatted by the caller, each ending in a line feed (the hot loop of a large family). */
  raw(lines: string): this {
    this.out += lines;
    return this;
  }

  text(): string {
    return this.out;
  }
}
