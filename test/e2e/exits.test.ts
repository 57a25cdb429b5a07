// End to end, every way out under three TERMs: the pane must get its shell back usable, with the right exit status and no process left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually, openTmuxPane, paneProcesses, tmuxAvailable, type TmuxPane } from '../helpers/tmux.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const TERMS = ['xterm-256color', 'tmux-256color', 'linux'] as const;
const skip = !tmuxAvailable() && 'tmux is not installed';

type Way = {
  name: string;
  status: number;
  /** ZOOMTOP_TEST_CRASH for the crash paths (a test hook: the ! key then throws or rejects). */
  crash?: 'throw' | 'reject';
  trigger(pane: TmuxPane, zoomtopPid: number): void;
};

const WAYS: Way[] = [
  { name: 'q', status: 0, trigger: (pane) => pane.keys('q') },
  { name: 'Ctrl-C', status: 130, trigger: (pane) => pane.keys('C-c') },
  { name: 'SIGTERM', status: 143, trigger: (_, pid) => process.kill(pid, 'SIGTERM') },
  { name: 'SIGHUP', status: 129, trigger: (_, pid) => process.kill(pid, 'SIGHUP') },
  { name: 'an uncaught exception', status: 1, crash: 'throw', trigger: (pane) => pane.keys('!') },
  { name: 'an unhandled rejection', status: 1, crash: 'reject', trigger: (pane) => pane.keys('!') },
];

/** Starts zoomtop --demo in a fresh pane and waits for live data; returns zoomtop's pid. */
async function startDashboard(pane: TmuxPane): Promise<number> {
  pane.type(`node ${CLI} --demo --statsd 127.0.0.1:0`);
  const screen = await pane.waitFor((s) => s.includes('camera_manager') && s.includes('Suggestions'), 40_000);
  assert.ok(screen.includes('camera_manager'), `dashboard up with live data:\n${screen}`);
  const shellPid = pane.display('#{pane_pid}');
  const running = await eventually(() => paneProcesses(pane.home, shellPid), (p) => p.length === 2);
  assert.equal(running.length, 2, `zoomtop and its demo pipeline run: ${JSON.stringify(running)}`);
  const zoomtop = running.find((p) => p.args.includes('cli.js'));
  assert.ok(zoomtop, JSON.stringify(running));
  return zoomtop.pid;
}

async function checkWayOut(way: Way, term: string): Promise<void> {
  const pane = openTmuxPane({ cols: 80, rows: 24, term, env: { ZOOMTOP_DEMO_LOAD: '0.2', ZOOMTOP_TEST_CRASH: way.crash ?? '' } });
  try {
    const pid = await startDashboard(pane);
    way.trigger(pane, pid);
    const after = await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 15_000);
    assert.ok(after.trimEnd().endsWith('READY$'), `shell prompt back:\n${after}`);
    assert.ok(!after.includes('Operations') && !after.includes('Suggestions'), `no dashboard left on the main screen (or the console):\n${after}`);
    if (way.crash) assert.match(after, /zoomtop crashed: Error: crash on purpose \(ZOOMTOP_TEST_CRASH=(throw|reject)\)/, 'the error is printed after the restore');
    const flags = pane.display('#{cursor_flag} #{alternate_on} #{keypad_flag} #{keypad_cursor_flag} #{mouse_any_flag}');
    assert.equal(flags, '1 0 0 0 0', 'cursor shown, main screen, keypad and cursor keys normal, mouse off');
    pane.type('echo "status=$?"; case " $(stty -a | tr "\\n;" "  ") " in *" -echo "*) echo tty-echo-off;; *) echo tty-echo-on;; esac');
    // Anchored to whole lines: the typed command itself contains both words, and matching it raced the output.
    const checked = await pane.waitFor((s) => /^tty-echo-o(n|ff)$/m.test(s), 10_000);
    assert.match(checked, new RegExp(`status=${way.status}\\b`), checked);
    assert.match(checked, /tty-echo-on/, 'echo is back on');
    const left = await eventually(() => paneProcesses(pane.home, pane.display('#{pane_pid}')), (p) => p.length === 0);
    assert.deepEqual(left, [], 'no zoomtop or demo process left behind');
  } finally {
    pane.close();
  }
}

for (const way of WAYS) {
  // The three TERMs of one way out run side by side: each has its own tmux server and HOME.
  test(`${way.name}: exit status ${way.status}, terminal restored, demo stopped`, { skip, timeout: 90_000, concurrency: true }, async (t) => {
    await Promise.all(TERMS.map((term) => t.test(`TERM=${term}`, () => checkWayOut(way, term))));
  });
}

test('a dropped connection (the terminal hangs up): zoomtop and the demo exit, and the log says why', { skip, timeout: 60_000 }, async () => {
  const pane = openTmuxPane({ cols: 80, rows: 24, env: { ZOOMTOP_DEMO_LOAD: '0.2' } });
  try {
    await startDashboard(pane);
    pane.hangUp();
    const left = await eventually(() => paneProcesses(pane.home, ''), (p) => p.length === 0, 10_000);
    assert.deepEqual(left, [], 'nothing left running after the hangup');
    const log = readFileSync(join(pane.home, '.local/share/zoomtop/zoomtop.log'), 'utf8');
    // Whichever comes first: the SIGHUP, or the terminal's input closing.
    assert.match(log, /"msg":"exiting with status 129: (SIGHUP|the terminal closed \(hangup\))"/);
  } finally {
    pane.close();
  }
});

test('a hangup with nothing else keeping zoomtop alive (no StatsD, no demo) still runs the cleanup', { skip, timeout: 60_000 }, async () => {
  // With only the terminal's input keeping Node's loop alive, its close used to end the process
  // before the SIGHUP was handled: no cleanup, and Node aborted on resetting the gone terminal.
  const pane = openTmuxPane({ cols: 80, rows: 24 });
  try {
    pane.type(`node ${CLI} --no-statsd`);
    const screen = await pane.waitFor((s) => s.includes('Operations') && /now \d/.test(s), 30_000);
    assert.ok(screen.includes('Operations'), screen);
    pane.hangUp();
    const left = await eventually(() => paneProcesses(pane.home, ''), (p) => p.length === 0, 10_000);
    assert.deepEqual(left, [], 'nothing left running after the hangup');
    const logFile = join(pane.home, '.local/share/zoomtop/zoomtop.log');
    const log = await eventually(() => readFileSync(logFile, 'utf8'), (text) => text.includes('exiting with status'), 5_000);
    assert.match(log, /"msg":"exiting with status 129: (SIGHUP|the terminal closed \(hangup\))"/);
  } finally {
    pane.close();
  }
});
