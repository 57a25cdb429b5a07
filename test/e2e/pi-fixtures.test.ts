// A Raspberry Pi 4 under-voltage and throttled, from a fixture /proc and /sys tree: headless output and the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openTmuxPane, tmuxAvailable } from '../helpers/tmux.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const PI4 = fileURLToPath(new URL('../../../test/fixtures/proc/pi4-throttled', import.meta.url));

test('--headless on a Pi 4 fixture: health figures, the under-voltage critical alert and its suggestion', () => {
  const run = spawnSync(process.execPath, [CLI, '--headless', '--format', 'ndjson', '--duration', '3s', '--no-statsd'], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ZOOMTOP_PROC_ROOT: PI4 },
  });
  assert.equal(run.status, 0, run.stderr);
  const last = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
  assert.equal(last.snapshot.pi.board.model, 'Raspberry Pi 4 Model B Rev 1.4');
  assert.deepEqual(last.snapshot.pi.throttle.now, { underVoltage: true, armFrequencyCapped: false, throttled: true, softTemperatureLimit: false });
  const alerts = last.alerts.map((a: { level: string; message: string }) => `${a.level} ${a.message}`);
  assert.ok(alerts.includes('critical under-voltage now: the supply cannot hold 5 V'), alerts.join('\n'));
  assert.ok(alerts.includes('warning throttled now: the firmware is slowing the SoC'), alerts.join('\n'));
  assert.ok(last.suggestions.some((s: { id: string }) => s.id === 'pi-under-voltage'));
});

test('the dashboard on a Pi 4 fixture shows its health under the CPU figure and the critical alert', { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 30_000 }, async () => {
  const pane = openTmuxPane({ cols: 160, rows: 40, env: { ZOOMTOP_PROC_ROOT: PI4 } });
  try {
    pane.type(`node ${CLI} --no-statsd`);
    // blessed draws ° with the terminal's line-drawing set, which capture-pane prints as the letter f.
    const screen = await pane.waitFor((s) => s.includes('under-voltage now') && /SoC 83\.\d ?[°f]C/.test(s), 15_000);
    assert.match(screen, /UNDER-VOLTAGE THROTTLED \| SoC 83\.\d ?[°f]C/, screen);
    assert.ok(screen.includes('CRIT under-voltage now'), screen);
    pane.keys('q');
    await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 10_000);
  } finally {
    pane.close();
  }
});
