// Network source against a fixture /proc/net/dev: rates over the real elapsed time, loopback left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createNetworkSource, parseNetDev } from '../../../src/sampler/sources/network.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { procTree } from './proc-tree.js';

function netDev(eth0Rx: number, eth0Tx: number, loBytes = 0): string {
  return [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    `    lo: ${loBytes} 10 0 0 0 0 0 0 ${loBytes} 10 0 0 0 0 0 0`,
    `  eth0: ${eth0Rx} 200 0 0 0 0 0 0 ${eth0Tx} 100 0 0 0 0 0 0`,
    `wlan0:1000 5 0 0 0 0 0 0 2000 5 0 0 0 0 0 0`,
  ].join('\n');
}

test('defect 6: network figures are bytes per second over the real elapsed time, not cumulative totals', async () => {
  const tree = procTree();
  try {
    const clock = new FakeClock(0);
    const source = createNetworkSource({ rootDir: tree.rootDir, clock });
    tree.write('proc/net/dev', netDev(1_000_000, 500_000, 9_999_999));
    assert.deepEqual(await source.read(), [{ kind: 'network', atMs: 0, receivedBytesPerSec: null, sentBytesPerSec: null, interfaces: ['eth0', 'wlan0'] }]);
    clock.advance(4000);
    tree.write('proc/net/dev', netDev(5_000_000, 700_000, 99_999_999));
    assert.deepEqual(await source.read(), [{ kind: 'network', atMs: 4000, receivedBytesPerSec: 1_000_000, sentBytesPerSec: 50_000, interfaces: ['eth0', 'wlan0'] }]);
  } finally {
    tree.remove();
  }
});

test('includeLoopback counts lo; a clock that did not move gives null rates; bad lines name the line', async () => {
  const tree = procTree();
  try {
    const clock = new FakeClock(0);
    const source = createNetworkSource({ rootDir: tree.rootDir, clock, includeLoopback: true });
    tree.write('proc/net/dev', netDev(0, 0, 100));
    await source.read();
    const [same] = await source.read();
    assert.deepEqual(same && same.kind === 'network' && [same.receivedBytesPerSec, same.interfaces], [null, ['lo', 'eth0', 'wlan0']]);
    clock.advance(1000);
    tree.write('proc/net/dev', netDev(0, 0, 600));
    const [later] = await source.read();
    assert.deepEqual(later && later.kind === 'network' && [later.receivedBytesPerSec, later.sentBytesPerSec], [500, 500]);
    assert.deepEqual([...parseNetDev(netDev(1, 2)).keys()], ['lo', 'eth0', 'wlan0']);
    assert.throws(() => parseNetDev('eth0: 1 2 3'), /^Error: \/proc\/net\/dev line 1 "eth0: 1 2 3" is not an interface line/);
  } finally {
    tree.remove();
  }
});

test('no /proc/net/dev is "unavailable", not an error', async () => {
  const tree = procTree();
  try {
    const [sample] = await createNetworkSource({ rootDir: tree.rootDir, clock: new FakeClock(0) }).read();
    assert.equal(sample?.kind, 'unavailable');
  } finally {
    tree.remove();
  }
});

test('the real /proc/net/dev: one descriptor kept across reads, released by close()', { skip: process.platform !== 'linux' }, async () => {
  const openFds = () => readdirSync('/proc/self/fd').length;
  const before = openFds();
  const source = createNetworkSource();
  for (let i = 0; i < 3; i++) assert.equal((await source.read())[0]?.kind, 'network');
  assert.equal(openFds(), before + 1);
  source.close?.();
  assert.equal(openFds(), before);
});
