import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes } from '../../src/views/format.js';

test('bytes in binary units with one decimal under 100, or as many as asked', () => {
  assert.deepEqual([null, 512, 1536, 65.54 * 1024 ** 2, 150 * 1024 ** 2, 23.5 * 1024 ** 3].map((b) => formatBytes(b)), ['…', '512 B', '1.5 KiB', '65.5 MiB', '150 MiB', '23.5 GiB']);
  assert.deepEqual([65.54 * 1024 ** 2, 65.5 * 1024 ** 2, 512].map((b) => formatBytes(b, 0)), ['66 MiB', '66 MiB', '512 B']);
});
