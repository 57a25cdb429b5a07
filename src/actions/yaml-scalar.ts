// Writes one scalar's source text so that both PyYAML (YAML 1.1) and YAML 1.2 readers get back exactly the value meant.
import { yamlLib } from '../config/yaml-lib.js';

/** How the value was written before; the new value keeps it when that is safe. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';

export type ScalarSource = { ok: true; source: string } | { ok: false; error: string };

/** Words some YAML reader (1.1 booleans/nulls, PyYAML included) turns into something other than text. */
const RESERVED_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);

/** Characters and layout a plain scalar may have here: no indicators, no `: `, no ` #`, no edge spaces. */
const PLAIN_SHAPE = /^[A-Za-z0-9_](?:[A-Za-z0-9_. /-]*[A-Za-z0-9_./-])?$/;

/**
 * True when `value` written bare reads back as the same string in YAML 1.1 and 1.2, block
 * or flow context. Deliberately narrow: anything doubtful gets quoted.
 */
export function isPlainSafe(value: string): boolean {
  if (!PLAIN_SHAPE.test(value) || RESERVED_WORDS.has(value.toLowerCase())) return false;
  // A leading digit risks ints, floats, octal, hex, sexagesimal and dates; only WxH passes.
  if (/^[0-9]/.test(value) && !/^[1-9][0-9]*x[0-9]+$/.test(value)) return false;
  return yamlLib().parse(value, { version: '1.1' }) === value && yamlLib().parse(value, { version: '1.2' }) === value;
}

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n',
  '\v': '\\v', '\f': '\\f', '\r': '\\r', '\x1b': '\\e', '\x85': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};

/** Double-quoted YAML: escapes every character that is not printable or is a line break in YAML 1.1. */
export function doubleQuote(value: string): string {
  const body = value.replace(/[\\"\x00-\x1f\x7f\x85\u2028\u2029\ufeff]/g, (ch) => {
    return NAMED_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${body}"`;
}

/** Single-quoted YAML, only for values without control characters or line breaks. */
function singleQuote(value: string): string | null {
  if (/[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(value)) return null;
  return `'${value.replace(/'/g, "''")}'`;
}

/** Source text for `value`, in `style` when that reads back the same, else double-quoted. */
export function formatScalar(value: string | number | boolean, style: ScalarStyle): ScalarSource {
  if (typeof value === 'boolean') return { ok: true, source: String(value) };
  if (typeof value === 'number') {
    const text = String(value);
    // PyYAML needs a dot in floats and reads 1e3 as text, so only plain decimals are written.
    if (!/^-?[0-9]+(\.[0-9]+)?$/.test(text)) {
      return { ok: false, error: `cannot write the number ${text} so every YAML reader agrees; use a plain decimal` };
    }
    return { ok: true, source: text };
  }
  if (style === 'QUOTE_SINGLE') {
    const single = singleQuote(value);
    if (single !== null) return { ok: true, source: single };
  }
  if (style === 'PLAIN' && isPlainSafe(value)) return { ok: true, source: value };
  return { ok: true, source: doubleQuote(value) };
}
