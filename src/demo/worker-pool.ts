// A fixed pool of worker threads running stripe jobs first come, first served; all cameras share it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StripeJob, StripeResult } from './frame-work.js';

export type WorkerRequest =
  | { kind: 'stripe'; jobId: number; job: StripeJob }
  | { kind: 'calibrate'; jobId: number; durationMs: number };

export type WorkerReply =
  | { kind: 'stripe'; jobId: number; result: StripeResult }
  | { kind: 'calibrated'; jobId: number; nsPerPixel: number }
  | { kind: 'failed'; jobId: number; message: string };

/** What the pool hears from one worker. */
export type WorkerHandlers = {
  onMessage(reply: WorkerReply): void;
  /** The worker died (an uncaught error or an exit): its job is lost. */
  onDeath(reason: string): void;
};

/** The pool's handle on one worker. */
export type PoolWorker = {
  post(request: WorkerRequest): void;
  terminate(): Promise<void>;
};

export type WorkerPoolOptions = {
  /** Worker threads. @default os.availableParallelism() */
  size?: number;
  /** Starts one worker. @default a worker_threads Worker running camera-worker.js */
  createWorker?: (handlers: WorkerHandlers) => PoolWorker;
};

type Task = { request: WorkerRequest; resolve(reply: WorkerReply): void; reject(error: Error): void };
type Slot = { worker: PoolWorker; task: Task | null };

/** Starts camera-worker.js as a worker thread; it inherits this thread's (lowered) priority. */
export function createThreadWorker(handlers: WorkerHandlers): PoolWorker {
  const worker = new Worker(new URL('./camera-worker.js', import.meta.url));
  let dead = false;
  const die = (reason: string): void => {
    if (!dead) handlers.onDeath(reason);
    dead = true;
  };
  worker.on('message', (reply: WorkerReply) => handlers.onMessage(reply));
  worker.on('error', (error: Error) => die(error.message));
  worker.on('exit', (code: number) => die(`exited with code ${code}`));
  return {
    post: (request) => worker.postMessage(request),
    terminate: async () => {
      dead = true;
      await worker.terminate();
    },
  };
}

export class WorkerPool {
  readonly size: number;
  private readonly createWorker: (handlers: WorkerHandlers) => PoolWorker;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextJobId = 1;
  private closed = false;
  private restartsLeft: number;

  constructor(options: WorkerPoolOptions = {}) {
    const { size = availableParallelism(), createWorker = createThreadWorker } = options;
    if (!Number.isInteger(size) || size < 1) throw new Error(`WorkerPool: size must be a whole number >= 1, got ${size}`);
    this.size = size;
    this.createWorker = createWorker;
    // A worker that cannot start would otherwise be replaced forever.
    this.restartsLeft = 3 * size;
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: { post: () => {}, terminate: async () => {} }, task: null };
      this.startWorker(slot);
      this.slots.push(slot);
    }
  }

  /** Runs the three steps on one stripe in some worker. */
  async runStripe(job: StripeJob): Promise<StripeResult> {
    const reply = await this.submit({ kind: 'stripe', jobId: this.nextJobId++, job });
    if (reply.kind !== 'stripe') throw new Error(`WorkerPool: expected a stripe result, got ${reply.kind}`);
    return reply.result;
  }

  /**
   * Measures the per-pixel cost of the work (ns) in every worker at once, as under full load; returns each
   * worker's figure. Call it while the pool is idle, or the measurements will not overlap.
   */
  async calibrate(durationMs: number): Promise<number[]> {
    const one = async (): Promise<number> => {
      const reply = await this.submit({ kind: 'calibrate', jobId: this.nextJobId++, durationMs });
      if (reply.kind !== 'calibrated') throw new Error(`WorkerPool: expected a calibration, got ${reply.kind}`);
      return reply.nsPerPixel;
    };
    return Promise.all(this.slots.map(one));
  }

  /** Jobs waiting for a worker. */
  queuedCount(): number {
    return this.queue.length;
  }

  /** Stops every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    const lost = new Error('WorkerPool: closed');
    for (const task of this.queue.splice(0)) task.reject(lost);
    await Promise.all(
      this.slots.map((slot) => {
        slot.task?.reject(lost);
        slot.task = null;
        return slot.worker.terminate();
      }),
    );
  }

  private submit(request: WorkerRequest): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new Error('WorkerPool: closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.post(task.request);
    }
  }

  /** Puts a fresh worker into the slot; a dead one is replaced the same way. */
  private startWorker(slot: Slot): void {
    slot.worker = this.createWorker({
      onMessage: (reply) => {
        const task = slot.task;
        slot.task = null;
        if (task && reply.kind === 'failed') task.reject(new Error(reply.message));
        else task?.resolve(reply);
        this.pump();
      },
      onDeath: (reason) => {
        slot.task?.reject(new Error(`WorkerPool: a worker died (${reason})`));
        slot.task = null;
        if (this.closed) return;
        if (this.restartsLeft-- <= 0) {
          this.closed = true;
          for (const task of this.queue.splice(0)) task.reject(new Error(`WorkerPool: workers keep dying (${reason})`));
          return;
        }
        this.startWorker(slot);
        this.pump();
      },
    });
  }
}
