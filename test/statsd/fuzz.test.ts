// Malformed-datagram fuzzing: 100k random datagrams never throw, never half-apply a line, and every reject is counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatsdIngest } from '../../src/statsd/ingest.js';
import { parseDatagram } from '../../src/statsd/parse.js';
import { OperationRegistry } from '../../src/timing/operation-registry.js';
import { seededRandom } from '../helpers/seeded-random.js';

const PIECES = ['cam.op', ':', '|', 'ms', 'c', 'g', 's', 'h', '@0.1', '#camera:a', '12.5', '-3', '+4', 'x', '\n', '\0', ' ', '..', 'é', '1e309', 'NaN', ''];

test('100k random datagrams: zoomtop keeps running and counts every line as a metric or a reject', () => {
  const next = seededRandom(20261203);
  const registry = new OperationRegistry({ startMs: 0 });
  const ingest = new StatsdIngest({ registry });
  let lines = 0;
  for (let i = 0; i < 100_000; i++) {
    const parts: string[] = [];
    const length = 1 + Math.floor(next() * 12);
    for (let j = 0; j < length; j++) parts.push(PIECES[Math.floor(next() * PIECES.length)]!);
    // Well-formed lines mixed in, so accepted and rejected lines share datagrams.
    const good = `cam${Math.floor(next() * 50)}.op:${(next() * 100).toFixed(2)}|${['ms', 'c', 'g', 'h'][Math.floor(next() * 4)]}`;
    const datagram = next() < 0.4 ? `${good}\n${parts.join('')}` : parts.join('');
    const input = next() < 0.5 ? datagram : Buffer.from(datagram);
    ingest.ingest(input, i);
    // Counted apart by the parser: ingest reads Buffers on its own path and must agree with it.
    const result = parseDatagram(input);
    lines += result.metrics.length + result.rejects.length;
  }
  const { counts } = ingest;
  assert.equal(counts.datagrams, 100_000);
  assert.equal(counts.lines, lines);
  assert.equal(counts.metrics + counts.rejected, counts.lines, 'every line is either applied or rejected');
  assert.equal(Object.values(counts.rejectsByReason).reduce((a, b) => a + b, 0), counts.rejected, 'every reject has its reason');
  assert.ok(counts.rejected > 10_000 && counts.metrics > 1000, `both kinds occur: ${counts.metrics} metrics, ${counts.rejected} rejects`);
  assert.ok(registry.size <= 1000, 'the series cap holds');
});
