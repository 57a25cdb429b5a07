import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { spawn as realSpawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { PassThrough } from 'node:stream';
import { formatAddress, spawnPipeline } from '../../src/demo/spawn-pipeline.js';
import { FakeClock } from '../helpers/fake-clock.js';

class FakeChild extends EventEmitter {
  readonly stderr = new PassThrough();
  readonly signals: string[] = [];
  constructor(readonly pid: number | undefined) {
    super();
  }
  kill(signal: string): boolean {
    this.signals.push(signal);
    return true;
  }
}

function fakeSpawn(pid: number | undefined) {
  const calls: Array<{ command: string; args: string[]; options: { stdio: unknown[] } }> = [];
  const child = new FakeChild(pid);
  const spawn = ((command: string, args: string[], options: { stdio: unknown[] }) => {
    calls.push({ command, args, options });
    return child;
  }) as unknown as typeof realSpawn;
  return { spawn, child, calls };
}

test('the child runs main.js with the config, the StatsD address and an IPC channel', () => {
  const { spawn, calls } = fakeSpawn(4242);
  const pipeline = spawnPipeline({ configFile: '/d/zoomcam.yaml', statsd: { host: '0.0.0.0', port: 9125 }, nodePath: '/usr/bin/node', spawn });
  assert.equal(pipeline.pid, 4242);
  assert.equal(calls[0]!.command, '/usr/bin/node');
  assert.match(calls[0]!.args[0]!, /dist\/src\/demo\/main\.js$/);
  assert.deepEqual(calls[0]!.args.slice(1), ['--config', '/d/zoomcam.yaml', '--statsd', '127.0.0.1:9125']);
  assert.deepEqual(calls[0]!.options.stdio, ['ignore', 'ignore', 'pipe', 'ipc']);
});

test('stop() sends SIGTERM, SIGKILL after 2 s, and resolves on exit; onExit hears it', async () => {
  const { spawn, child } = fakeSpawn(4242);
  const clock = new FakeClock();
  const pipeline = spawnPipeline({ configFile: 'c.yaml', statsd: { host: '127.0.0.1', port: 1 }, spawn, clock });
  const exits: unknown[] = [];
  pipeline.onExit((code, signal) => exits.push([code, signal]));
  let stopped = false;
  const stopping = pipeline.stop().then(() => (stopped = true));
  assert.strictEqual(pipeline.stop(), pipeline.stop());
  assert.deepEqual(child.signals, ['SIGTERM']);
  clock.advance(1999);
  assert.deepEqual(child.signals, ['SIGTERM']);
  clock.advance(1);
  assert.deepEqual(child.signals, ['SIGTERM', 'SIGKILL']);
  assert.equal(stopped, false);
  child.emit('exit', null, 'SIGKILL');
  await stopping;
  assert.deepEqual(exits, [[null, 'SIGKILL']]);
  const late: unknown[] = [];
  pipeline.onExit((code, signal) => late.push([code, signal]));
  assert.deepEqual(late, [[null, 'SIGKILL']]); // registered after the exit: called at once
  await pipeline.stop();
  assert.deepEqual(child.signals, ['SIGTERM', 'SIGKILL']);
});

test('stderr lines go to onStderr; a failed start is reported and counts as an exit', async () => {
  const { spawn, child } = fakeSpawn(undefined);
  const lines: string[] = [];
  const pipeline = spawnPipeline({ configFile: 'c.yaml', statsd: { host: '::', port: 1 }, spawn, nodePath: '/no/node', onStderr: (l) => lines.push(l) });
  assert.equal(pipeline.pid, -1);
  child.stderr.end('first\nsecond\n');
  await once(child.stderr, 'end');
  await new Promise((resolve) => setImmediate(resolve));
  child.emit('error', new Error('spawn /no/node ENOENT'));
  await pipeline.stop();
  assert.deepEqual(lines, ['first', 'second', 'cannot start the demo pipeline with /no/node: spawn /no/node ENOENT']);
  assert.deepEqual(child.signals, []);
});

test('StatsD addresses: wildcards become loopback, IPv6 gets brackets', () => {
  assert.equal(formatAddress({ host: '0.0.0.0', port: 8125 }), '127.0.0.1:8125');
  assert.equal(formatAddress({ host: '::', port: 8125 }), '[::1]:8125');
  assert.equal(formatAddress({ host: 'fe80::1', port: 1 }), '[fe80::1]:1');
  assert.equal(formatAddress({ host: '10.0.0.2', port: 1 }), '10.0.0.2:1');
});
