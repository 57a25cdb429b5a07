import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createThemeCatalog, needsConsoleGlyphs, userThemesDir } from '../../widgets/theme-catalog.js';
import { loadTheme } from '../../widgets/theme.js';

const UTF8 = { LANG: 'en_US.UTF-8', HOME: '/home/pi' };

test('user themes live in $XDG_CONFIG_HOME/zoomtop/themes, else ~/.config/zoomtop/themes', () => {
  assert.equal(userThemesDir({ HOME: '/home/pi' }), '/home/pi/.config/zoomtop/themes');
  assert.equal(userThemesDir({ HOME: '/home/pi', XDG_CONFIG_HOME: '/cfg' }), '/cfg/zoomtop/themes');
  assert.equal(userThemesDir({ HOME: '/home/pi', XDG_CONFIG_HOME: 'relative' }), '/home/pi/.config/zoomtop/themes');
});

test('the first theme: --theme wins; else mono under NO_COLOR, console on TERM=linux or without UTF-8, high-contrast on 8 colours, else default', () => {
  const initial = (term: string, env: Record<string, string>, requested: string | null = null) => createThemeCatalog({ term, env }).initialName(requested);
  assert.equal(initial('xterm-256color', UTF8), 'default');
  assert.equal(initial('xterm-256color', UTF8, 'light'), 'light');
  assert.equal(initial('xterm-256color', { ...UTF8, NO_COLOR: '1' }, 'high-contrast'), 'high-contrast');
  assert.equal(initial('xterm-256color', { ...UTF8, NO_COLOR: '1' }), 'mono');
  assert.equal(initial('xterm-256color', { ...UTF8, NO_COLOR: '' }), 'default');
  assert.equal(initial('linux', UTF8), 'console');
  assert.equal(initial('xterm-256color', { LANG: 'C' }), 'console');
  assert.equal(initial('linux', { ...UTF8, NO_COLOR: '1' }), 'mono');
  // blessed draws 8 colours for these names: the basic-colour theme, not the 256-colour default.
  assert.deepEqual(['xterm', 'screen', 'tmux', 'tmux-256color', 'alacritty'].map((t) => initial(t, UTF8)), ['high-contrast', 'high-contrast', 'high-contrast', 'default', 'default']);
  assert.deepEqual([needsConsoleGlyphs('linux', UTF8), needsConsoleGlyphs('xterm', {}), needsConsoleGlyphs('xterm', UTF8)], [true, true, false]);
});

test('NO_COLOR on the Linux console: mono colours with the console glyphs', () => {
  const theme = createThemeCatalog({ term: 'linux', env: { ...UTF8, NO_COLOR: '1' } }).load('mono');
  assert.deepEqual(theme.colors, loadTheme('mono').colors);
  assert.deepEqual(theme.glyphs, loadTheme('console').glyphs);
  assert.deepEqual(createThemeCatalog({ term: 'xterm', env: UTF8 }).load('mono').glyphs, loadTheme('mono').glyphs, 'elsewhere mono keeps its own');
});

test('user themes: listed after the shipped ones, loaded from the folder, able to replace a shipped one; t wraps around', () => {
  const config = mkdtempSync(join(tmpdir(), 'zoomtop-config-'));
  const dir = join(config, 'zoomtop', 'themes');
  mkdirSync(dir, { recursive: true });
  const solarized = readTheme('default').replace('name: default', 'name: solarized').replace('ok: { fg: 114 }', 'ok: { fg: 64 }');
  writeFileSync(join(dir, 'solarized.yaml'), solarized);
  writeFileSync(join(dir, 'mono.yaml'), readTheme('mono').replace('muted: { fg: default }', 'muted: { fg: default, bold: true }'));
  writeFileSync(join(dir, 'notes.txt'), 'not a theme');
  const catalog = createThemeCatalog({ term: 'xterm-256color', env: { ...UTF8, XDG_CONFIG_HOME: config } });
  assert.deepEqual(catalog.names(), ['default', 'light', 'high-contrast', 'mono', 'console', 'solarized']);
  assert.equal(catalog.load('solarized').colors.ok.fg, '64');
  assert.equal(catalog.load('solarized').file, join(dir, 'solarized.yaml'));
  assert.equal(catalog.load('mono').colors.muted.bold, true, 'the user file wins over the shipped one');
  assert.deepEqual(['default', 'console', 'solarized'].map((n) => catalog.next(n)), ['light', 'solarized', 'default']);
  assert.throws(() => catalog.load('nope'), new RegExp(`^Error: theme "nope" not found: no file ${dir}/nope\\.yaml or .*themes/nope\\.yaml; available: console, default, high-contrast, light, mono, solarized$`));
});

function readTheme(name: string): string {
  return readFileSync(loadTheme(name).file, 'utf8');
}
