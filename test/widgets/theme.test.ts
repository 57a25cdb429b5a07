import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTheme, TONES } from '../../widgets/theme.js';

test('the shipped themes load with every tone, a border and glyphs', () => {
  for (const name of ['default', 'light', 'high-contrast', 'mono', 'console']) {
    const theme = loadTheme(name);
    assert.equal(theme.name, name);
    for (const tone of [...TONES, 'border'] as const) assert.ok(theme.colors[tone], `${name} lacks ${tone}`);
    assert.equal(theme.glyphs.selection, '>');
  }
  assert.deepEqual(loadTheme('default').glyphs.spark, ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█']);
  assert.deepEqual(loadTheme('console').glyphs.spark, ['_', '.', '-', '=', '≡', '█']);
  // The console font has no braille: its zoomed graph stays in blocks; every other theme draws a line chart.
  assert.deepEqual(['default', 'light', 'high-contrast', 'mono', 'console'].map((n) => loadTheme(n).glyphs.zoom), ['line', 'line', 'line', 'line', 'blocks']);
  assert.deepEqual(loadTheme('default').colors.critical, { fg: '196', bg: null, bold: true, inverse: false });
  assert.equal(loadTheme('light').colors.critical.fg, '160');
});

test('high-contrast uses only the 16 basic colours, never grey, and marks the worst levels without colour too', () => {
  const theme = loadTheme('high-contrast');
  for (const [tone, style] of Object.entries(theme.colors)) {
    for (const colour of [style.fg, style.bg]) {
      assert.ok(colour === null || colour === 'default' || /^(bright-)?(black|red|green|yellow|blue|magenta|cyan|white)$/.test(colour), `${tone}: ${colour}`);
    }
  }
  assert.equal(theme.colors.muted.fg, 'default');
  assert.deepEqual([theme.colors.warning.inverse, theme.colors.critical.inverse], [true, true]);
});

test('mono uses no colour at all', () => {
  const mono = loadTheme('mono');
  for (const style of Object.values(mono.colors)) {
    assert.equal(style.fg, 'default');
    assert.equal(style.bg, null);
  }
});

function fromYaml(text: string) {
  return () => loadTheme('bad', { themesDir: '/themes', readFile: () => text, listDir: () => [] });
}

const VALID = `name: bad
colors:
  normal: { fg: default }
  ok: { fg: green }
  careful: { fg: 221 }
  warning: { fg: "#ff8800" }
  critical: { fg: bright-red, bold: true }
  muted: { fg: grey }
  title: { fg: cyan }
  selected: { fg: black, bg: cyan, inverse: false }
  border: { fg: blue }
glyphs:
  spark: ["_", "█"]
  selection: ">"
`;

test('a valid theme file maps colours to what blessed tags read', () => {
  const theme = fromYaml(VALID)();
  assert.equal(theme.file, '/themes/bad.yaml');
  assert.equal(theme.colors.warning.fg, '#ff8800');
  assert.deepEqual(theme.colors.selected, { fg: 'black', bg: 'cyan', bold: false, inverse: false });
  assert.deepEqual([theme.glyphs.ellipsis, theme.glyphs.bar], ['…', '#']);
});

test('bad values are one-line errors naming the file, key, value and fix', () => {
  assert.throws(fromYaml(VALID.replace('fg: 221', 'fg: redd')), {
    message: '/themes/bad.yaml: colors.careful.fg: "redd"; use default, a name (red, bright-red, grey, ...), a number 0-255, or "#rrggbb"',
  });
  assert.throws(fromYaml(VALID.replace('fg: 221', 'fg: 256')), /colors\.careful\.fg: 256; use default/);
  assert.throws(fromYaml(VALID.replace('  muted: { fg: grey }\n', '')), {
    message: '/themes/bad.yaml: colors.muted: missing; expected a mapping like { fg: red, bold: true }',
  });
  assert.throws(fromYaml(VALID.replace('bold: true', 'bold: yes')), {
    message: '/themes/bad.yaml: colors.critical.bold: "yes"; use true or false',
  });
  assert.throws(fromYaml(VALID.replace('colors:', 'colours:')), /\/themes\/bad\.yaml: colours: .*unknown key; expected one of name, colors, glyphs/);
  assert.throws(fromYaml(VALID.replace('["_", "█"]', '["_"]')), /glyphs\.spark: \["_"\]; list 2-16 one-cell glyphs/);
  assert.throws(fromYaml(VALID.replace('["_", "█"]', '["_", "中"]')), /glyphs\.spark: .*one-cell glyphs/);
  assert.throws(fromYaml(VALID.replace('selection: ">"', 'selection: ">"\n  bar: "##"')), {
    message: '/themes/bad.yaml: glyphs.bar: "##"; use one one-cell glyph, e.g. "█" or "#"',
  });
  assert.throws(fromYaml(VALID.replace('selection: ">"', 'selection: ">"\n  zoom: dots')), {
    message: '/themes/bad.yaml: glyphs.zoom: "dots"; use line (braille line chart) or blocks (for fonts without braille)',
  });
  assert.throws(fromYaml('name: [unclosed'), /^Error: \/themes\/bad\.yaml: not valid YAML: .*; fix the syntax$/);
});

test('an unknown theme lists the available ones', () => {
  assert.throws(() => loadTheme('nope', { themesDir: '/t', readFile: () => { throw new Error('ENOENT'); }, listDir: () => ['mono.yaml', 'default.yaml', 'README'] }), {
    message: 'theme "nope" not found: no file /t/nope.yaml; available: default, mono',
  });
  assert.throws(() => loadTheme('../etc/passwd'), /theme name "\.\.\/etc\/passwd" is not valid/);
});

test('console: every tone stays visible on the 8-colour console (no black or bright-black text on the default background)', () => {
  // TERM=linux reports 8 colours, and blessed draws bright-X there as X: bright-black text would be black on black.
  for (const [tone, style] of Object.entries(loadTheme('console').colors)) {
    if (style.bg !== null && style.bg !== 'default') continue;
    assert.ok(!/^(bright-)?black$|^gr[ae]y$/.test(style.fg ?? ''), `${tone}: ${style.fg}`);
  }
});
