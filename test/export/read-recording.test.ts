import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRecording, readRecording, recordingFiles } from '../../src/export/read-recording.js';

const header = '{"v":1,"type":"header","atMs":1,"format":"zoomtop-recording","host":"h"}';
const action = '{"v":1,"type":"action","atMs":2,"actionId":"lower-resolution","summary":"s","ok":true}';

test('a truncated last line is skipped and reported; the records before it are kept', () => {
  const recording = parseRecording(`${header}\n${action}\n{"v":1,"type":"act`, 'run.ndjson');
  assert.deepEqual(recording.records.map((r) => r.type), ['header', 'action']);
  assert.deepEqual(recording.skipped, [{ line: 3, reason: 'cut short at the end of the file' }]);
  assert.equal(recording.truncatedTail, true);
});

test('a complete last record without its line feed is kept; empty lines are ignored', () => {
  const recording = parseRecording(`${header}\n\n${action}`, 'run.ndjson');
  assert.deepEqual(recording.records.map((r) => r.type), ['header', 'action']);
  assert.deepEqual([recording.skipped, recording.truncatedTail], [[], false]);
});

test('unknown types and records missing fields are skipped with a reason; a newer version is an error', () => {
  const text = [header, '{"v":1,"type":"telemetry","atMs":3}', '{"v":1,"type":"action","atMs":4}', '[1]', '{"type":"frame"}', '{"v":1,"type":"frame","atMs":5,"snapshot":{"cpu":{}},"history":{},"suggestions":[]}', ''].join('\n');
  assert.deepEqual(parseRecording(text, 'run.ndjson').skipped, [
    { line: 2, reason: 'unknown record type "telemetry"' },
    { line: 3, reason: 'action record without actionId, summary, ok' },
    { line: 4, reason: 'not a JSON object' },
    { line: 5, reason: 'no version field "v"' },
    { line: 6, reason: 'frame record without snapshot.memory, snapshot.gpu, snapshot.appFigures, snapshot.statsd' },
  ]);
  assert.throws(() => parseRecording(`${header}\n{"v":2,"type":"frame","atMs":5}\n`, 'run.ndjson'), {
    message: 'run.ndjson line 2: recording version 2 is newer than this zoomtop reads (1); replay it with a newer zoomtop',
  });
});

test('a file that cannot be read is a one-line error; rotated files are listed oldest first', () => {
  const missing = () => {
    throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  };
  assert.throws(() => readRecording('/tmp/none.ndjson', missing), {
    message: 'recording "/tmp/none.ndjson" cannot be read (ENOENT); give the file written by zoomtop --record',
  });
  const present = new Set(['r.ndjson', 'r.ndjson.1', 'r.ndjson.3']);
  assert.deepEqual(recordingFiles('r.ndjson', 5, (f) => present.has(f)), ['r.ndjson.3', 'r.ndjson.1', 'r.ndjson']);
});

test('openReplay reads FILE after its rotated files and reports what it skipped', async () => {
  const { openReplay } = await import('../../src/export/open-replay.js');
  const frame = (atMs: number, keyframe: boolean) =>
    JSON.stringify({ v: 1, type: 'frame', atMs, keyframe, snapshot: { cpu: {}, memory: {}, gpu: {}, appFigures: {}, statsd: {} }, history: { cpu: { drop: 0, append: [] }, memory: { drop: 0, append: [] }, gpu: { drop: 0, append: [] }, temperature: { drop: 0, append: [] } }, suggestions: [] });
  const files: Record<string, string> = {
    'r.ndjson.1': `${header}\n${frame(1000, true)}\n${frame(2000, false)}\n`,
    'r.ndjson': `${header}\n${frame(3000, true)}\n{"v":1,"ty`,
  };
  const opened = openReplay('r.ndjson', { read: (f) => files[f] ?? '', exists: (f) => f in files });
  assert.deepEqual(opened.files, ['r.ndjson.1', 'r.ndjson']);
  assert.deepEqual(opened.skipped, [{ file: 'r.ndjson', lines: [{ line: 3, reason: 'cut short at the end of the file' }] }]);
  assert.deepEqual([opened.replay.state().startMs, opened.replay.state().endMs, opened.replay.state().frameCount], [1000, 3000, 3]);
  assert.throws(() => openReplay('none.ndjson', { exists: () => false, read: () => { throw Object.assign(new Error('x'), { code: 'ENOENT' }); } }), /recording "none.ndjson" cannot be read \(ENOENT\)/);
});
