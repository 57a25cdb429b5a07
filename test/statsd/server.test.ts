import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { EventEmitter } from 'node:events';
import { startStatsdServer } from '../../src/statsd/server.js';

function send(port: number, text: string): Promise<void> {
  const client = dgram.createSocket('udp4');
  return new Promise((resolve, reject) =>
    client.send(text, port, '127.0.0.1', (error) => {
      client.close();
      if (error) reject(error);
      else resolve();
    }),
  );
}

test('port 0 binds a free port, delivers datagrams and reports its receive buffer', { timeout: 5000 }, async () => {
  let resolveReceived: (text: string) => void = () => {};
  const received = new Promise<string>((resolve) => (resolveReceived = resolve));
  const server = await startStatsdServer({ port: 0, onDatagram: (datagram) => resolveReceived(datagram.toString()) });
  try {
    assert.equal(server.address.host, '127.0.0.1');
    assert.ok(server.address.port > 0);
    assert.ok(server.receiveBufferBytes === null || server.receiveBufferBytes > 0);
    await send(server.address.port, 'a.b:1|ms');
    assert.equal(await received, 'a.b:1|ms');
    assert.equal(server.stats.datagrams, 1);
  } finally {
    await server.close();
  }
  await server.close(); // closing twice is harmless
});

test('a port in use rejects with one line naming the address and the fix', { timeout: 5000 }, async () => {
  const first = await startStatsdServer({ port: 0, onDatagram: () => {} });
  try {
    await assert.rejects(startStatsdServer({ port: first.address.port, onDatagram: () => {} }), {
      message: `StatsD port 127.0.0.1:${first.address.port} is in use; pass --statsd HOST:PORT or --no-statsd`,
    });
  } finally {
    await first.close();
  }
});

/** A socket whose bind fails with the given code. */
function failingSocket(code: string): () => dgram.Socket {
  return () => {
    const socket = new EventEmitter() as EventEmitter & Record<string, unknown>;
    socket['bind'] = () => {
      const error = Object.assign(new Error(code), { code });
      queueMicrotask(() => socket.emit('error', error));
    };
    socket['close'] = (done?: () => void) => done?.();
    return socket as unknown as dgram.Socket;
  };
}

test('bind failures become one-line errors by cause', async () => {
  const cases: [string, string][] = [
    ['EACCES', 'StatsD port 0.0.0.0:81 needs privileges (ports below 1024 need root); pass --statsd HOST:PORT or --no-statsd'],
    ['EADDRNOTAVAIL', 'StatsD address 0.0.0.0:81 is not an address of this machine; pass --statsd HOST:PORT or --no-statsd'],
    ['EWHATEVER', 'StatsD cannot listen on 0.0.0.0:81: EWHATEVER; pass --statsd HOST:PORT or --no-statsd'],
  ];
  for (const [code, message] of cases) {
    await assert.rejects(
      startStatsdServer({ host: '0.0.0.0', port: 81, onDatagram: () => {}, createSocket: failingSocket(code) }),
      { message },
    );
  }
  await assert.rejects(startStatsdServer({ port: 70_000, onDatagram: () => {} }), {
    message: 'StatsD port 70000 is not a UDP port (0-65535); pass --statsd HOST:PORT, e.g. 127.0.0.1:8125',
  });
});

test('a throwing handler is counted, the server keeps receiving', { timeout: 5000 }, async () => {
  const seen: string[] = [];
  let resolveSecond: () => void = () => {};
  const second = new Promise<void>((resolve) => (resolveSecond = resolve));
  const server = await startStatsdServer({
    port: 0,
    onDatagram: (datagram) => {
      seen.push(datagram.toString());
      if (seen.length === 1) throw new Error('handler bug');
      resolveSecond();
    },
  });
  try {
    await send(server.address.port, 'one:1|c');
    await send(server.address.port, 'two:1|c');
    await second;
    assert.deepEqual(seen, ['one:1|c', 'two:1|c']);
    assert.equal(server.stats.handlerErrors, 1);
  } finally {
    await server.close();
  }
});
