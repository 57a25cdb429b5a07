import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StripeJob, StripeResult } from '../../src/demo/frame-work.js';
import { WorkerPool, type WorkerHandlers, type WorkerRequest } from '../../src/demo/worker-pool.js';

type FakeWorker = { handlers: WorkerHandlers; posted: WorkerRequest[]; terminated: boolean };

function fakePool(size: number) {
  const workers: FakeWorker[] = [];
  const pool = new WorkerPool({
    size,
    createWorker: (handlers) => {
      const worker: FakeWorker = { handlers, posted: [], terminated: false };
      workers.push(worker);
      return {
        post: (request) => worker.posted.push(request),
        terminate: async () => {
          worker.terminated = true;
        },
      };
    },
  });
  return { pool, workers };
}

const job = (rowStart: number): StripeJob => ({ current: new SharedArrayBuffer(4), previous: null, width: 4, height: 1, rowStart, rowEnd: 1, sceneMs: 0 });
const result = (captureMs: number): StripeResult => ({ captureMs, detectMs: 0, encodeMs: 0, encodedBytes: 1, changedPixels: 0, minX: -1, minY: -1, maxX: -1, maxY: -1 });

test('jobs go to idle workers first come first served; the rest queue', async () => {
  const { pool, workers } = fakePool(2);
  const done = [pool.runStripe(job(0)), pool.runStripe(job(1)), pool.runStripe(job(2))];
  assert.deepEqual(workers.map((w) => w.posted.length), [1, 1]);
  assert.equal(pool.queuedCount(), 1);
  const first = workers[0]!.posted[0]!;
  workers[0]!.handlers.onMessage({ kind: 'stripe', jobId: first.jobId, result: result(5) });
  assert.deepEqual(await done[0], result(5));
  assert.equal(workers[0]!.posted.length, 2); // the queued job went to the worker that became free
  assert.equal(pool.queuedCount(), 0);
  await pool.close();
  await assert.rejects(done[1]!, /WorkerPool: closed/);
  await assert.rejects(done[2]!, /WorkerPool: closed/);
  assert.deepEqual(workers.map((w) => w.terminated), [true, true]);
});

test('calibration runs in every worker at once and returns each figure', async () => {
  const { pool, workers } = fakePool(2);
  const measured = pool.calibrate(300);
  assert.deepEqual(workers.map((w) => w.posted.map((r) => r.kind)), [['calibrate'], ['calibrate']]);
  workers.forEach((w, i) => w.handlers.onMessage({ kind: 'calibrated', jobId: w.posted[0]!.jobId, nsPerPixel: 10 + i }));
  assert.deepEqual(await measured, [10, 11]);
  await pool.close();
});

test('a failed job rejects; a dead worker fails its job and is replaced', async () => {
  const { pool, workers } = fakePool(1);
  const failing = pool.runStripe(job(0));
  workers[0]!.handlers.onMessage({ kind: 'failed', jobId: 1, message: 'bad stripe' });
  await assert.rejects(failing, { message: 'bad stripe' });
  const lost = pool.runStripe(job(1));
  workers[0]!.handlers.onDeath('exited with code 1');
  await assert.rejects(lost, { message: 'WorkerPool: a worker died (exited with code 1)' });
  assert.equal(workers.length, 2);
  const next = pool.runStripe(job(2));
  assert.equal(workers[1]!.posted.length, 1);
  workers[1]!.handlers.onMessage({ kind: 'stripe', jobId: workers[1]!.posted[0]!.jobId, result: result(1) });
  assert.deepEqual(await next, result(1));
  await pool.close();
});

test('workers that keep dying are not replaced forever', async () => {
  const { pool, workers } = fakePool(1);
  for (let i = 0; i < 3; i++) workers[i]!.handlers.onDeath('cannot load');
  assert.equal(workers.length, 4);
  workers[3]!.handlers.onDeath('cannot load');
  assert.equal(workers.length, 4);
  await assert.rejects(pool.runStripe(job(0)), /WorkerPool: closed/);
});

test('a pool size below 1 is refused', () => {
  assert.throws(() => new WorkerPool({ size: 0 }), { message: 'WorkerPool: size must be a whole number >= 1, got 0' });
});
