import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createBlessedUi } from '../../widgets/blessed-ui.js';
import { createThemeCatalog } from '../../widgets/theme-catalog.js';
import { loadTheme } from '../../widgets/theme.js';
import { psfCodePoints } from '../helpers/psf-font.js';
import { busySnapshot, stateModel, UI_STATES } from '../helpers/screen-states.js';
import { VirtualTerminal } from '../helpers/virtual-terminal.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** From Debian's console-setup-linux; see test/fixtures/fonts/README.md. */
const FONT = psfCodePoints(join(ROOT, 'test/fixtures/fonts/Lat15-Fixed16.psf.gz'));
const missing = (chars: Iterable<string>) => [...new Set(chars)].filter((c) => !FONT.has(c.codePointAt(0)!)).map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);

let open: { vt: VirtualTerminal; destroy(): void }[] = [];
afterEach(() => {
  for (const o of open) {
    o.destroy();
    o.vt.dispose();
  }
  open = [];
});

test('the font table is read: ASCII, Latin-1, box drawing and the blocks the console theme uses', () => {
  assert.equal(FONT.size, 528);
  for (const c of 'AZaz09~éß─│┌┐└┘…≡█') assert.ok(FONT.has(c.codePointAt(0)!), c);
  // The eighth-block sparkline levels of the other themes are not there: that is why console has its own.
  assert.deepEqual(missing('▁▂▃▅▆▇'), ['▁ U+2581', '▂ U+2582', '▃ U+2583', '▅ U+2585', '▆ U+2586', '▇ U+2587']);
});

test('PSF2 fonts (Terminus and others) are read too: UTF-8 entries, sequences left out', () => {
  const header = Buffer.alloc(32);
  [0x864ab572, 0, 32, 1, 2, 1, 1, 8].forEach((v, i) => header.writeUInt32LE(v, i * 4));
  const table = Buffer.concat([Buffer.from('A'), Buffer.from([0xff]), Buffer.from('…'), Buffer.from([0xfe]), Buffer.from('e\u0301'), Buffer.from([0xff])]);
  const file = join(mkdtempSync(join(tmpdir(), 'zoomtop-psf-')), 'tiny.psf');
  writeFileSync(file, Buffer.concat([header, Buffer.from([0, 0]), table]));
  assert.deepEqual([...psfCodePoints(file)], [0x41, 0x2026]);
  writeFileSync(file, Buffer.from('not a font'));
  assert.throws(() => psfCodePoints(file), /not a PSF1 or PSF2 console font/);
});

test('every glyph the console theme names is in the font', () => {
  const { glyphs } = loadTheme('console');
  assert.deepEqual(missing([...glyphs.spark, ...glyphs.selection, glyphs.ellipsis, glyphs.bar]), []);
});

test('on TERM=linux every theme takes the console glyphs, so t never switches to glyphs the console lacks', () => {
  const catalog = createThemeCatalog({ env: { LANG: 'en_GB.UTF-8' }, term: 'linux' });
  for (const name of catalog.names()) {
    const { glyphs } = catalog.load(name);
    assert.deepEqual(missing([...glyphs.spark, ...glyphs.selection, glyphs.ellipsis, glyphs.bar]), [], name);
  }
});

test('fixed text in the views (not from the data) uses only characters the font has', () => {
  const dir = join(ROOT, 'src/views');
  const chars: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      // Comments and error messages never reach the screen.
      if (/^\s*(\/\/|\/?\*)/.test(line) || /Error\(/.test(line)) continue;
      chars.push(...line.replace(/[\x00-\x7f]/g, ''));
    }
  }
  assert.deepEqual(missing(chars), []);
});

for (const [cols, rows] of [[80, 24], [60, 18], [40, 12]] as const) {
  test(`${cols}x${rows} on TERM=linux: every cell of every screen state is a glyph the font has`, async () => {
    const vt = new VirtualTerminal(cols, rows);
    const ui = createBlessedUi({ input: vt.input, output: vt.output, term: 'linux', theme: loadTheme('console'), env: { LANG: 'en_GB.UTF-8' } });
    open.push({ vt, destroy: () => ui.destroy() });
    const seen = new Set<string>();
    const fresh = busySnapshot({ cpu: { percent: null, history: [null] }, gpu: { state: 'pending' }, self: null });
    const models = [...Object.values(UI_STATES).map((state) => stateModel(state, cols, rows)), stateModel(UI_STATES['plain']!, cols, rows, fresh)];
    for (const model of models) {
      ui.render(model);
      await vt.waitForWrites();
      for (const line of vt.screenText()) for (const c of line) seen.add(c);
    }
    assert.deepEqual(missing(seen), []);
    assert.ok(seen.has('┌') || cols < 60, 'borders were drawn');
  });
}
