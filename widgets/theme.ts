// Themes: one YAML file per theme mapping tones to colours and naming the glyphs; loaded and validated here.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Tone } from '../src/views/model.js';
import { textWidth } from '../src/views/text-width.js';
import { isUtf8Locale, wantsNoColor, type Env } from './locale.js';

/** A colour as blessed's tags read it: 'default', a name like 'bright-red', '0'-'255', or '#rrggbb'. */
export type Colour = string;
export type ToneStyle = { fg: Colour; bg: Colour | null; bold: boolean; inverse: boolean };
export type Theme = {
  name: string;
  /** Where it was read from, for messages. */
  file: string;
  colors: Record<Tone | 'border', ToneStyle>;
  glyphs: { spark: string[]; selection: string; ellipsis: string };
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
  /** Reads a file as UTF-8. Default: fs.readFileSync. */
  readFile?: (path: string) => string;
  /** Lists a folder, for the "available themes" hint. Default: fs.readdirSync. */
  listDir?: (path: string) => string[];
};

/** 'console' on a Linux console or a non-UTF-8 locale (its glyphs fit those fonts), 'mono' under NO_COLOR, else 'default'. */
export function chooseThemeName({ term, env }: { term: string | undefined; env: Env }): string {
  if (term === 'linux' || !isUtf8Locale(env)) return 'console';
  if (wantsNoColor(env)) return 'mono';
  return 'default';
}

export function loadTheme(name: string, options: LoadThemeOptions = {}): Theme {
  const dir = options.themesDir ?? DEFAULT_THEMES_DIR;
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const listDir = options.listDir ?? ((path: string) => readdirSync(path));
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) {
    throw new Error(`theme name ${JSON.stringify(name)} is not valid; use letters, digits, - and _ (e.g. default, mono, console)`);
  }
  const file = join(dir, `${name}.yaml`);
  let text: string;
  try {
    text = readFile(file);
  } catch {
    throw new Error(`theme ${JSON.stringify(name)} not found: no file ${file}; available: ${available(dir, listDir)}`);
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

function available(dir: string, listDir: (path: string) => string[]): string {
  try {
    const names = listDir(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
    return names.length ? names.join(', ') : `none in ${dir}`;
  } catch {
    return `none (cannot read ${dir})`;
  }
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
  only(g, ['spark', 'selection', 'ellipsis'], 'glyphs.', fail);
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
  return { spark: spark as string[], selection: selection as string, ellipsis: ellipsis as string };
}
