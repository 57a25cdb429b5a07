import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSourcesLines } from '../../src/views/sources-model.js';

test('each source says ok, stale, failed or n/a with its reason; StatsD says what it took in and rejected', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 30);
  const health = new Map([
    ['system', { state: 'ok' as const, atMs: now - 1000 }],
    ['gpu', { state: 'unavailable' as const, reason: 'no GPU found: nvidia-smi not installed' }],
    ['disk', { state: 'ok' as const, atMs: now - 20_000 }],
    ['pi-throttle', { state: 'failed' as const, atMs: now - 5000, reason: 'vcgencmd timed out after 3000 ms' }],
    ['network', { state: 'pending' as const }],
  ]);
  const lines = toSourcesLines(health, { lines: 12, metrics: 10, rejected: 2, rejectsByReason: { 'missing-type': 1, 'non-numeric-value': 1, oversized: 0 } }, now, 0);
  assert.deepEqual(lines, [
    'disk         stale since 12:00:10',
    'gpu          n/a: no GPU found: nvidia-smi not installed',
    'network      waiting for its first read',
    'pi-throttle  failed at 12:00:25: vcgencmd timed out after 3000 ms',
    'system       ok, read 1s ago',
    'statsd       12 lines, 10 applied, 2 rejected (missing-type 1, non-numeric-value 1)',
  ]);
  assert.deepEqual(toSourcesLines(new Map(), null, now).at(-1), 'statsd    off (--no-statsd)');
});
