// Themes: one YAML file per theme mapping tones to colours and naming the glyphs; loaded and validated here.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Tone } from '../src/views/model.js';
import { textWidth } from '../src/views/text-width.js';

/** A colour as blessed's tags read it: 'default', a name like 'bright-red', '0'-'255', or '#rrggbb'. */
export type Colour = string;
export type ToneStyle = { fg: Colour; bg: Colour | null; bold: boolean; inverse: boolean };
export type Theme = {
  name: string;
  /** Where it was read from, for messages. */
  file: string;
  colors: Record<Tone | 'border', ToneStyle>;
  /**
   * spark: graph levels, lowest first; selection: the marker; ellipsis: where text is cut; bar: detail
   * bars; zoom: how a zoomed graph is drawn, `line` (a line chart with axes, in braille dots) or
   * `blocks` (the spark glyphs, taller), for fonts without braille such as the Linux console's.
   */
  glyphs: { spark: string[]; selection: string; ellipsis: string; bar: string; zoom: 'line' | 'blocks' };
};

export const TONES: readonly Tone[] = ['normal', 'ok', 'careful', 'warning', 'critical', 'muted', 'title', 'selected'];
const BASE = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const NAMES = new Set(['default', 'grey', 'gray', ...BASE, ...BASE.map((n) => `bright-${n}`)]);
const COLOUR_FIX = 'use default, a name (red, bright-red, grey, ...), a number 0-255, or "#rrggbb"';

/** Where the shipped themes are: the repo's themes/ folder, two levels above dist/widgets/. */
export const DEFAULT_THEMES_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));

export type LoadThemeOptions = {
  /** Folder holding <name>.yaml files. Default: DEFAULT_THEMES_DIR. */
  themesDir?: string;
  /** The user's own themes, looked in first (so a user file may replace a shipped theme). Default: none. */
  userThemesDir?: string | null;
  /** Reads a file as UTF-8. Default: fs.readFileSync. */
  readFile?: (path: string) => string;
  /** Lists a folder, for the "available themes" hint. Default: fs.readdirSync. */
  listDir?: (path: string) => string[];
};

export function loadTheme(name: string, options: LoadThemeOptions = {}): Theme {
  const dir = options.themesDir ?? DEFAULT_THEMES_DIR;
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const listDir = options.listDir ?? ((path: string) => readdirSync(path));
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) {
    throw new Error(`theme name ${JSON.stringify(name)} is not valid; use letters, digits, - and _ (e.g. default, mono, console)`);
  }
  const dirs = [options.userThemesDir ?? null, dir].filter((d): d is string => d !== null);
  const files = dirs.map((d) => join(d, `${name}.yaml`));
  let text: string | null = null;
  let file = files[files.length - 1] ?? '';
  for (const candidate of files) {
    try {
      text = readFile(candidate);
      file = candidate;
      break;
    } catch {
      // not in this folder; try the next
    }
  }
  if (text === null) {
    throw new Error(`theme ${JSON.stringify(name)} not found: no file ${files.join(' or ')}; available: ${availableThemes(dirs, listDir).join(', ') || `none in ${dirs.join(' or ')}`}`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(`${file}: not valid YAML: ${first}; fix the syntax`);
  }
  return validateTheme(raw, file);
}

/** Theme names found in `dirs` (an unreadable or missing folder has none), sorted, without repeats. */
export function availableThemes(dirs: readonly string[], listDir: (path: string) => string[] = (path) => readdirSync(path)): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    try {
      for (const f of listDir(dir)) if (f.endsWith('.yaml')) names.add(f.slice(0, -5));
    } catch {
      // a user who never made a themes folder has none
    }
  }
  return [...names].sort();
}

type Fail = (key: string, value: unknown, fix: string) => never;

