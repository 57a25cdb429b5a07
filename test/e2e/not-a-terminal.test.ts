// Without a terminal zoomtop says so in one plain line, and writes no escape codes into the pipe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

test('stdout to a pipe: one line on stderr naming the problem and the fix, nothing on stdout, exit 1, no demo started', () => {
  const home = mkdtempSync(join(tmpdir(), 'zoomtop-pipe-'));
  const run = spawnSync(process.execPath, [CLI, '--demo'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8' }, timeout: 10_000 });
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, 'zoomtop: stdout is not a terminal; the dashboard needs one: run zoomtop in a terminal or tmux, or pass --headless to write the figures instead (zoomtop --help for options)\n');
  assert.ok(!run.stderr.includes('\x1b'));
});

test('a bad --theme is told before the missing terminal: one line naming it and the themes there are, exit 2', () => {
  const home = mkdtempSync(join(tmpdir(), 'zoomtop-pipe-'));
  const run = spawnSync(process.execPath, [CLI, '--theme', 'nope'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8' }, timeout: 10_000 });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^zoomtop: theme "nope" not found: .*; available: console, default, high-contrast, light, mono\n$/);
});
