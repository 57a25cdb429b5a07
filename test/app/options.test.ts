import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHostPort, parseOptions } from '../../src/app/options.js';

test('defaults: 1 s interval, StatsD on loopback 8125, no demo', () => {
  const r = parseOptions([]);
  assert.ok(r.ok);
  assert.deepEqual(r.options, { demo: false, intervalMs: 1000, statsd: { host: '127.0.0.1', port: 8125 }, appConfig: null, auto: false, readOnly: false, theme: null, mouse: false, logLevel: 'info', config: null, watch: [], given: { interval: false, statsd: false, logLevel: false }, prometheus: null, headless: false, format: 'ndjson', durationMs: null, output: null, record: null, help: false, version: false });
});

test('--interval 2s, --no-statsd, --demo, --app-config', () => {
  const r = parseOptions(['--demo', '--interval', '2s', '--no-statsd', '--app-config', 'x.yaml']);
  assert.ok(r.ok);
  assert.equal(r.options.intervalMs, 2000);
  assert.equal(r.options.statsd, null);
  assert.equal(r.options.demo, true);
  assert.equal(r.options.appConfig, 'x.yaml');
});

test('bad values give one line naming the option, the value and the fix', () => {
  const bad = parseOptions(['--interval', 'soon']);
  assert.deepEqual(bad, { ok: false, error: '--interval "soon" is not a duration between 100ms and 1h; write it like 1s, 500ms or 2s' });
  const tooFast = parseOptions(['--interval', '5ms']);
  assert.equal(tooFast.ok, false);
  const statsd = parseOptions(['--statsd', 'localhost']);
  assert.deepEqual(statsd, { ok: false, error: '--statsd "localhost" is not HOST:PORT; write it like 127.0.0.1:8125, or pass --no-statsd' });
  const unknown = parseOptions(['--frobnicate']);
  assert.equal(unknown.ok, false);
  assert.match((unknown as { error: string }).error, /frobnicate.*see zoomtop --help/);
});

test('--theme, --mouse and --log-level; bad ones name the value and the fix', () => {
  const r = parseOptions(['--theme', 'high-contrast', '--mouse', '--log-level', 'debug']);
  assert.ok(r.ok);
  assert.deepEqual([r.options.theme, r.options.mouse, r.options.logLevel], ['high-contrast', true, 'debug']);
  assert.deepEqual(parseOptions(['--log-level', 'loud']), { ok: false, error: '--log-level "loud" is not a level; use one of error, warn, info, debug' });
  assert.deepEqual(parseOptions(['--theme', '../x']), {
    ok: false,
    error: '--theme "../x" is not a theme name; use letters, digits, - and _ (e.g. default, light, high-contrast, mono, console)',
  });
});

test('host:port forms', () => {
  assert.deepEqual(parseHostPort('[::1]:9000'), { host: '::1', port: 9000 });
  assert.deepEqual(parseHostPort(':0'), { host: '127.0.0.1', port: 0 });
  assert.equal(parseHostPort('h:70000'), null);
});

test('--auto and --read-only: each alone is fine, together they contradict each other', () => {
  const auto = parseOptions(['--auto']);
  assert.ok(auto.ok && auto.options.auto && !auto.options.readOnly);
  const readOnly = parseOptions(['--read-only']);
  assert.ok(readOnly.ok && readOnly.options.readOnly && !readOnly.options.auto);
  assert.deepEqual(parseOptions(['--auto', '--read-only']), { ok: false, error: '--auto writes the app config and --read-only forbids it; drop one of them' });
});

test('--prometheus: loopback for ":PORT", explicit hosts are marked; a bad address names the fix', () => {
  const loop = parseOptions(['--prometheus', ':9464']);
  assert.ok(loop.ok);
  assert.deepEqual(loop.options.prometheus, { host: '127.0.0.1', port: 9464, explicitHost: false });
  const wide = parseOptions(['--prometheus', '0.0.0.0:9100']);
  assert.ok(wide.ok);
  assert.deepEqual(wide.options.prometheus, { host: '0.0.0.0', port: 9100, explicitHost: true });
  assert.deepEqual(parseOptions(['--prometheus', '9464']), { ok: false, error: '--prometheus "9464" is not HOST:PORT; write it like 127.0.0.1:9464 (or :9464 for loopback)' });
});

test('--headless with --format, --duration and --output; --record', () => {
  const r = parseOptions(['--headless', '--format', 'influx', '--duration', '90s', '--output', 'out.lp', '--record', 'run.ndjson']);
  assert.ok(r.ok);
  assert.deepEqual([r.options.headless, r.options.format, r.options.durationMs, r.options.output, r.options.record], [true, 'influx', 90_000, 'out.lp', 'run.ndjson']);
});

test('headless options: bad values and use without --headless give one line with the fix', () => {
  assert.deepEqual(parseOptions(['--headless', '--format', 'csv']), { ok: false, error: '--format "csv" is not a format; use one of ndjson, json, yaml, influx' });
  assert.deepEqual(parseOptions(['--headless', '--duration', 'soon']), { ok: false, error: '--duration "soon" is not a positive duration; write it like 60s, 10m or 1h' });
  assert.deepEqual(parseOptions(['--headless', '--duration', '0s']), { ok: false, error: '--duration "0s" is not a positive duration; write it like 60s, 10m or 1h' });
  assert.deepEqual(parseOptions(['--format', 'json']), { ok: false, error: '--format "json" only applies with --headless; add --headless or drop --format' });
  assert.deepEqual(parseOptions(['--output', 'x']), { ok: false, error: '--output "x" only applies with --headless; add --headless or drop --output' });
  assert.deepEqual(parseOptions(['--record', '']), { ok: false, error: '--record "" names no file; give a path, e.g. --record run.ndjson' });
});
