import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedFrame } from '../../src/export/frame-encoder.js';
import { readRecording, recordingFiles } from '../../src/export/read-recording.js';
import { createRecorder } from '../../src/export/recorder.js';
import type { RecordingRecord } from '../../src/export/recording-types.js';
import { createReplay, type ReplayFrame } from '../../src/export/replay.js';
import type { AlertEntry } from '../../src/rules/types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { advance, fakeProfiler } from '../profiler/fake-machine.js';
import { START_MS, scriptedFrames } from './frames.js';

function record(frames: readonly RecordedFrame[], options: { maxBytes?: number; maxFiles?: number } = {}): RecordingRecord[] {
  const dir = mkdtempSync(join(tmpdir(), 'zoomtop-replay-'));
  try {
    const file = join(dir, 'run.ndjson');
    const recorder = createRecorder({ file, host: 'h', ...options });
    for (const frame of frames) recorder.frame(frame);
    recorder.close();
    return recordingFiles(file, options.maxFiles ?? 5).flatMap((f) => readRecording(f).records);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// lastSeenMs moves every tick while an alert holds; recordings keep the value of its last change (never shown).
const shown = (alerts: readonly AlertEntry[]) => alerts.map(({ lastSeenMs: _seen, ...rest }) => rest);

function assertSameFrame(actual: ReplayFrame, expected: RecordedFrame, where: string): void {
  assert.deepEqual(actual.snapshot, expected.snapshot, `${where}: snapshot`);
  assert.deepEqual(shown(actual.outcome.alerts), shown(expected.outcome.alerts), `${where}: alerts`);
  assert.deepEqual(actual.outcome.suggestions, expected.outcome.suggestions, `${where}: suggestions`);
  assert.deepEqual(actual.cameraStats, expected.cameraStats ?? [], `${where}: camera rows`);
}

test('every replayed frame equals the frame recorded: histories, rows, Pi figures, alerts, suggestions', () => {
  const frames = scriptedFrames(30);
  const replay = createReplay(record(frames), { clock: new FakeClock(0) });
  assert.equal(replay.state().frameCount, 30);
  frames.forEach((frame, i) => assertSameFrame(replay.seek(frame.snapshot.atMs), frame, `frame ${i}`));
});

test('a rotated recording replays the same across its files (each file restarts with a keyframe)', () => {
  const frames = scriptedFrames(40);
  const records = record(frames, { maxBytes: 8192, maxFiles: 20 });
  assert.ok(records.filter((r) => r.type === 'header').length >= 3);
  const replay = createReplay(records, { clock: new FakeClock(0) });
  frames.forEach((frame, i) => assertSameFrame(replay.seek(frame.snapshot.atMs), frame, `frame ${i}`));
});

test('a recording of a 10-minute profiler run replays with the same values', async () => {
  const { clock, profiler, state } = fakeProfiler();
  const frames: RecordedFrame[] = [];
  profiler.on('snapshot', () => {
    const view = profiler.current();
    if (view) frames.push(structuredClone({ snapshot: view.snapshot, outcome: view.rules, cameraStats: profiler.registry.cameraStats(view.snapshot.atMs) }));
  });
  profiler.start({ intervalMs: 1000 });
  for (let s = 0; s < 600; s++) {
    state.cpuPercent = s % 120 < 60 ? 20 + (s % 7) : 97; // holds above the alert and suggestion thresholds for a minute at a time
    profiler.record('camera', 'capture', 5 + (s % 11));
    if (s % 3 === 0) profiler.registry.recordForCamera('camera', 'encode', `cam${s % 2}`, 20 + (s % 5));
    await advance(clock, 1000, 1000);
  }
  profiler.stop();
  assert.ok(frames.length >= 600, `frames ${frames.length}`);
  assert.ok(frames.some((f) => f.outcome.alerts.length > 0) && frames.some((f) => f.outcome.suggestions.length > 0));
  const replay = createReplay(record(frames), { clock: new FakeClock(0) });
  assert.equal(replay.state().frameCount, frames.length);
  frames.forEach((frame, i) => assertSameFrame(replay.seek(frame.snapshot.atMs), frame, `frame ${i}`));
});

test('play advances recording time at the chosen speed, pauses at the end, and plays again from the start', () => {
  const wall = new FakeClock(0);
  const replay = createReplay(record(scriptedFrames(10)), { clock: wall, speed: 4 });
  assert.deepEqual(replay.state(), { playing: false, speed: 4, positionMs: START_MS, index: 0, frameCount: 10, startMs: START_MS, endMs: START_MS + 9000, ended: false });
  assert.equal(replay.msUntilNextFrame(), null);
  replay.play();
  assert.equal(replay.msUntilNextFrame(), 250);
  wall.advance(1100);
  assert.equal(replay.current().atMs, START_MS + 4000);
  assert.equal(replay.msUntilNextFrame(), 150);
  wall.advance(5000);
  assert.deepEqual([replay.state().playing, replay.state().ended, replay.current().atMs], [false, true, START_MS + 9000]);
  replay.play();
  assert.equal(replay.current().atMs, START_MS);
});

test('pause, step, seek and speed changes', () => {
  const wall = new FakeClock(0);
  const replay = createReplay(record(scriptedFrames(10)), { clock: wall });
  replay.play();
  wall.advance(2500);
  replay.pause();
  wall.advance(10_000);
  assert.equal(replay.state().positionMs, START_MS + 2500);
  assert.equal(replay.current().atMs, START_MS + 2000);
  assert.equal(replay.step().atMs, START_MS + 3000);
  assert.equal(replay.step(-2).atMs, START_MS + 1000);
  assert.equal(replay.step(-5).atMs, START_MS);
  assert.equal(replay.seek(START_MS + 7600).atMs, START_MS + 7000);
  assert.equal(replay.seekBy(-3000).atMs, START_MS + 4000);
  assert.equal(replay.seek(0).atMs, START_MS);
  assert.equal(replay.seek(Number.MAX_SAFE_INTEGER).atMs, START_MS + 9000);
  replay.seek(START_MS);
  replay.toggle();
  replay.setSpeed(2);
  wall.advance(1000);
  assert.equal(replay.current().atMs, START_MS + 2000);
  assert.throws(() => replay.setSpeed(0), { message: 'replay speed 0 must be a number above 0 and at most 1000, e.g. --speed 0.5, 1 or 4' });
});

test('the actions recorded come with the frame they followed; a recording without frames is refused', () => {
  const frames = scriptedFrames(3);
  const records = record(frames);
  const action = { v: 1, type: 'action', atMs: START_MS + 1500, actionId: 'lower-resolution', summary: 'front_door down', ok: true } as const;
  records.splice(records.findIndex((r) => r.type === 'frame' && r.atMs === START_MS + 2000), 0, action);
  const replay = createReplay(records, { clock: new FakeClock(0) });
  assert.deepEqual(replay.seek(START_MS + 1000).actions, [action]);
  assert.deepEqual(replay.seek(START_MS + 2000).actions, []);
  assert.throws(() => createReplay(records.filter((r) => r.type === 'header')), /the recording has no frames; give a file written by zoomtop --record/);
});
