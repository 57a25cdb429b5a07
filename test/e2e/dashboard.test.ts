// End to end in a real terminal: start zoomtop --demo in tmux, read the screen, quit, check the shell is usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTmuxPane, tmuxAvailable } from '../helpers/tmux.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const PANELS = ['CPU', 'Memory', 'GPU', 'Operations', 'Alerts', 'Suggestions'];


/** zoomtop and demo processes of this pane: children of its shell, or node processes reading the scratch HOME (an orphan would). */
function zoomtopProcesses(pane: { home: string; display(format: string): string }): string[] {
  const shellPid = pane.display('#{pane_pid}');
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, ppid, ...args]) => pid && (ppid === shellPid || (args.join(' ').includes(pane.home) && args[0]?.endsWith('node'))))
    .map((fields) => fields.join(' '));
}

test('the dashboard shows six live panels and q gives the shell back', { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 60_000 }, async () => {
  const pane = openTmuxPane({ cols: 120, rows: 40, env: { ZOOMTOP_DEMO_LOAD: '0.3' } });
  try {
    pane.type(`node ${CLI} --demo --statsd 127.0.0.1:0`);
    const screen = await pane.waitFor((s) => s.includes('camera_manager.capture_frame') && /now\s+\d+\.\d %/.test(s), 20_000);
    for (const title of PANELS) assert.ok(screen.includes(title), `panel ${title} missing:\n${screen}`);
    assert.match(screen, /now\s+\d+\.\d %/, 'a live CPU or memory figure');
    assert.ok(screen.includes('motion_detector.detect') && screen.includes('encoder.encode'), screen);
    assert.equal(zoomtopProcesses(pane).length, 2, 'zoomtop and its demo pipeline run while the dashboard is up');

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

for (const [term, key] of [['linux', 'C-c'], ['tmux-256color', 'C-c'], ['xterm-256color', 'q']] as const) {
  test(`TERM=${term}: ${key} quits and leaves the terminal usable`, { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 40_000 }, async () => {
    const pane = openTmuxPane({ cols: 80, rows: 24, term, env: { ZOOMTOP_DEMO_LOAD: '0.2' } });
    try {
      pane.type(`node ${CLI} --demo --statsd 127.0.0.1:0 2>"$HOME/stderr.txt"`);
      const screen = await pane.waitFor((s) => s.includes('Suggestions') && s.includes('camera_manager'), 20_000);
      for (const title of PANELS) assert.ok(screen.includes(title), `panel ${title} missing at 80x24:\n${screen}`);
      pane.keys(key);
      const after = await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 10_000);
      assert.ok(after.trimEnd().endsWith('READY$'), after);
      assert.equal(pane.display('#{cursor_flag}'), '1', 'cursor visible');
      assert.equal(readFileSync(join(pane.home, 'stderr.txt'), 'utf8'), '', 'nothing on stderr (no terminfo warnings)');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(zoomtopProcesses(pane), []);
    } finally {
      pane.close();
    }
  });
}
