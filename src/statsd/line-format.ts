// Writes StatsD lines: safe names, compact values, DogStatsD tags.

/** Characters that would break a StatsD line if they appeared in a name or tag. */
const UNSAFE = /[:|@#,\s\0]/g;

/** Replaces characters that would split or corrupt a line with '_'. */
export function sanitizeName(name: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(name) ? name.replace(UNSAFE, '_') : name;
}

/** A tag value may contain ':' (only the first one splits key from value). */
function sanitizeTagValue(value: string): string {
  return value.replace(/[|,#\s\0]/g, '_');
}

/** At most 3 decimals, no trailing zeros, never `-0`. */
export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value === 0 ? 0 : value);
  const rounded = Math.round(value * 1000) / 1000;
  return String(rounded === 0 ? 0 : rounded);
}

/** `|#k:v,k2:v2`, or '' without tags. */
export function formatTags(tags: Readonly<Record<string, string>> | undefined): string {
  if (!tags) return '';
  let out = '';
  for (const key of Object.keys(tags)) {
    const value = tags[key] ?? '';
    const tag = value === '' ? sanitizeName(key) : `${sanitizeName(key)}:${sanitizeTagValue(value)}`;
    out = out === '' ? `|#${tag}` : `${out},${tag}`;
  }
  return out;
}

/** 'zoomcam' and 'zoomcam.' both prefix names as 'zoomcam.'; '' adds nothing. */
export function normalizePrefix(prefix: string): string {
  if (prefix === '') return '';
  const safe = sanitizeName(prefix);
  return safe.endsWith('.') ? safe : `${safe}.`;
}
