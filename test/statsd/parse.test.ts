import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDatagram, parseLine, parseNumber } from '../../src/statsd/parse.js';
import type { RejectReason, StatsdMetric } from '../../src/statsd/metric.js';

const NO_TAGS = new Map<string, string>();
const tags = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));


const accepted: [string, StatsdMetric][] = [
  ['camera.capture:12.5|ms', { kind: 'timer', name: 'camera.capture', valueMs: 12.5, sampleRate: 1, tags: NO_TAGS }],
  ['a.b:3|h', { kind: 'timer', name: 'a.b', valueMs: 3, sampleRate: 1, tags: NO_TAGS }],
  ['a.b:0.25|d', { kind: 'timer', name: 'a.b', valueMs: 0.25, sampleRate: 1, tags: NO_TAGS }],
  ['a.b:1e3|ms|@0.5', { kind: 'timer', name: 'a.b', valueMs: 1000, sampleRate: 0.5, tags: NO_TAGS }],
  ['hits:1|c', { kind: 'counter', name: 'hits', value: 1, sampleRate: 1, tags: NO_TAGS }],
  ['hits:1|c|@0.1', { kind: 'counter', name: 'hits', value: 10, sampleRate: 0.1, tags: NO_TAGS }],
  ['hits:-2|c', { kind: 'counter', name: 'hits', value: -2, sampleRate: 1, tags: NO_TAGS }],
  ['fps:30|g', { kind: 'gauge', name: 'fps', value: 30, delta: false, tags: NO_TAGS }],
  ['fps:+4|g', { kind: 'gauge', name: 'fps', value: 4, delta: true, tags: NO_TAGS }],
  ['fps:-4.5|g', { kind: 'gauge', name: 'fps', value: -4.5, delta: true, tags: NO_TAGS }],
  ['users:alice|s', { kind: 'set', name: 'users', member: 'alice', tags: NO_TAGS }],
  [
    'cap:5|ms|#camera:cam1,site:north',
    { kind: 'timer', name: 'cap', valueMs: 5, sampleRate: 1, tags: tags({ camera: 'cam1', site: 'north' }) },
  ],
  [
    'hits:1|c|@0.5|#camera:cam2,debug,url:http://x',
    { kind: 'counter', name: 'hits', value: 2, sampleRate: 0.5, tags: tags({ camera: 'cam2', debug: '', url: 'http://x' }) },
  ],
  ['fps:1|g|c:abc123|T1700000000', { kind: 'gauge', name: 'fps', value: 1, delta: false, tags: NO_TAGS }],
  ['weird name/ü:1|c', { kind: 'counter', name: 'weird name/ü', value: 1, sampleRate: 1, tags: NO_TAGS }],
];

test('accepted lines', () => {
  for (const [line, expected] of accepted) assert.deepEqual(parseLine(line), expected, line);
});

const rejected: [string, RejectReason][] = [
  ['name:1', 'missing-type'],
  ['name:1|', 'missing-type'],
  ['name|c', 'missing-value'],
  ['name', 'missing-value'],
  ['name:|c', 'missing-value'],
  [':1|c', 'empty-name'],
  ['a:b:1|c', 'colon-in-name'],
  ['name:abc|ms', 'non-numeric-value'],
  ['name:0x10|c', 'non-numeric-value'],
  ['name: 1|c', 'non-numeric-value'],
  ['name:1.|g|x', 'bad-field'],
  ['name:Infinity|ms', 'non-numeric-value'],
  ['name:1e999|ms', 'non-numeric-value'],
  ['name:1e|ms', 'non-numeric-value'],
  ['name:.|ms', 'non-numeric-value'],
  ['name:1|x', 'unknown-type'],
  ['name:1|MS', 'unknown-type'],
  ['name:-1|ms', 'negative-timer'],
  ['name:1|c|@0', 'bad-sample-rate'],
  ['name:1|c|@1.5', 'bad-sample-rate'],
  ['name:1|c|@x', 'bad-sample-rate'],
  ['name:1|c|', 'bad-field'],
  ['na\0me:1|c', 'nul-byte'],
];

test('rejected lines, by reason', () => {
  for (const [line, reason] of rejected) assert.equal(parseLine(line), reason, JSON.stringify(line));
});

test('several lines per datagram; bad lines rejected alone; empty lines and \\r ignored', () => {
  const result = parseDatagram(Buffer.from('a.b:1|ms\r\n\nbad\nc:2|c\n'));
  assert.deepEqual(result.metrics, [
    { kind: 'timer', name: 'a.b', valueMs: 1, sampleRate: 1, tags: NO_TAGS },
    { kind: 'counter', name: 'c', value: 2, sampleRate: 1, tags: NO_TAGS },
  ]);
  assert.deepEqual(result.rejects, [{ reason: 'missing-value', line: 'bad' }]);
});

test('a NUL byte is shown escaped in the rejected line', () => {
  assert.deepEqual(parseDatagram('x\0y:1|c').rejects, [{ reason: 'nul-byte', line: 'x\\0y:1|c' }]);
});

test('a datagram over 65507 bytes is rejected whole', () => {
  const big = `a:1|c\n${'x'.repeat(65_502)}`;
  assert.equal(Buffer.byteLength(big), 65_508);
  const result = parseDatagram(big);
  assert.equal(result.metrics.length, 0);
  assert.deepEqual(result.rejects, [{ reason: 'oversized', line: `a:1|c\n${'x'.repeat(74)}` }]);
  const largest = Buffer.from(big.slice(0, -1)); // 65507 bytes: still a datagram
  const parsed = parseDatagram(largest);
  assert.equal(parsed.metrics.length, 1);
  assert.deepEqual(parsed.rejects.map((r) => r.reason), ['missing-value']);
});

test('long rejected lines are cut for display', () => {
  const [reject] = parseDatagram(`${'n'.repeat(300)}|c`).rejects;
  assert.equal(reject?.line, `${'n'.repeat(200)}…`);
});

test('tag keys from the wire cannot reach an object prototype', () => {
  const metric = parseLine('a:1|c|#__proto__:x,constructor:y');
  assert.ok(typeof metric !== 'string');
  assert.equal(metric.tags.get('__proto__'), 'x');
  assert.equal(metric.tags.get('constructor'), 'y');
  assert.equal(({} as Record<string, unknown>)['x'], undefined);
});

test('repeated tag fields merge, later values win', () => {
  const metric = parseLine('a:1|c|#camera:cam1,site:a|#site:b');
  assert.ok(typeof metric !== 'string');
  assert.deepEqual(metric.tags, tags({ camera: 'cam1', site: 'b' }));
});

test('parseNumber is strict', () => {
  assert.equal(parseNumber('12.5'), 12.5);
  assert.equal(parseNumber('+3'), 3);
  assert.equal(parseNumber('-.5'), -0.5);
  assert.equal(parseNumber('5.'), 5);
  assert.equal(parseNumber('2E-3'), 0.002);
  for (const bad of ['', '+', '-', '.', '1..2', '1e', '1e+', 'NaN', '1_000', '0b1', ' 1', '1 ']) {
    assert.ok(Number.isNaN(parseNumber(bad)), JSON.stringify(bad));
  }
});
