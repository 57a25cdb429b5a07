// Disk source against a fixture /proc/diskstats: rates over the real elapsed time, whole disks only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createDiskSource, parseDiskstats } from '../../../src/sampler/sources/disk.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { procTree } from './proc-tree.js';

const MIB = 1024 * 1024;
const SECTORS_PER_MIB = MIB / 512;

/** A diskstats line: sectors read is field 6, sectors written field 10 (1-based). */
function line(name: string, readMiB: number, writtenMiB: number): string {
  return ` 179       0 ${name} 100 0 ${readMiB * SECTORS_PER_MIB} 50 200 0 ${writtenMiB * SECTORS_PER_MIB} 90 0 120 140 0 0 0 0`;
}

function diskstats(readMiB: number, writtenMiB: number): string {
  return [
    line('mmcblk0', readMiB, writtenMiB),
    line('mmcblk0p1', 999, 999),
    line('mmcblk0p2', 999, 999),
    line('sda', 1, 1),
    line('loop0', 500, 500),
    line('zram0', 500, 500),
    line('dm-0', 500, 500),
  ].join('\n');
}

test('defect 6: disk rates are bytes over the real time between two reads, not the difference of two counters', async () => {
  const tree = procTree();
  try {
    tree.mkdir('sys/block/mmcblk0');
    tree.mkdir('sys/block/sda');
    tree.mkdir('sys/block/loop0');
    const clock = new FakeClock(0);
    const source = createDiskSource({ rootDir: tree.rootDir, clock });
    assert.deepEqual([source.name, source.intervalMs, source.timeoutMs], ['disk', 1000, 2000]);
    tree.write('proc/diskstats', diskstats(10, 20));
    // The first read has no interval yet: "no data", never 0.
    assert.deepEqual(await source.read(), [{ kind: 'disk', atMs: 0, readBytesPerSec: null, writeBytesPerSec: null, devices: ['mmcblk0', 'sda'] }]);
    // 100 MiB written over 2 s is 50 MiB/s (the original would have said 100 "MB/s").
    clock.advance(2000);
    tree.write('proc/diskstats', diskstats(14, 120));
    assert.deepEqual(await source.read(), [{ kind: 'disk', atMs: 2000, readBytesPerSec: 2 * MIB, writeBytesPerSec: 50 * MIB, devices: ['mmcblk0', 'sda'] }]);
    // Half a second later, 10 MiB more is 20 MiB/s.
    clock.advance(500);
    tree.write('proc/diskstats', diskstats(14, 130));
    const [third] = await source.read();
    assert.deepEqual(third && third.kind === 'disk' && [third.readBytesPerSec, third.writeBytesPerSec], [0, 20 * MIB]);
  } finally {
    tree.remove();
  }
});

test('without /sys/block, partitions are recognised by name; a counter that went down gives null, not a negative rate', async () => {
  const tree = procTree();
  try {
    const clock = new FakeClock(0);
    const source = createDiskSource({ rootDir: tree.rootDir, clock });
    tree.write('proc/diskstats', diskstats(10, 20));
    const [first] = await source.read();
    assert.deepEqual(first && first.kind === 'disk' && first.devices, ['mmcblk0', 'sda']);
    clock.advance(1000);
    tree.write('proc/diskstats', diskstats(5, 5));
    const [second] = await source.read();
    assert.deepEqual(second && second.kind === 'disk' && [second.readBytesPerSec, second.writeBytesPerSec], [null, null]);
  } finally {
    tree.remove();
  }
});

test('no /proc/diskstats (not Linux) is "unavailable" with the path; a malformed line is an error naming it', async () => {
  const tree = procTree();
  try {
    const source = createDiskSource({ rootDir: tree.rootDir, clock: new FakeClock(7) });
    const [sample] = await source.read();
    assert.equal(sample?.kind, 'unavailable');
    assert.match(sample?.kind === 'unavailable' ? sample.reason : '', /proc\/diskstats not readable: disk rates need Linux$/);
    assert.throws(() => parseDiskstats('8 0 sda 1 2 x', '/proc/diskstats'), /^Error: \/proc\/diskstats line 1 "8 0 sda 1 2 x" is not a diskstats line/);
  } finally {
    tree.remove();
  }
});

test('the real /proc/diskstats: one descriptor kept across reads, released by close()', { skip: process.platform !== 'linux' }, async () => {
  const openFds = () => readdirSync('/proc/self/fd').length;
  const before = openFds();
  const source = createDiskSource();
  for (let i = 0; i < 3; i++) assert.equal((await source.read())[0]?.kind, 'disk');
  assert.equal(openFds(), before + 1);
  source.close?.();
  assert.equal(openFds(), before);
});
