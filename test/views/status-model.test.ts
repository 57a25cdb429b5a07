import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatInterval, formatUptime, toStatusLine } from '../../src/views/status-model.js';
import { textWidth } from '../../src/views/text-width.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');
const CONTEXT = { host: 'zoomcam-pi', intervalMs: 1000, statsdAddress: '127.0.0.1:8125' };
const UI = { paused: false, editingFilter: false, filter: '' };

test('wide: host, interval, uptime, zoomtop\'s own cost, StatsD and the main keys', () => {
  assert.equal(
    text(toStatusLine(buildSnapshot(), CONTEXT, UI, 200)),
    ' zoomcam-pi | every 1 s | up 3m | zoomtop 1.5 % 60 MiB | statsd 127.0.0.1:8125 | q quit  ? help  Tab focus  / filter  s sort  p pause  z zoom',
  );
});

test('narrower terminals drop StatsD, then uptime, then host, then most keys; the cost always stays', () => {
  const at = (width: number) => text(toStatusLine(buildSnapshot(), CONTEXT, UI, width));
  assert.equal(at(130), ' zoomcam-pi | every 1 s | up 3m | zoomtop 1.5 % 60 MiB | q quit  ? help  Tab focus  / filter  s sort  p pause  z zoom');
  assert.equal(at(120), ' zoomcam-pi | every 1 s | up 3m | zoomtop 1.5 % 60 MiB | q quit  ? help  Tab focus  / filter  s sort  p pause  z zoom');
  assert.equal(at(100), ' every 1 s | zoomtop 1.5 % 60 MiB | q quit  ? help  Tab focus  / filter  s sort  p pause  z zoom');
  assert.equal(at(90), ' zoomcam-pi | every 1 s | zoomtop 1.5 % 60 MiB | q quit  ? help  Tab focus  / filter');
  assert.equal(at(80), ' every 1 s | zoomtop 1.5 % 60 MiB | q quit  ? help  Tab focus  / filter');
  assert.equal(at(60), ' every 1 s | zoomtop 1.5 % 60 MiB | q quit  ? help');
  for (const width of [60, 80, 100, 120, 160]) assert.ok(textWidth(at(width)) <= width, `fits ${width}`);
});

test('one panel at a time (a small terminal): the keys lead with Tab, the way to the other panels', () => {
  const at = (width: number) => text(toStatusLine(buildSnapshot(), CONTEXT, { ...UI, single: true }, width));
  assert.equal(at(200), ' zoomcam-pi | every 1 s | zoomtop 1.5 % 60 MiB | Tab next panel  q quit  ? help');
  assert.equal(at(59), ' zoomtop 1.5 % 60 MiB | Tab next panel  q quit  ? help');
  assert.equal(at(40), ' zoomtop 1.5 % 60 MiB | Tab next  q quit');
  assert.equal(at(32), ' zoomtop 1.5 % 60 MiB | Tab next');
  assert.equal(at(30), ' zoomtop 1.5 % 60 MiB | Tab');
  assert.equal(at(24), ' zoomtop 1.5 % 60 MiB');
  for (const width of [24, 30, 32, 40, 59, 200]) assert.ok(textWidth(at(width)) <= width, `fits ${width}`);
});

test('a notice (what t switched to) leads the line in the title tone, and the cost still fits', () => {
  const line = toStatusLine(buildSnapshot(), { ...CONTEXT, notice: 'theme light' }, UI, 80);
  assert.deepEqual(line[0], { text: ' theme light ', tone: 'title' });
  assert.equal(text(line), ' theme light  zoomcam-pi | every 1 s | zoomtop 1.5 % 60 MiB | q quit  ? help');
  assert.ok(textWidth(text(line)) <= 80);
  assert.equal(text(toStatusLine(buildSnapshot(), { ...CONTEXT, notice: 'theme light' }, UI, 60)), ' theme light  every 1 s | zoomtop 1.5 % 60 MiB', 'at 60 columns the keys give way to it');
});

test('zoomtop\'s cost is never cut: a passing notice gives way, and so does the filter prompt\'s hint', () => {
  const single = (width: number, extra: object) => text(toStatusLine(buildSnapshot(), { ...CONTEXT, ...extra }, { ...UI, single: true }, width));
  assert.equal(single(60, { settling: 'measuring effect 14 s' }), ' measuring effect 14 s  zoomtop 1.5 % 60 MiB | Tab next');
  assert.equal(single(40, { settling: 'measuring effect 14 s' }), ' zoomtop 1.5 % 60 MiB | Tab next  q quit');
  assert.equal(single(24, { notice: 'theme default' }), ' zoomtop 1.5 % 60 MiB');
  const filter = (width: number) => text(toStatusLine(buildSnapshot(), CONTEXT, { ...UI, editingFilter: true, filter: 'enc' }, width));
  assert.equal(filter(40), ' filter: enc_ | zoomtop 1.5 % 60 MiB');
  assert.equal(filter(80), ' filter: enc_  Enter keep  Esc clear | zoomtop 1.5 % 60 MiB');
});

test('PAUSED leads the line in the critical tone; typing a filter turns the line into its prompt', () => {
  const paused = toStatusLine(buildSnapshot(), CONTEXT, { ...UI, paused: true }, 80);
  assert.deepEqual(paused[0], { text: ' PAUSED ', tone: 'critical' });
  assert.ok(textWidth(text(paused)) <= 80);
  assert.equal(text(toStatusLine(buildSnapshot(), CONTEXT, { ...UI, editingFilter: true, filter: 'enc' }, 80)), ' filter: enc_  Enter keep  Esc clear | zoomtop 1.5 % 60 MiB');
});

test('before zoomtop has measured itself its cost shows as unknown, never as 0', () => {
  assert.match(text(toStatusLine(buildSnapshot({ self: null }), CONTEXT, UI, 200)), /\| zoomtop … \|/);
  assert.match(text(toStatusLine(buildSnapshot({ self: { pid: 1, cpuPercent: null, rssBytes: 1024 ** 2, atMs: 0 } }), CONTEXT, UI, 200)), /zoomtop … 1 MiB/);
});

test('intervals read as seconds: 1 s, 0.5 s, 0.25 s, 60 s', () => {
  assert.deepEqual([1000, 500, 250, 60_000].map(formatInterval), ['1 s', '0.5 s', '0.25 s', '60 s']);
});

test('uptime counts seconds in the first minute, then whole minutes, then hours and minutes', () => {
  assert.deepEqual([0, 59_999, 60_000, 185_000, 3_599_999, 3_900_000, 90_000_000].map(formatUptime), ['0s', '59s', '1m', '3m', '59m', '1h05m', '1d01h']);
});

test("zoomtop's own CPU is the mean of its last readings when the store has it, so it does not flicker", () => {
  const snapshot = buildSnapshot({ self: { pid: 1, cpuPercent: 2, rssBytes: 64 * 1024 ** 2, atMs: 0, recentCpuPercent: 1.2 } });
  assert.match(text(toStatusLine(snapshot, CONTEXT, UI, 200)), /\| zoomtop 1\.2 % 64 MiB \|/);
});
