// Which themes exist (shipped and the user's own), which one to start with, and the next one for the `t` key.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isUtf8Locale, wantsNoColor, type Env } from './locale.js';
import { availableThemes, DEFAULT_THEMES_DIR, loadTheme, type LoadThemeOptions, type Theme } from './theme.js';
import { blessedTerminalName } from './terminal-fixes.js';

/** Shipped themes in the order `t` cycles through them; user themes follow, by name. */
export const SHIPPED_THEMES = ['default', 'light', 'high-contrast', 'mono', 'console'] as const;

/** $XDG_CONFIG_HOME/zoomtop/themes, or ~/.config/zoomtop/themes (a relative XDG_CONFIG_HOME is ignored, as the spec says). */
export function userThemesDir(env: Env): string {
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg && xdg.startsWith('/') ? xdg : join(env['HOME'] || homedir(), '.config');
  return join(base, 'zoomtop', 'themes');
}

/** The Linux console and non-UTF-8 locales can draw only the console theme's glyphs, whatever the colours. */
export function needsConsoleGlyphs(term: string | undefined, env: Env): boolean {
  return term === 'linux' || !isUtf8Locale(env);
}

export type ThemeCatalogOptions = Omit<LoadThemeOptions, 'userThemesDir'> & {
  /** Decides the user folder, NO_COLOR and the locale. Default: process.env. */
  env?: Env;
  /** $TERM. Default: env.TERM. */
  term?: string;
};

export type ThemeCatalog = {
  /** Shipped names first in SHIPPED_THEMES order, then the user's. */
  names(): string[];
  /** The theme to start with: `requested` (from --theme) if given, else console / mono / default as the terminal needs. */
  initialName(requested: string | null): string;
  /** Loads a theme, with the console glyphs swapped in where the terminal needs them; throws a one-line error. */
  load(name: string): Theme;
  /** The name after `current` in names(), wrapping around. */
  next(current: string): string;
};

export function createThemeCatalog(options: ThemeCatalogOptions = {}): ThemeCatalog {
  const env = options.env ?? process.env;
  const term = options.term ?? env['TERM'];
  const userDir = userThemesDir(env);
  const loadOptions: LoadThemeOptions = { ...options, userThemesDir: userDir };
  const consoleGlyphs = needsConsoleGlyphs(term, env);
  const names = (): string[] => {
    const found = availableThemes([userDir, options.themesDir ?? DEFAULT_THEMES_DIR], options.listDir);
    const shipped: string[] = [...SHIPPED_THEMES];
    return [...shipped, ...found.filter((n) => !shipped.includes(n))];
  };
  return {
    names,
    initialName(requested) {
      if (requested !== null) return requested;
      // NO_COLOR wins over the console's colours; the console's glyphs still apply (see load).
      if (wantsNoColor(env)) return 'mono';
      if (consoleGlyphs) return 'console';
      // The default theme's 256-colour numbers become other colours on an 8-colour terminal (blessed
      // draws its grey borders black and its amber "careful" red); high-contrast uses basic colours only.
      return blessedTerminalName(term).endsWith('256color') ? 'default' : 'high-contrast';
    },
    load(name) {
      const theme = loadTheme(name, loadOptions);
      if (!consoleGlyphs || name === 'console') return theme;
      return { ...theme, glyphs: loadTheme('console', loadOptions).glyphs };
    },
    next(current) {
      const all = names();
      return all[(all.indexOf(current) + 1) % all.length] ?? 'default';
    },
  };
}
