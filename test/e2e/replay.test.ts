// --record then `zoomtop replay` through the real binary: frames recorded headless are drawn in the dashboard in tmux.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTmuxPane, tmuxAvailable } from '../helpers/tmux.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

test('a headless run with --record replays in the dashboard: panels, a recorded value, optimizer keys off, q quits', { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 60_000 }, async () => {
  const pane = openTmuxPane({ cols: 120, rows: 40 });
  try {
    const file = join(pane.home, 'run.ndjson');
    const run = spawnSync(process.execPath, [CLI, '--headless', '--duration', '2500ms', '--no-statsd', '--record', file, '--output', join(pane.home, 'out.ndjson')], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: pane.home }, timeout: 20_000 });
    assert.equal(run.status, 0, run.stderr);
    const records = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; snapshot?: { memory: { totalBytes: number } } });
    assert.equal(records[0]?.type, 'header');
    const frames = records.filter((r) => r.type === 'frame');
    assert.ok(frames.length >= 2, `frames recorded: ${frames.length}`);

    pane.type(`node ${CLI} replay ${file} --speed 4`);
    const screen = await pane.waitFor((s) => s.includes('Operations') && /replay \d\d:\d\d:\d\d/.test(s), 15_000);
    for (const title of ['CPU', 'Memory', 'Operations', 'Alerts', 'Suggestions']) assert.ok(screen.includes(title), `panel ${title}:\n${screen}`);
    assert.match(screen, /now\s+\d+\.\d %/, 'a recorded CPU or memory figure');
    pane.keys('p');
    assert.match(await pane.waitFor((s) => s.includes('paused'), 5000), /replay \d\d:\d\d:\d\d paused x4 frame \d+\/\d+/);
    pane.keys('a');
    assert.ok((await pane.waitFor((s) => s.includes('optimizer keys are off'), 5000)).includes('replay: optimizer keys are off'));
    pane.keys('Escape');
    pane.keys('q');
    const after = await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 10_000);
    assert.ok(after.trimEnd().endsWith('READY$'), `shell back:\n${after}`);
  } finally {
    pane.close();
  }
});
