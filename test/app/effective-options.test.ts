import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveOptions } from '../../src/app/effective-options.js';
import { parseOptions } from '../../src/app/options.js';
import { DEFAULT_ZOOMTOP_CONFIG } from '../../src/config/zoomtop-config-defaults.js';

const fromFile = { ...DEFAULT_ZOOMTOP_CONFIG, intervalMs: 5000, statsd: null, logLevel: 'debug' as const, appConfig: '/etc/zoomcam/config.yaml', theme: 'light' };

function run(argv: string[]) {
  const parsed = parseOptions(argv);
  assert.ok(parsed.ok);
  return effectiveOptions(parsed.options, fromFile);
}

test('zoomtop.yaml fills what the command line did not give', () => {
  const o = run([]);
  assert.deepEqual([o.intervalMs, o.statsd, o.logLevel, o.appConfig, o.theme], [5000, null, 'debug', '/etc/zoomcam/config.yaml', 'light']);
});

test('the command line wins over zoomtop.yaml', () => {
  const o = run(['--interval', '2s', '--statsd', ':9125', '--log-level', 'warn', '--app-config', 'mine.yaml', '--theme', 'mono']);
  assert.deepEqual([o.intervalMs, o.statsd, o.logLevel, o.appConfig, o.theme], [2000, { host: '127.0.0.1', port: 9125 }, 'warn', 'mine.yaml', 'mono']);
});

test('--demo works on its own copy, not on the app config named in zoomtop.yaml', () => {
  assert.equal(run(['--demo']).appConfig, null);
  assert.equal(run(['--demo', '--app-config', 'x.yaml']).appConfig, 'x.yaml');
});

test('--statsd and --no-statsd together contradict each other', () => {
  assert.deepEqual(parseOptions(['--no-statsd', '--statsd', ':1']), { ok: false, error: '--statsd ":1" and --no-statsd contradict each other; drop one of them' });
});
