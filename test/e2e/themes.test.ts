// End to end: theme choice from the environment and --theme, t cycling into a user theme, the mouse only on request, a quiet stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTmuxPane, tmuxAvailable } from '../helpers/tmux.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const THEMES = fileURLToPath(new URL('../../../themes/', import.meta.url));
const skip = !tmuxAvailable() && 'tmux is not installed';
const themesLogged = (home: string) =>
  readFileSync(join(home, '.local/share/zoomtop/zoomtop.log'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l).msg as string)
    .flatMap((msg) => /^theme (\S+)$/.exec(msg)?.[1] ?? /^zoomtop started: .*theme (\S+)$/.exec(msg)?.[1] ?? []);

test('a theme that does not exist: one line naming the files looked at and the themes there are, exit 2', { skip, timeout: 20_000 }, async () => {
  const pane = openTmuxPane({ cols: 200, rows: 10 });
  try {
    pane.type(`node ${CLI} --no-statsd --theme nope; echo "status=$?"`);
    const screen = await pane.waitFor((s) => /status=\d/.test(s), 10_000);
    assert.match(screen, /zoomtop: theme "nope" not found: no file \S+\/\.config\/zoomtop\/themes\/nope\.yaml or \S+\/themes\/nope\.yaml; available: console, default, high-contrast, light, mono/);
    assert.match(screen, /status=2/);
    // The same name in zoomtop.yaml: the line says which file to fix.
    writeFileSync(join(pane.home, 'z.yaml'), 'theme: nope\n');
    pane.type(`clear; node ${CLI} --no-statsd --config "$HOME/z.yaml"; echo "status=$?"`);
    const fromFile = await pane.waitFor((s) => /z\.yaml: theme: .*status=\d/s.test(s), 10_000);
    assert.match(fromFile, /zoomtop: \S+\/z\.yaml: theme: theme "nope" not found: no file/);
    assert.match(fromFile, /status=2/);
  } finally {
    pane.close();
  }
});

test('NO_COLOR starts in mono; t goes on to console, then a user theme from $XDG_CONFIG_HOME; no mouse, nothing on stderr', { skip, timeout: 30_000 }, async () => {
  const pane = openTmuxPane({ cols: 100, rows: 30, env: { NO_COLOR: '1' } });
  try {
    const config = join(pane.home, 'cfg');
    mkdirSync(join(config, 'zoomtop/themes'), { recursive: true });
    writeFileSync(join(config, 'zoomtop/themes/zz-mine.yaml'), readFileSync(join(THEMES, 'light.yaml'), 'utf8').replace('name: light', 'name: zz-mine'));
    pane.type(`XDG_CONFIG_HOME=${config} node ${CLI} --no-statsd 2>"$HOME/stderr.txt"`);
    await pane.waitFor((s) => s.includes('Suggestions'), 10_000);
    assert.equal(pane.display('#{mouse_any_flag}'), '0', 'mouse reporting stays off without --mouse');
    pane.keys('t');
    pane.keys('t');
    await pane.waitFor(() => themesLogged(pane.home).length === 3, 5000);
    assert.deepEqual(themesLogged(pane.home), ['mono', 'console', 'zz-mine']);
    pane.keys('q');
    await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 10_000);
    assert.equal(readFileSync(join(pane.home, 'stderr.txt'), 'utf8'), '', 'nothing on stderr while the screen was owned');
  } finally {
    pane.close();
  }
});

test('--mouse turns mouse reporting on while running, and off again on the way out', { skip, timeout: 20_000 }, async () => {
  const pane = openTmuxPane({ cols: 100, rows: 30 });
  try {
    pane.type(`node ${CLI} --no-statsd --mouse`);
    await pane.waitFor((s) => s.includes('Suggestions'), 10_000);
    assert.equal(pane.display('#{mouse_any_flag}'), '1');
    pane.keys('q');
    await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 10_000);
    assert.equal(pane.display('#{mouse_any_flag}'), '0');
  } finally {
    pane.close();
  }
});
