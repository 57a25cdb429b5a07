import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { startPrometheusServer } from '../../src/export/prometheus-server.js';

type Reply = { status: number; type: string | undefined; body: string };

function get(port: number, path: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves /metrics in the Prometheus text format on loopback by default; 404 elsewhere', async () => {
  let renders = 0;
  const server = await startPrometheusServer({ port: 0, render: () => `# TYPE a gauge\na ${++renders}\n` });
  try {
    assert.equal(server.address.host, '127.0.0.1');
    const first = await get(server.address.port, '/metrics');
    assert.deepEqual(first, { status: 200, type: 'text/plain; version=0.0.4; charset=utf-8', body: '# TYPE a gauge\na 1\n' });
    assert.equal((await get(server.address.port, '/metrics?name[]=a')).body, '# TYPE a gauge\na 2\n');
    const missing = await get(server.address.port, '/');
    assert.equal(missing.status, 404);
    assert.equal(missing.body, 'not found: Prometheus metrics are at /metrics\n');
    assert.equal((await get(server.address.port, '/metrics', 'POST')).status, 405);
    assert.deepEqual(server.stats, { scrapes: 2, renderErrors: 0, refused: 2 });
  } finally {
    await server.close();
  }
});

test('a render that throws answers 500 with one line, is counted, and the server keeps serving', async () => {
  const errors: unknown[] = [];
  let fail = true;
  const server = await startPrometheusServer({
    port: 0,
    render: () => {
      if (fail) throw new Error('registry broke\nsecond line');
      return '';
    },
    onError: (error) => errors.push(error),
  });
  try {
    const broken = await get(server.address.port, '/metrics');
    assert.deepEqual([broken.status, broken.body], [500, 'zoomtop could not render the metrics: registry broke\n']);
    fail = false;
    assert.equal((await get(server.address.port, '/metrics')).status, 200);
    assert.equal(server.stats.renderErrors, 1);
    assert.equal(errors.length, 1);
  } finally {
    await server.close();
  }
});

test('a port in use or out of range is a one-line error naming the address and the fix', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    await assert.rejects(startPrometheusServer({ port, render: () => '' }), {
      message: `Prometheus port 127.0.0.1:${port} is in use; pass --prometheus HOST:PORT with a free port, e.g. 127.0.0.1:9464`,
    });
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
  await assert.rejects(startPrometheusServer({ port: 70000, render: () => '' }), /Prometheus port 70000 is not a TCP port \(0-65535\)/);
});

test('close() is idempotent and frees the port', async () => {
  const server = await startPrometheusServer({ port: 0, render: () => '' });
  const { port } = server.address;
  await Promise.all([server.close(), server.close()]);
  const again = await startPrometheusServer({ port, render: () => '' });
  await again.close();
});
