import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDemoArgs, parseStatsdAddress } from '../../src/demo/demo-args.js';

test('--config and --statsd are read', () => {
  assert.deepEqual(parseDemoArgs(['--config', '/d/zoomcam.yaml', '--statsd', '127.0.0.1:8125']), {
    configFile: '/d/zoomcam.yaml',
    statsdHost: '127.0.0.1',
    statsdPort: 8125,
  });
  assert.deepEqual(parseStatsdAddress('[::1]:9125'), { statsdHost: '::1', statsdPort: 9125 });
  assert.deepEqual(parseStatsdAddress('localhost:1'), { statsdHost: 'localhost', statsdPort: 1 });
});

test('missing or bad arguments are one-line errors with the usage', () => {
  const usage = 'usage: node dist/src/demo/main.js --config FILE --statsd HOST:PORT';
  assert.throws(() => parseDemoArgs(['--statsd', 'h:1']), { message: `--config: missing; ${usage}` });
  assert.throws(() => parseDemoArgs(['--config', 'f']), { message: `--statsd: missing; ${usage}` });
  assert.throws(() => parseDemoArgs(['--config', 'f', '--statsd', 'h:70000']), { message: '--statsd: "h:70000" is not HOST:PORT; write e.g. 127.0.0.1:8125' });
  assert.throws(() => parseDemoArgs(['--config', 'f', '--statsd', 'h:1', '--fast']), (err: Error) => {
    assert.match(err.message, /'--fast'.*; usage: /);
    assert.ok(!err.message.includes('\n'));
    return true;
  });
});
