// What the environment says about the terminal's character set and colours.

export type Env = Record<string, string | undefined>;

/** The locale that decides the character set: the first non-empty of LC_ALL, LC_CTYPE, LANG (POSIX order). */
export function ctypeLocale(env: Env): string {
  for (const key of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
    const value = env[key];
    if (value) return value;
  }
  return 'C';
}

/** True when the locale's character set is UTF-8; an unset locale is "C", which is not. */
export function isUtf8Locale(env: Env): boolean {
  return /utf-?8/i.test(ctypeLocale(env));
}

/** https://no-color.org: set and not empty. */
export function wantsNoColor(env: Env): boolean {
  return (env['NO_COLOR'] ?? '') !== '';
}
