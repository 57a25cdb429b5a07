// End to end in a real terminal: start zoomtop --demo in tmux, read the screen, quit, check the shell is usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTmuxPane, paneProcesses, tmuxAvailable } from '../helpers/tmux.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const PANELS = ['CPU', 'Memory', 'GPU', 'Operations', 'Alerts', 'Suggestions'];
const zoomtopProcesses = (pane: { home: string; display(format: string): string }) => paneProcesses(pane.home, pane.display('#{pane_pid}'));

test('the dashboard shows six live panels and q gives the shell back', { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 60_000 }, async () => {
  const pane = openTmuxPane({ cols: 120, rows: 40, env: { ZOOMTOP_DEMO_LOAD: '0.3' } });
  try {
    pane.type(`node ${CLI} --demo --statsd 127.0.0.1:0`);
    const screen = await pane.waitFor((s) => s.includes('camera_manager.capture_frame') && /now\s+\d+\.\d %/.test(s), 20_000);
    for (const title of PANELS) assert.ok(screen.includes(title), `panel ${title} missing:\n${screen}`);
    assert.match(screen, /now\s+\d+\.\d %/, 'a live CPU or memory figure');
    assert.ok(screen.includes('motion_detector.detect') && screen.includes('encoder.encode'), screen);
    assert.equal(zoomtopProcesses(pane).length, 2, 'zoomtop and its demo pipeline run while the dashboard is up');

    // A few keys through the real terminal: sort, filter typed in the status line, help.
    pane.keys('s');
    assert.match(await pane.waitFor((s) => s.includes('by avg'), 5000), /Operations \(last \d+ s, by avg\)/);
    pane.type('/enc', false);
    assert.match(await pane.waitFor((s) => s.includes('filter: enc_'), 5000), /filter: enc_ {2}Enter keep {2}Esc clear/);
    pane.keys('Enter');
    const filtered = await pane.waitFor((s) => s.includes('filter "enc" 1 of 3'), 5000);
    assert.ok(filtered.includes('encoder.encode') && !filtered.includes('motion_detector.detect'), filtered);
    pane.keys('?');
    assert.ok((await pane.waitFor((s) => s.includes('next theme'), 5000)).includes('t             next theme'));
    pane.keys('x');
    await pane.waitFor((s) => !s.includes('next theme'), 5000);

    // Small (one panel at a time, Tab to the next), too small, and back, through the real terminal's SIGWINCH.
    pane.resize(50, 15);
    const small = await pane.waitFor((s) => s.includes('Tab next'), 5000);
    assert.ok(small.includes('Operations (') && small.includes('encoder.encode') && !small.includes('Suggestions'), small);
    pane.keys('Tab');
    assert.ok((await pane.waitFor((s) => s.includes('Alerts') && !s.includes('Operations ('), 5000)).includes('Tab next'));
    pane.resize(20, 5);
    assert.match(await pane.waitFor((s) => s.includes('too small'), 5000), /terminal too small:\s+20x5, need 24x6/);
    pane.resize(120, 40);
    const back = await pane.waitFor((s) => s.includes('Suggestions') && !s.includes('too small'), 5000);
    for (const title of PANELS) assert.ok(back.includes(title), `panel ${title} back after the resize:\n${back}`);

    pane.keys('q');
    const after = await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 10_000);
    assert.ok(after.trimEnd().endsWith('READY$'), `shell prompt back:\n${after}`);
    assert.ok(!after.includes('Operations'), 'the dashboard is gone from the main screen');
    assert.equal(pane.display('#{alternate_on}'), '0', 'back on the main screen');
    assert.equal(pane.display('#{cursor_flag}'), '1', 'cursor visible');
    pane.type('echo "echo is $((40 + 2))"');
    const echoed = await pane.waitFor((s) => s.includes('echo is 42'), 5000);
    assert.ok(echoed.includes('echo is 42'), 'typed input is echoed again');
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(zoomtopProcesses(pane), [], 'no zoomtop or demo process left behind');
  } finally {
    pane.close();
  }
});

test('a broken --app-config is one line naming the file, line, key and fix, before the screen is taken', { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 20_000 }, async () => {
  const pane = openTmuxPane({ cols: 120, rows: 20 });
  try {
    const file = join(pane.home, 'zoomcam.yaml');
    writeFileSync(file, 'cameras:\n  front_door:\n    resolution: "1920by1080"\n');
    pane.type(`node ${CLI} --no-statsd --app-config ${file}; echo "status $?"`);
    const screen = await pane.waitFor((s) => /status \d/.test(s), 10_000);
    // The pane wraps the long line at its width; the message itself is one line.
    assert.ok(screen.replace(/\n/g, '').includes(`zoomtop: ${file}:3:17: cameras.front_door.resolution "1920by1080" is not WIDTHxHEIGHT; write it like "1280x720" (given by --app-config)`), screen);
    assert.match(screen, /status 1/);
  } finally {
    pane.close();
  }
});

test('an invalid zoomtop.yaml gives all its errors at once and does not start', { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 20_000 }, async () => {
  const pane = openTmuxPane({ cols: 160, rows: 20 });
  try {
    const file = join(pane.home, 'zoomtop.yaml');
    writeFileSync(file, 'interval: soon\nthemee: light\nstatsd: 127.0.0.1:8125\nstatsd: false\n');
    pane.type(`node ${CLI} --config ${file}; echo "status $?"`);
    const screen = (await pane.waitFor((s) => /status \d/.test(s), 10_000)).replace(/\n(?!zoomtop:|status|READY)/g, '');
    const errors = screen.split('\n').filter((l) => l.startsWith('zoomtop: '));
    assert.ok(errors.length >= 3, screen);
    assert.ok(errors.some((l) => l.includes(`${file}:1:`) && l.includes('interval')), screen);
    assert.ok(errors.some((l) => l.includes(`${file}:2:`) && l.includes('themee')), screen);
    assert.ok(errors.some((l) => l.includes(`${file}:4:`)), screen);
    assert.match(screen, /status 2/);
  } finally {
    pane.close();
  }
});
