// /proc/meminfo: total and available bytes, the pre-3.14 estimate, and errors naming the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMeminfo } from '../../../src/sampler/sources/meminfo.js';

/** The head of a Raspberry Pi 4's /proc/meminfo, plus the Slab line further down. */
const PI_MEMINFO = [
  'MemTotal:        3885396 kB',
  'MemFree:         2102440 kB',
  'MemAvailable:    3120576 kB',
  'Buffers:           63212 kB',
  'Cached:           987372 kB',
  'SwapCached:            0 kB',
  'Active:           591512 kB',
  'SwapTotal:        102396 kB',
  'SwapFree:         102396 kB',
  'Slab:              78100 kB',
  '',
].join('\n');

test('MemTotal and MemAvailable in bytes; SwapCached is not mistaken for Cached', () => {
  assert.deepEqual(parseMeminfo(PI_MEMINFO), { totalBytes: 3885396 * 1024, availableBytes: 3120576 * 1024 });
});

test('without MemAvailable (kernels before 3.14), available is MemFree + Buffers + Cached + Slab, at most the total', () => {
  const old = PI_MEMINFO.replace(/^MemAvailable:.*\n/m, '');
  assert.deepEqual(parseMeminfo(old), { totalBytes: 3885396 * 1024, availableBytes: (2102440 + 63212 + 987372 + 78100) * 1024 });
  const overshoot = 'MemTotal: 100 kB\nMemFree: 60 kB\nBuffers: 10 kB\nCached: 30 kB\nSlab: 20 kB\n';
  assert.deepEqual(parseMeminfo(overshoot), { totalBytes: 102400, availableBytes: 102400 });
});

test('a file without the figures is one error naming it', () => {
  assert.throws(() => parseMeminfo('MemFree: 1 kB\n', '/x/proc/meminfo'), {
    message: '/x/proc/meminfo has no "MemTotal: N kB" line with N > 0; is it a /proc/meminfo file?',
  });
  assert.throws(() => parseMeminfo('MemTotal: 100 kB\nMemFree: 60 kB\n'), {
    message: '/proc/meminfo has neither "MemAvailable:" nor all of MemFree, Buffers, Cached and Slab; is it a /proc/meminfo file?',
  });
});