/** Checks the parsed YAML of a theme; every problem is one line naming the file, key, value and fix. */
export function validateTheme(raw: unknown, file: string): Theme {
  const fail: Fail = (key, value, fix) => {
    throw new Error(`${file}: ${key}: ${value === undefined ? 'missing' : JSON.stringify(value)}; ${fix}`);
  };
  const root = record(raw, '(top level)', 'a mapping with name, colors and glyphs', fail);
  only(root, ['name', 'colors', 'glyphs'], '', fail);
  const name = root['name'];
  if (typeof name !== 'string' || name === '') fail('name', name, 'give the theme a name, e.g. name: default');
  const colorsRaw = record(root['colors'], 'colors', `a mapping with ${TONES.join(', ')}, border`, fail);
  only(colorsRaw, [...TONES, 'border'], 'colors.', fail);
  const colors = {} as Record<Tone | 'border', ToneStyle>;
  for (const tone of [...TONES, 'border'] as const) colors[tone] = toneStyle(colorsRaw[tone], `colors.${tone}`, fail);
  return { name: name as string, file, colors, glyphs: glyphs(root['glyphs'], fail) };
}

function record(value: unknown, key: string, fix: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(key, value, `expected ${fix}`);
  return value as Record<string, unknown>;
}

function only(value: Record<string, unknown>, keys: readonly string[], prefix: string, fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(`${prefix}${key}`, value[key], `unknown key; expected one of ${keys.join(', ')}`);
  }
}

function toneStyle(value: unknown, key: string, fail: Fail): ToneStyle {
  const style = record(value, key, 'a mapping like { fg: red, bold: true }', fail);
  only(style, ['fg', 'bg', 'bold', 'inverse'], `${key}.`, fail);
  const flag = (name: 'bold' | 'inverse'): boolean => {
    const v = style[name];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') fail(`${key}.${name}`, v, 'use true or false');
    return v as boolean;
  };
  return {
    fg: colour(style['fg'] ?? 'default', `${key}.fg`, fail),
    bg: style['bg'] === undefined ? null : colour(style['bg'], `${key}.bg`, fail),
    bold: flag('bold'),
    inverse: flag('inverse'),
  };
}

function colour(value: unknown, key: string, fail: Fail): Colour {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 255) return String(value);
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (NAMES.has(lower) || /^#([0-9a-f]{3}){1,2}$/.test(lower)) return lower;
  }
  return fail(key, value, COLOUR_FIX);
}

function glyphs(value: unknown, fail: Fail): Theme['glyphs'] {
  const g = record(value, 'glyphs', 'a mapping with spark and selection', fail);
  only(g, ['spark', 'selection', 'ellipsis', 'bar', 'zoom'], 'glyphs.', fail);
  const spark = g['spark'];
  const oneCell = (s: unknown): boolean => typeof s === 'string' && [...s].length === 1 && textWidth(s) === 1;
  if (!Array.isArray(spark) || spark.length < 2 || spark.length > 16 || !spark.every(oneCell)) {
    fail('glyphs.spark', spark, 'list 2-16 one-cell glyphs from lowest to full, e.g. ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]');
  }
  const selection = g['selection'];
  if (typeof selection !== 'string' || textWidth(selection) < 1 || textWidth(selection) > 3 || /[\x00-\x1f]/.test(selection)) {
    fail('glyphs.selection', selection, 'use 1-3 cells of text, e.g. ">"');
  }
  const ellipsis = g['ellipsis'] ?? '…';
  if (!oneCell(ellipsis)) fail('glyphs.ellipsis', ellipsis, 'use one one-cell glyph, e.g. "…" or "~"');
  const bar = g['bar'] ?? '#';
  if (!oneCell(bar)) fail('glyphs.bar', bar, 'use one one-cell glyph, e.g. "█" or "#"');
  const zoom = g['zoom'] ?? 'line';
  if (zoom !== 'line' && zoom !== 'blocks') fail('glyphs.zoom', zoom, 'use line (braille line chart) or blocks (for fonts without braille)');
  return { spark: spark as string[], selection: selection as string, ellipsis: ellipsis as string, bar: bar as string, zoom };
}
