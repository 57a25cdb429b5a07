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

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/proc/', import.meta.url));

function headless(fixture: string, extraPath = ''): { snapshot: Record<string, any>; alerts: unknown[] } {
  const run = spawnSync(process.execPath, [CLI, '--headless', '--format', 'ndjson', '--duration', '3s', '--no-statsd'], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ZOOMTOP_PROC_ROOT: `${FIXTURES}${fixture}`, PATH: `${extraPath}${process.env.PATH}` },
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

test('--headless on the other fixtures: a Pi 5, an NVIDIA PC (fake nvidia-smi on PATH), a container', () => {
  const pi5 = headless('pi5');
  assert.equal(pi5.snapshot.pi.board.model, 'Raspberry Pi 5 Model B Rev 1.0');
  assert.equal(pi5.snapshot.pi.temperature.celsius, 52.35);
  assert.deepEqual(pi5.alerts, [], 'a healthy Pi raises nothing');

  const nvidia = headless('nvidia', `${FIXTURES}nvidia/bin:`);
  assert.deepEqual([nvidia.snapshot.gpu.state, nvidia.snapshot.gpu.name, nvidia.snapshot.gpu.usagePercent], ['ok', 'NVIDIA GeForce RTX 4090', 42]);
  assert.match(nvidia.snapshot.pi.board.reason, /^not a Raspberry Pi: /);

  const container = headless('container');
  assert.equal(container.snapshot.gpu.state, 'unavailable');
  assert.match(container.snapshot.pi.temperature.reason, /^no thermal zone: /, 'n/a with its reason, never 0');
});
