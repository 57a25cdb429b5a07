import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecorder, type RecorderFs } from '../../src/export/recorder.js';
import { readRecording } from '../../src/export/read-recording.js';
import type { FrameRecord, OperationsRecord, RecordingRecord } from '../../src/export/recording-types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { START_MS, scriptedFrames } from './frames.js';
import { loadSchema, validate } from './json-schema.js';

const SCHEMA = loadSchema(new URL('../../../examples/zoomtop-ndjson.schema.json', import.meta.url).pathname);

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'zoomtop-record-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines = (file: string): RecordingRecord[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as RecordingRecord);

/** node:fs with counters, and a switch that makes writes fail like a full disk. */
function countingFs(): RecorderFs & { fsyncs: number; failWrites: boolean } {
  const fs = {
    fsyncs: 0,
    failWrites: false,
    openSync: (file: string, flags: 'a+') => nodeFs.openSync(file, flags),
    writeSync: (fd: number, text: string) => {
      if (fs.failWrites) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      return nodeFs.writeSync(fd, text);
    },
    fsyncSync: (fd: number) => {
      fs.fsyncs++;
      nodeFs.fsyncSync(fd);
    },
    closeSync: nodeFs.closeSync,
    fstatSync: (fd: number) => nodeFs.fstatSync(fd),
    readSync: (fd: number, buffer: Buffer, offset: number, length: number, position: number) => nodeFs.readSync(fd, buffer, offset, length, position),
    renameSync: nodeFs.renameSync,
    unlinkSync: nodeFs.unlinkSync,
  };
  return fs;
}

test('the first frame is a header and a keyframe; later frames carry only what changed', () => {
  withDir((dir) => {
    const file = join(dir, 'run.ndjson');
    const recorder = createRecorder({ file, host: 'pi-north', clock: new FakeClock(START_MS) });
    const frames = scriptedFrames(4);
    for (const frame of frames) recorder.frame(frame);
    recorder.close();
    const records = lines(file);
    assert.deepEqual(records.map((r) => r.type), ['header', 'frame', 'operations', 'frame', 'operations', 'frame', 'operations', 'alert', 'frame', 'operations']);
    assert.deepEqual(records[0], { v: 1, type: 'header', format: 'zoomtop-recording', atMs: START_MS, host: 'pi-north' });
    const [first, second] = records.filter((r): r is FrameRecord => r.type === 'frame');
    assert.equal(first?.keyframe, true);
    assert.deepEqual(first?.history, { cpu: { drop: 0, append: [10] }, memory: { drop: 0, append: [40, 41.5] }, gpu: { drop: 0, append: [0] }, temperature: { drop: 0, append: [50] } });
    assert.equal(second?.keyframe, false);
    // memory's history did not move; gpu's one-point history was replaced; cpu and temperature grew by one.
    assert.deepEqual(second?.history, { cpu: { drop: 0, append: [null] }, memory: { drop: 0, append: [] }, gpu: { drop: 1, append: [1] }, temperature: { drop: 0, append: [51] } });
    assert.equal('operations' in (first?.snapshot ?? {}), false);
    const ops = records.filter((r): r is OperationsRecord => r.type === 'operations');
    assert.deepEqual(ops[0]?.changed.map((r) => [r.component, r.operation, r.camera ?? null]), [['camera', 'capture', null], ['camera', 'capture', 'front_door']]);
    assert.deepEqual(ops[0]?.removed, []);
    // Frame 3: the encoder row appears; only changed rows are written.
    assert.deepEqual(ops[3]?.changed.map((r) => [r.component, r.camera ?? null]), [['camera', null], ['encoder', null], ['camera', 'front_door']]);
    assert.deepEqual(ops[1]?.window, { label: 'last 2 s', startMs: START_MS, endMs: START_MS + 1000 });
    for (const record of records) assert.deepEqual(validate(record, { $ref: '#/$defs/recordingRecord', $defs: SCHEMA['$defs'] }), [], record.type);
  });
});

test('rows that go away are listed as removed; alerts are written when raised and cleared, not while they only hold', () => {
  withDir((dir) => {
    const file = join(dir, 'run.ndjson');
    const recorder = createRecorder({ file, host: 'h' });
    for (const frame of scriptedFrames(8)) recorder.frame(frame);
    recorder.close();
    const records = lines(file);
    const alerts = records.flatMap((r) => (r.type === 'alert' ? [[r.atMs - START_MS, r.entry.clearedAtMs === null ? 'holds' : 'cleared']] : []));
    assert.deepEqual(alerts, [[2000, 'holds'], [5000, 'cleared']]);
    const removed = records.flatMap((r) => (r.type === 'operations' && r.removed.length > 0 ? [[r.atMs - START_MS, r.removed]] : []));
    assert.deepEqual(removed, [[6000, [['encoder', 'encode']]]]);
  });
});

