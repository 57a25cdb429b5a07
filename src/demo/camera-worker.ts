// Worker thread entry of the demo pool: runs stripe jobs and the calibration pass, replying by postMessage.
import { parentPort } from 'node:worker_threads';
import { processStripe } from './frame-work.js';
import { measureNsPerPixel } from './calibrate.js';
import type { WorkerReply, WorkerRequest } from './worker-pool.js';

const port = parentPort;
if (!port) throw new Error('camera-worker.ts runs as a worker thread of the demo pipeline, not on its own');

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply =
      request.kind === 'stripe'
        ? { kind: 'stripe', jobId: request.jobId, result: processStripe(request.job) }
        : { kind: 'calibrated', jobId: request.jobId, nsPerPixel: measureNsPerPixel(request.durationMs) };
  } catch (err) {
    reply = { kind: 'failed', jobId: request.jobId, message: (err as Error).message };
  }
  port.postMessage(reply);
});
