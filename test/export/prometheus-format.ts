// A strict checker of Prometheus text format 0.0.4, for tests on machines without promtool.
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/;
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"/;
const FLOAT = /^(?:[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|[+-]Inf|NaN)$/;

export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Family = { name: string; type: string; help: string; samples: Sample[] };

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const match = LABEL.exec(rest);
    if (!match) throw new Error(`${where}: bad label text ${JSON.stringify(rest)}`);
    const [whole, name, raw] = match as unknown as [string, string, string];
    if (name in labels) throw new Error(`${where}: label ${name} twice`);
    labels[name] = raw.replace(/\\([\\"n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(whole.length);
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (rest !== '') throw new Error(`${where}: expected "," after label ${name}`);
  }
  return labels;
}

function parseValue(text: string, where: string): number {
  if (!FLOAT.test(text)) throw new Error(`${where}: ${JSON.stringify(text)} is not a float`);
  return text === 'NaN' ? NaN : text.endsWith('Inf') ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text);
}

/** Throws on the first violation: syntax, families split or typed twice, samples outside their family, duplicate series, bad histograms. */
export function checkExposition(text: string): Family[] {
  if (text !== '' && !text.endsWith('\n')) throw new Error('exposition must end with a line feed');
  const families: Family[] = [];
  const seenFamilies = new Set<string>();
  const seenSeries = new Set<string>();
  let family: Family | undefined;
  text.split('\n').slice(0, -1).forEach((line, i) => {
    const where = `line ${i + 1}`;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      if (!NAME.test(name)) throw new Error(`${where}: bad metric name ${name}`);
      if (family?.name !== name) {
        if (seenFamilies.has(name)) throw new Error(`${where}: family ${name} is not contiguous`);
        seenFamilies.add(name);
        family = { name, type: 'untyped', help: '', samples: [] };
        families.push(family);
      }
      if (kind === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) throw new Error(`${where}: bad type ${rest}`);
        if (family.samples.length > 0) throw new Error(`${where}: TYPE after samples`);
        family.type = rest;
      } else family.help = rest;
      return;
    }
    if (line.startsWith('#')) return;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`${where}: not a sample: ${JSON.stringify(line)}`);
    const [, name, , labelText, valueText] = match as unknown as [string, string, string, string | undefined, string];
    const suffixes = family?.type === 'histogram' ? ['_bucket', '_sum', '_count'] : [''];
    if (!family || !suffixes.some((s) => name === family!.name + s)) throw new Error(`${where}: sample ${name} outside its family`);
    const labels = parseLabels(labelText ?? '', where);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seenSeries.has(key)) throw new Error(`${where}: duplicate series ${key}`);
    seenSeries.add(key);
    const value = parseValue(valueText, where);
    if (family.type === 'counter' && !(value >= 0)) throw new Error(`${where}: counter ${name} is ${value}`);
    family.samples.push({ name, labels, value });
  });
  for (const f of families) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

function checkHistogram(family: Family): void {
  const groups = new Map<string, { buckets: [number, number][]; count?: number; sum?: number }>();
  for (const s of family.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const group = groups.get(key) ?? { buckets: [] };
    groups.set(key, group);
    if (s.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${family.name}: bucket without le ${key}`);
      group.buckets.push([parseValue(le, family.name), s.value]);
    } else if (s.name.endsWith('_count')) group.count = s.value;
    else group.sum = s.value;
  }
  for (const [key, group] of groups) {
    const last = group.buckets[group.buckets.length - 1];
    if (!last || last[0] !== Infinity) throw new Error(`${family.name}${key}: no +Inf bucket`);
    if (last[1] !== group.count) throw new Error(`${family.name}${key}: +Inf bucket ${last[1]} != count ${group.count}`);
    if (group.sum === undefined) throw new Error(`${family.name}${key}: no _sum`);
    for (let i = 1; i < group.buckets.length; i++) {
      const [prevLe, prevCount] = group.buckets[i - 1] as [number, number];
      const [le, count] = group.buckets[i] as [number, number];
      if (!(le > prevLe) || count < prevCount) throw new Error(`${family.name}${key}: buckets not ascending and cumulative at le=${le}`);
    }
  }
}
