// zoomtop --headless through the real binary: no terminal, NDJSON or Influx lines on stdout, a summary at the end, exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const env = (home: string) => ({ PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8' });
const home = () => mkdtempSync(join(tmpdir(), 'zoomtop-headless-'));

test('--format ndjson --duration 3s: a versioned snapshot line per interval on stdout, nothing on stderr, exit 0', { timeout: 30_000 }, () => {
  const run = spawnSync(process.execPath, [CLI, '--headless', '--format', 'ndjson', '--duration', '3s', '--no-statsd'], { encoding: 'utf8', env: env(home()), timeout: 20_000 });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  const lines = run.stdout.trimEnd().split('\n');
  assert.ok(lines.length >= 2 && lines.length <= 4, `2-4 lines in 3 s at 1 s:\n${run.stdout}`);
  for (const line of lines) {
    const record = JSON.parse(line) as { version: number; type: string; snapshot: { atMs: number; memory: { totalBytes: number } } };
    assert.equal(record.version, 1);
    assert.equal(record.type, 'snapshot');
    assert.equal(typeof record.snapshot.atMs, 'number');
    assert.ok(record.snapshot.memory.totalBytes > 0);
  }
});

test('--format influx: line protocol points (measurement, fields, nanosecond timestamp)', { timeout: 30_000 }, () => {
  const run = spawnSync(process.execPath, [CLI, '--headless', '--format', 'influx', '--duration', '1500ms', '--no-statsd'], { encoding: 'utf8', env: env(home()), timeout: 20_000 });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.ok(lines.length >= 1, run.stdout);
  for (const line of lines) assert.match(line, /^zoomtop_[a-z_]+(,[^ =,]+=[^ ,]+)* [a-z_]+=("(\\.|[^"\\])*"|[^ ",]+)(,[a-z_]+=("(\\.|[^"\\])*"|[^ ",]+))* \d{19}$/);
  assert.ok(lines.some((l) => l.startsWith('zoomtop_system,host=')), run.stdout);
});

test('--format json on SIGTERM: the summary is written, exit 0', { timeout: 30_000 }, async () => {
  const child = spawn(process.execPath, [CLI, '--headless', '--format', 'json', '--no-statsd'], { env: env(home()) });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  // Any output before the signal would be a bug; the end is what writes the summary.
  setTimeout(() => child.kill('SIGTERM'), 1500);
  assert.equal(await code, 0);
  const summary = JSON.parse(stdout) as Record<string, unknown>;
  assert.ok('running' in summary, stdout.slice(0, 200));
});

test('--output in a missing directory: one line naming the file and the fix, exit 1', () => {
  const run = spawnSync(process.execPath, [CLI, '--headless', '--no-statsd', '--output', '/nonexistent-dir/x.ndjson'], { encoding: 'utf8', env: env(home()), timeout: 20_000 });
  assert.equal(run.status, 1);
  assert.equal(run.stderr, 'zoomtop: --output "/nonexistent-dir/x.ndjson" cannot be opened (ENOENT); give a file in an existing, writable directory\n');
});
