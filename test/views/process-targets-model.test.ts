import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toProcessTargetLines } from '../../src/views/process-targets-model.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

test('a watched process reads its cost, its exit time, or why it is not there', () => {
  const lines = toProcessTargetLines(
    [
      { atMs: 0, target: '--process zoomcam', status: 'running', pid: 812, command: 'zoomcam', state: 'S (sleeping)', cpuPercent: 42.25, rssBytes: 150 * 1024 ** 2, threadCount: 12, openFdCount: 33, restartCount: 0 },
      { atMs: 0, target: '--pid 900', status: 'exited', pid: 900, command: 'ffmpeg', exitedAtMs: Date.UTC(2026, 0, 1, 3, 4, 5), restartCount: 0 },
      { atMs: 0, target: '--process nosuch', status: 'missing', reason: 'no process named "nosuch"' },
      { atMs: 0, target: '--pid 77', status: 'running', pid: 77, command: 'kworker', state: 'I (idle)', cpuPercent: null, rssBytes: null, threadCount: 1, openFdCount: null, restartCount: 0 },
    ],
    0,
  );
  assert.deepEqual(lines.map(text), [
    'zoomcam 812 42.3 % of 1 core, 150 MiB, 12 thr, 33 fd, S',
    'ffmpeg 900 exited at 03:04:05',
    '--process nosuch no process named "nosuch"',
    'kworker 77 …, …, 1 thr, I',
  ]);
  assert.equal(lines[1]![1]!.tone, 'careful');
});
