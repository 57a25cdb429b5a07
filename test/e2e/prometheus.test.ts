// --prometheus through the real binary: the dashboard in tmux serves /metrics with system gauges and operation histograms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openTmuxPane, tmuxAvailable } from '../helpers/tmux.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

/** A port free a moment ago: bound on 0, read, released (port 0 itself would hide the port from the test). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function scrape(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

test('the dashboard with --prometheus serves zoomtop_ gauges and the operation histogram; nothing about it on screen', { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 60_000 }, async () => {
  const port = await freePort();
  const pane = openTmuxPane({ cols: 120, rows: 40, env: { ZOOMTOP_DEMO_LOAD: '0.3' } });
  try {
    pane.type(`node ${CLI} --demo --statsd 127.0.0.1:0 --prometheus 127.0.0.1:${port}`);
    await pane.waitFor((s) => s.includes('camera_manager.capture_frame'), 20_000);
    let body = '';
    const poll = async (): Promise<string> => (body = await scrape(`http://127.0.0.1:${port}/metrics`));
    await poll();
    for (let i = 0; i < 50 && !body.includes('operation="capture_frame"'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      await poll();
    }
    assert.match(body, /^zoomtop_cpu_usage_ratio \d/m);
    assert.match(body, /^zoomtop_memory_total_bytes \d+/m);
    assert.match(body, /^# TYPE zoomtop_operation_duration_seconds histogram$/m);
    assert.match(body, /^zoomtop_operation_duration_seconds_count\{component="camera_manager",operation="capture_frame"\} [1-9]\d*$/m);
    assert.match(body, /^zoomtop_statsd_lines_total [1-9]\d*$/m);
    assert.ok(!pane.capture().includes(String(port)), 'the address goes to the log, not the screen');
    pane.keys('q');
    await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 10_000);
    assert.equal(await scrape(`http://127.0.0.1:${port}/metrics`), '', 'the endpoint closes with the dashboard');
  } finally {
    pane.close();
  }
});
