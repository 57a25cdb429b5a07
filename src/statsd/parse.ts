// Parses StatsD / DogStatsD datagrams into metrics; bad lines are rejected whole, by reason, never fatal.
import {
  MAX_DATAGRAM_BYTES,
  type ParseResult,
  type RejectReason,
  type StatsdMetric,
  type StatsdTags,
} from './metric.js';

const EMPTY_TAGS: StatsdTags = new Map();
/** Rejected lines are kept for diagnostics only, so long ones are cut. */
const REJECT_PREVIEW_CHARS = 200;

/** Parses one datagram: lines separated by `\n` (a trailing `\r` is ignored), empty lines skipped. */
export function parseDatagram(datagram: string | Buffer): ParseResult {
  const result: ParseResult = { metrics: [], rejects: [] };
  const byteLength = typeof datagram === 'string' ? Buffer.byteLength(datagram) : datagram.length;
  if (byteLength > MAX_DATAGRAM_BYTES) {
    const head = typeof datagram === 'string' ? datagram.slice(0, 80) : datagram.subarray(0, 80).toString('utf8');
    result.rejects.push({ reason: 'oversized', line: previewLine(head) });
    return result;
  }
  const text = typeof datagram === 'string' ? datagram : datagram.toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (lineEnd > start) {
      const line = text.slice(start, lineEnd);
      const parsed = parseLine(line);
      if (typeof parsed === 'string') result.rejects.push({ reason: parsed, line: previewLine(line) });
      else result.metrics.push(parsed);
    }
    start = end + 1;
  }
  return result;
}

/** Parses one line `name:value|type[|@rate][|#tags]`; returns the metric or why it was rejected. */
export function parseLine(line: string): StatsdMetric | RejectReason {
  if (line.indexOf('\0') >= 0) return 'nul-byte';
  const bar = line.indexOf('|');
  // The value starts after the last ':' before the type, so a ':' left of it belongs to the name.
  const colon = bar < 0 ? line.lastIndexOf(':') : line.lastIndexOf(':', bar - 1);
  if (colon < 0) return 'missing-value';
  if (colon === 0) return 'empty-name';
  const name = line.slice(0, colon);
  if (name.indexOf(':') >= 0) return 'colon-in-name';
  if (bar < 0) return 'missing-type';
  if (bar === colon + 1) return 'missing-value';
  let typeEnd = line.indexOf('|', bar + 1);
  if (typeEnd < 0) typeEnd = line.length;
  const type = line.slice(bar + 1, typeEnd);
  if (type === '') return 'missing-type';
  if (type !== 'ms' && type !== 'h' && type !== 'd' && type !== 'c' && type !== 'g' && type !== 's') {
    return 'unknown-type';
  }
  const fields = typeEnd === line.length ? NO_FIELDS : parseFields(line, typeEnd);
  if (typeof fields === 'string') return fields;
  const valueText = line.slice(colon + 1, bar);
  if (type === 's') return { kind: 'set', name, member: valueText, tags: fields.tags };
  const value = parseNumber(valueText);
  if (Number.isNaN(value)) return 'non-numeric-value';
  switch (type) {
    case 'c':
      return { kind: 'counter', name, value: value / fields.sampleRate, sampleRate: fields.sampleRate, tags: fields.tags };
    case 'g': {
      const first = valueText.charCodeAt(0);
      return { kind: 'gauge', name, value, delta: first === 43 || first === 45, tags: fields.tags };
    }
    default:
      if (value < 0) return 'negative-timer';
      return { kind: 'timer', name, valueMs: value === 0 ? 0 : value, sampleRate: fields.sampleRate, tags: fields.tags };
  }
}

type Fields = { sampleRate: number; tags: StatsdTags };

const NO_FIELDS: Fields = { sampleRate: 1, tags: EMPTY_TAGS };

/** Reads the `|@rate`, `|#tags` fields after the type; DogStatsD `|c:` and `|T` fields are accepted and ignored. */
function parseFields(line: string, from: number): Fields | RejectReason {
  let sampleRate = 1;
  let tags = EMPTY_TAGS;
  let start = from;
  while (start < line.length) {
    let end = line.indexOf('|', start + 1);
    if (end < 0) end = line.length;
    const first = line.charCodeAt(start + 1);
    if (first === 64 /* @ */) {
      sampleRate = parseNumber(line.slice(start + 2, end));
      if (!(sampleRate > 0 && sampleRate <= 1)) return 'bad-sample-rate';
    } else if (first === 35 /* # */) {
      tags = parseTags(line, start + 2, end, tags);
    } else if (!(first === 84 /* T */ || (first === 99 /* c */ && line.charCodeAt(start + 2) === 58))) {
      return 'bad-field';
    }
    start = end;
  }
  return { sampleRate, tags };
}

function parseTags(line: string, from: number, to: number, into: StatsdTags): StatsdTags {
  const tags = new Map(into);
  let start = from;
  while (start < to) {
    let end = line.indexOf(',', start);
    if (end < 0 || end > to) end = to;
    if (end > start) {
      const colon = line.indexOf(':', start);
      if (colon < 0 || colon >= end) tags.set(line.slice(start, end), '');
      else tags.set(line.slice(start, colon), line.slice(colon + 1, end));
    }
    start = end + 1;
  }
  return tags;
}

/** A strict decimal: optional sign, digits with an optional fraction and exponent; NaN otherwise (no hex, no spaces, no Infinity). */
export function parseNumber(text: string): number {
  const length = text.length;
  let i = 0;
  let code = text.charCodeAt(0);
  if (code === 43 || code === 45) i++;
  const intStart = i;
  while (i < length && isDigit(text.charCodeAt(i))) i++;
  let digits = i - intStart;
  if (i < length && text.charCodeAt(i) === 46) {
    const fracStart = ++i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    digits += i - fracStart;
  }
  if (digits === 0) return NaN;
  code = text.charCodeAt(i);
  if (code === 101 || code === 69) {
    i++;
    code = text.charCodeAt(i);
    if (code === 43 || code === 45) i++;
    const expStart = i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    if (i === expStart) return NaN;
  }
  if (i !== length) return NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : NaN;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A rejected line as kept for display: cut to 200 characters, NUL bytes written `\\0`. */
export function previewLine(line: string): string {
  const cut = line.length > REJECT_PREVIEW_CHARS ? `${line.slice(0, REJECT_PREVIEW_CHARS)}…` : line;
  return cut.indexOf('\0') >= 0 ? cut.split('\0').join('\\0') : cut;
}
