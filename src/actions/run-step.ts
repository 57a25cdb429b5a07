// Carries out a run step on the running app: a signal to the pid in a pid file, a command without a shell, or global.gc.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { RunStep } from './types.js';

/** What running a step touches; node's by default. */
export type RunStepDeps = {
  readFile(file: string): Promise<string>;
  kill(pid: number, signal: string): void;
  /** Runs argv without a shell; resolves with the exit code (null when killed) and stderr. */
  exec(argv: readonly string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }>;
  /** global.gc where exposed. */
  gc: (() => void) | undefined;
};

export type RunStepOptions = {
  deps?: Partial<RunStepDeps>;
  /** A command still running after this is killed and reported; default 10 000 ms. */
  timeoutMs?: number;
};

export type RunStepResult = { ok: true; detail: string } | { ok: false; error: string };

const nodeDeps: RunStepDeps = {
  readFile: (file) => readFile(file, 'utf8'),
  kill: (pid, signal) => void process.kill(pid, signal),
  exec: (argv, timeoutMs) =>
    new Promise((resolve, reject) => {
      execFile(argv[0] as string, argv.slice(1), { timeout: timeoutMs, maxBuffer: 64 * 1024, shell: false }, (err, _stdout, stderr) => {
        const code = (err as { code?: unknown } | null)?.code;
        if (typeof code === 'string') return reject(err);
        resolve({ code: err ? (typeof code === 'number' ? code : null) : 0, stderr: String(stderr) });
      });
    }),
  gc: (globalThis as { gc?: () => void }).gc,
};

/** One line for previews and the audit log. */
export function describeRunStep(step: RunStep): string {
  switch (step.kind) {
    case 'signal':
      return `send ${step.signal} to the app (pid from ${step.pidFile})`;
    case 'command':
      return `run ${step.argv.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : JSON.stringify(word))).join(' ')}`;
    case 'gc':
      return 'run a garbage collection (global.gc)';
  }
}

export async function runStep(step: RunStep, options: RunStepOptions = {}): Promise<RunStepResult> {
  const deps: RunStepDeps = { ...nodeDeps, ...options.deps };
  switch (step.kind) {
    case 'gc':
      if (deps.gc === undefined) return { ok: false, error: 'global.gc is not exposed; start the app with node --expose-gc' };
      deps.gc();
      return { ok: true, detail: 'garbage collection done' };
    case 'signal':
      return sendSignal(step, deps);
    case 'command':
      return runCommand(step.argv, deps, options.timeoutMs ?? 10_000);
  }
}

async function sendSignal(step: Extract<RunStep, { kind: 'signal' }>, deps: RunStepDeps): Promise<RunStepResult> {
  let text: string;
  try {
    text = await deps.readFile(step.pidFile);
  } catch (err) {
    return { ok: false, error: `${step.pidFile}: cannot read the pid file (${(err as Error).message}); is the app running? check zoomtop.reclaim_memory.pid_file` };
  }
  const trimmed = text.trim();
  const pid = /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(pid > 1)) return { ok: false, error: `${step.pidFile}: ${JSON.stringify(trimmed.slice(0, 20))} is not a process id; check zoomtop.reclaim_memory.pid_file` };
  try {
    deps.kill(pid, step.signal);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return { ok: false, error: `${step.pidFile}: no process ${pid}; is the app running? the pid file may be stale` };
    if (code === 'EPERM') return { ok: false, error: `${step.pidFile}: not allowed to signal pid ${pid}; run zoomtop as the app's user` };
    return { ok: false, error: `${step.pidFile}: cannot signal pid ${pid} (${(err as Error).message})` };
  }
  return { ok: true, detail: `sent ${step.signal} to pid ${pid}` };
}

async function runCommand(argv: readonly string[], deps: RunStepDeps, timeoutMs: number): Promise<RunStepResult> {
  const program = argv[0] ?? '';
  let outcome: { code: number | null; stderr: string };
  try {
    outcome = await deps.exec(argv, timeoutMs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : (err as Error).message;
    return { ok: false, error: `zoomtop.reclaim_memory.command: ${program} ${why}; check the command in the app config` };
  }
  if (outcome.code === 0) return { ok: true, detail: `${program} exited with code 0` };
  const firstLine = outcome.stderr.split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 200);
  const how = outcome.code === null ? `did not finish within ${timeoutMs} ms and was stopped` : `exited with code ${outcome.code}`;
  return { ok: false, error: `zoomtop.reclaim_memory.command: ${program} ${how}${firstLine ? `: ${firstLine}` : ''}` };
}