test('actions are written and synced at once; frames are synced on the cadence asked for', () => {
  withDir((dir) => {
    const fs = countingFs();
    const clock = new FakeClock(START_MS);
    const recorder = createRecorder({ file: join(dir, 'run.ndjson'), host: 'h', fs, clock, syncIntervalMs: 5000 });
    for (const frame of scriptedFrames(6)) {
      recorder.frame(frame);
      clock.advance(1000);
    }
    assert.equal(fs.fsyncs, 2); // at +0 s and +5 s
    recorder.action({ atMs: START_MS + 6000, actionId: 'lower-resolution', summary: 'front_door 1920x1080 -> 1280x720', ok: true, trigger: 'key' });
    assert.equal(fs.fsyncs, 3);
    recorder.close();
    const last = lines(join(dir, 'run.ndjson')).pop();
    assert.deepEqual(last, { v: 1, type: 'action', atMs: START_MS + 6000, actionId: 'lower-resolution', summary: 'front_door 1920x1080 -> 1280x720', ok: true, trigger: 'key' });
    const every = countingFs();
    const eager = createRecorder({ file: join(dir, 'eager.ndjson'), host: 'h', fs: every, clock });
    for (const frame of scriptedFrames(3)) eager.frame(frame);
    assert.equal(every.fsyncs, 3);
    eager.close();
  });
});

test('files rotate by size: FILE, FILE.1 ... up to maxFiles, each starting with a header and a keyframe', () => {
  withDir((dir) => {
    const file = join(dir, 'run.ndjson');
    const recorder = createRecorder({ file, host: 'h', maxBytes: 8192, maxFiles: 3 });
    for (const frame of scriptedFrames(60)) recorder.frame(frame);
    recorder.close();
    assert.ok(recorder.stats.rotations >= 3, `rotations ${recorder.stats.rotations}`);
    assert.deepEqual([file, `${file}.1`, `${file}.2`, `${file}.3`].map(existsSync), [true, true, true, false]);
    for (const part of [file, `${file}.1`, `${file}.2`]) {
      const records = lines(part);
      assert.ok(nodeFs.statSync(part).size <= 8192, part);
      assert.equal(records[0]?.type, 'header');
      assert.equal(records[1]?.type, 'frame');
      assert.equal((records[1] as FrameRecord).keyframe, true);
    }
    const newest = lines(file).filter((r) => r.type === 'frame');
    assert.equal(newest[newest.length - 1]?.atMs, START_MS + 59_000);
  });
});

test('a crash-cut last line is ended on reopen, skipped on read, and the recording goes on after it', () => {
  withDir((dir) => {
    const file = join(dir, 'run.ndjson');
    const first = createRecorder({ file, host: 'h' });
    for (const frame of scriptedFrames(2)) first.frame(frame);
    first.close();
    appendFileSync(file, '{"v":1,"type":"frame","atMs":10');
    const second = createRecorder({ file, host: 'h' });
    second.frame(scriptedFrames(3)[2] as never);
    second.close();
    const recording = readRecording(file);
    const cut = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.endsWith('"atMs":10')) + 1;
    assert.deepEqual(recording.skipped, [{ line: cut, reason: 'not a JSON record (cut short by an earlier crash?)' }]);
    assert.equal(recording.truncatedTail, false);
    assert.deepEqual(recording.records.filter((r) => r.type === 'header').length, 2);
    assert.deepEqual(recording.records.filter((r): r is FrameRecord => r.type === 'frame').map((r) => [r.atMs - START_MS, r.keyframe]), [[0, true], [1000, false], [2000, true]]);
  });
});

test('a failed write (disk full) is counted, never thrown; the next write starts again with a header and keyframe', () => {
  withDir((dir) => {
    const fs = countingFs();
    const file = join(dir, 'run.ndjson');
    const recorder = createRecorder({ file, host: 'h', fs });
    const frames = scriptedFrames(3);
    recorder.frame(frames[0] as never);
    fs.failWrites = true;
    recorder.frame(frames[1] as never);
    assert.deepEqual([recorder.stats.writeErrors, recorder.stats.lastError], [1, `recording ${file}: ENOSPC`]);
    fs.failWrites = false;
    recorder.frame(frames[2] as never);
    recorder.close();
    const kinds = lines(file).filter((r) => r.type === 'header' || r.type === 'frame').map((r) => (r.type === 'frame' ? `frame${r.keyframe ? '*' : ''}` : r.type));
    assert.deepEqual(kinds, ['header', 'frame*', 'header', 'frame*']);
  });
});

test('bad options and unopenable files are one-line errors naming the fix', () => {
  withDir((dir) => {
    assert.throws(() => createRecorder({ file: join(dir, 'x'), maxBytes: 10 }), { message: 'recording maxBytes 10 is too small; give a whole number of bytes >= 4096 (the default is 50 MiB)' });
    assert.throws(() => createRecorder({ file: join(dir, 'x'), maxFiles: 0 }), /maxFiles 0 must be a whole number from 1 to 100/);
    const missing = join(dir, 'nope', 'run.ndjson');
    assert.throws(() => createRecorder({ file: missing }), { message: `--record ${JSON.stringify(missing)} cannot be opened (ENOENT); give a file in an existing, writable directory` });
  });
});
