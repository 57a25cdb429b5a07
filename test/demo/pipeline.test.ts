import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as settle } from 'node:timers/promises';
import type { DemoConfig } from '../../src/demo/demo-config.js';
import type { StripeJob, StripeResult } from '../../src/demo/frame-work.js';
import { DemoPipeline, type DemoReporter } from '../../src/demo/pipeline.js';
import { FakeClock } from '../helpers/fake-clock.js';

const RESULT: StripeResult = { captureMs: 1, detectMs: 2, encodeMs: 3, encodedBytes: 10, changedPixels: 0, minX: -1, minY: -1, maxX: -1, maxY: -1 };

/** Runs stripes when told: each job waits until release() (or at once with autoRelease). */
class FakeRunner {
  readonly jobs: StripeJob[] = [];
  autoRelease = true;
  private waiting: Array<() => void> = [];
  runStripe(job: StripeJob): Promise<StripeResult> {
    this.jobs.push(job);
    if (this.autoRelease) return Promise.resolve(RESULT);
    return new Promise((resolve) => this.waiting.push(() => resolve(RESULT)));
  }
  release(): void {
    for (const done of this.waiting.splice(0)) done();
  }
}

class FakeReporter implements DemoReporter {
  readonly lines: string[] = [];
  recordForCamera(component: string, operation: string, camera: string, durationMs: number, success = true): void {
    this.lines.push(`${component}.${operation} ${camera} ${durationMs}${success ? '' : ' failed'}`);
  }
  gauge(name: string, value: number): void {
    this.lines.push(`${name}=${value}`);
  }
  increment(name: string, n = 1): void {
    this.lines.push(`${name}+${n}`);
  }
}

const config = (enabledB: boolean, widthA = 64): DemoConfig => ({
  cameras: [
    { id: 'a', width: widthA, height: 32, enabled: true, fps: null },
    { id: 'b', width: 32, height: 16, enabled: enabledB, fps: 5 },
  ],
  targetFps: 10,
});

function setup(cfg: DemoConfig) {
  const clock = new FakeClock(0);
  const runner = new FakeRunner();
  const reporter = new FakeReporter();
  const pipeline = new DemoPipeline({ config: cfg, scale: 1, runner, reporter, clock, stripePixels: 1024, log: () => {} });
  /** Moves time in steps, letting finished frames complete between them. */
  const run = async (ms: number, stepMs = 10): Promise<void> => {
    for (let t = 0; t < ms; t += stepMs) {
      clock.advance(stepMs);
      await settle();
    }
  };
  return { clock, runner, reporter, pipeline, run };
}

test('each frame is split into stripes of whole rows on the camera buffers, alternating current and previous', async () => {
  const { runner, pipeline, clock } = setup(config(false));
  pipeline.start();
  clock.advance(0);
  assert.deepEqual(
    runner.jobs.map((j) => [j.width, j.height, j.rowStart, j.rowEnd, j.sceneMs, j.previous]),
    [
      [64, 32, 0, 16, 0, null],
      [64, 32, 16, 32, 0, null],
    ],
  );
  await settle();
  clock.advance(100);
  const [first, second] = [runner.jobs[0]!, runner.jobs[2]!];
  assert.equal(second.sceneMs, 100);
  assert.equal(second.previous, first.current);
  assert.notEqual(second.current, first.current);
  assert.equal(second.current.byteLength, 64 * 32);
  await pipeline.stop();
});

test('timers per camera and step sum the stripes; gauges come every second', async () => {
  const { reporter, pipeline, run } = setup(config(true));
  pipeline.start();
  await run(990);
  const frameLines = reporter.lines.filter((l) => !l.startsWith('zoomcam.'));
  assert.equal(frameLines.filter((l) => l === 'camera_manager.capture_frame a 2').length, 10);
  assert.equal(frameLines.filter((l) => l === 'motion_detector.detect a 4').length, 10);
  assert.equal(frameLines.filter((l) => l === 'encoder.encode a 6').length, 10);
  assert.equal(frameLines.filter((l) => l === 'camera_manager.capture_frame b 1').length, 5); // one stripe, 5 fps
  await run(10);
  assert.deepEqual(reporter.lines.filter((l) => l.startsWith('zoomcam.')), [
    'zoomcam.fps=15',
    `zoomcam.frame_time_ms=${(10 * 12 + 5 * 6) / 15}`,
    'zoomcam.cameras=2',
    'zoomcam.cameras_active=2',
    'zoomcam.dropped_frames+0',
  ]);
  await pipeline.stop();
});

test('a busy camera drops frames and its achieved fps falls', async () => {
  const { reporter, runner, pipeline, run } = setup(config(false));
  runner.autoRelease = false;
  pipeline.start();
  await run(250); // frame 0 in flight; 1 waits, 2 replaces it
  runner.release(); // frame 0 done, frame 2 starts at once
  await run(750);
  runner.release();
  await settle();
  // Frames started: 0, then 2 (waiting when 0 completed); 3..9 replaced one another until the next release.
  assert.deepEqual(reporter.lines.filter((l) => l.startsWith('zoomcam.fps') || l.startsWith('zoomcam.dropped')), [
    'zoomcam.fps=1',
    'zoomcam.dropped_frames+7',
  ]);
  const stopping = pipeline.stop();
  runner.release();
  await stopping;
});

test('disabling a camera stops its frames; a new resolution gets new buffers', async () => {
  const { reporter, runner, pipeline, run } = setup(config(true));
  pipeline.start();
  await run(200);
  pipeline.applyConfig(config(false, 128));
  assert.deepEqual(pipeline.processedSize('a'), { width: 128, height: 32 });
  assert.equal(pipeline.processedSize('b'), null);
  const before = reporter.lines.filter((l) => l.includes(' b ')).length;
  const jobsBefore = runner.jobs.length;
  await run(1000);
  assert.equal(reporter.lines.filter((l) => l.includes(' b ')).length, before);
  const after = runner.jobs.slice(jobsBefore);
  assert.ok(after.length > 0 && after.every((j) => j.width === 128 && j.current.byteLength === 128 * 32));
  assert.equal(after[0]!.previous, null); // the first frame at the new size has nothing to compare with
  assert.ok(reporter.lines.includes('zoomcam.cameras_active=1'));
  await pipeline.stop();
});

test('a failed stripe is recorded as a failed frame and logged once', async () => {
  const clock = new FakeClock(0);
  const reporter = new FakeReporter();
  const logged: string[] = [];
  const runner = { runStripe: () => Promise.reject(new Error('worker died')) };
  const cfg: DemoConfig = { cameras: [{ id: 'a', width: 32, height: 16, enabled: true, fps: null }], targetFps: 10 };
  const pipeline = new DemoPipeline({ config: cfg, scale: 1, runner, reporter, clock, log: (l) => logged.push(l) });
  pipeline.start();
  clock.advance(0);
  await settle();
  assert.deepEqual(reporter.lines, [
    'camera_manager.capture_frame a 0 failed',
    'motion_detector.detect a 0 failed',
    'encoder.encode a 0 failed',
  ]);
  assert.deepEqual(logged, ['zoomtop demo: a frame of camera a failed: worker died']);
  await pipeline.stop();
});
