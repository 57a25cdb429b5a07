import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { installExitGuard, type ExitProcess } from '../../src/app/exit-guard.js';

function fakeProcess() {
  const emitter = new EventEmitter();
  const calls: string[] = [];
  const proc = Object.assign(emitter, {
    exit: (code?: number) => {
      calls.push(`exit ${code}`);
      return undefined as never;
    },
    stderr: { write: (t: string) => calls.push(`stderr ${t.trim()}`) },
  }) as unknown as ExitProcess & EventEmitter;
  return { proc, calls };
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const) {
  test(`${signal} restores the terminal, stops children, exits ${code}`, async () => {
    const { proc, calls } = fakeProcess();
    installExitGuard({ proc, restoreTerminal: () => calls.push('restore'), stop: async () => void calls.push('stop') });
    proc.emit(signal);
    await settle();
    assert.deepEqual(calls, ['restore', 'stop', `exit ${code}`]);
  });
}

test('a hangup ends by the signal itself once cleanup is done, with no SIGHUP listener left (Node would abort resetting a gone terminal)', async () => {
  const { proc, calls } = fakeProcess();
  Object.assign(proc, { pid: 4242, kill: (pid: number, signal: string) => void calls.push(`kill ${pid} ${signal} listeners ${proc.listenerCount('SIGHUP')}`) });
  installExitGuard({ proc, restoreTerminal: () => calls.push('restore'), stop: async () => void calls.push('stop') });
  proc.emit('SIGHUP');
  await settle();
  assert.deepEqual(calls, ['restore', 'stop', 'kill 4242 SIGHUP listeners 0', 'exit 129']);
  // SIGTERM still exits with its code: the terminal is there to reset.
  const term = fakeProcess();
  Object.assign(term.proc, { pid: 4242, kill: () => void term.calls.push('kill') });
  installExitGuard({ proc: term.proc, restoreTerminal: () => term.calls.push('restore'), stop: async () => void term.calls.push('stop') });
  term.proc.emit('SIGTERM');
  await settle();
  assert.deepEqual(term.calls, ['restore', 'stop', 'exit 143']);
});

test('the terminal input ending is a hangup: cleanup runs and the process ends by SIGHUP', async () => {
  const { proc, calls } = fakeProcess();
  Object.assign(proc, { pid: 7, kill: (_: number, signal: string) => void calls.push(`kill ${signal}`) });
  const input = new EventEmitter();
  installExitGuard({ proc, input, onExit: (code, reason) => calls.push(`log ${code} ${reason}`), restoreTerminal: () => calls.push('restore'), stop: async () => void calls.push('stop') });
  input.emit('end');
  await settle();
  assert.deepEqual(calls, ['log 129 the terminal closed (hangup)', 'restore', 'stop', 'kill SIGHUP', 'exit 129']);
});

test('EIO on the terminal input (the terminal gone, or taken back by the shell) leaves as a hangup, not as a crash', async () => {
  const { proc, calls } = fakeProcess();
  Object.assign(proc, { pid: 7, kill: (_: number, signal: string) => void calls.push(`kill ${signal}`) });
  const input = new EventEmitter();
  installExitGuard({ proc, input, onExit: (code, reason) => calls.push(`log ${code} ${reason}`), restoreTerminal: () => calls.push('restore'), stop: async () => void calls.push('stop') });
  input.emit('error', Object.assign(new Error('read EIO'), { code: 'EIO' }));
  await settle();
  assert.deepEqual(calls, ['log 129 the terminal is gone (EIO on its input)', 'restore', 'stop', 'kill SIGHUP', 'exit 129']);
  const other = fakeProcess();
  const input2 = new EventEmitter();
  installExitGuard({ proc: other.proc, input: input2, restoreTerminal: () => other.calls.push('restore'), stop: async () => void other.calls.push('stop') });
  input2.emit('error', Object.assign(new Error('read EBADF'), { code: 'EBADF' }));
  await settle();
  assert.deepEqual(other.calls, ['restore', 'stderr zoomtop: reading the terminal failed: read EBADF', 'stop', 'exit 1']);
});

test('a crash prints the error after the restore and exits 1; a second signal is ignored', async () => {
  const { proc, calls } = fakeProcess();
  installExitGuard({ proc, restoreTerminal: () => calls.push('restore'), stop: async () => void calls.push('stop') });
  proc.emit('uncaughtException', new Error('boom'));
  proc.emit('SIGTERM');
  await settle();
  assert.equal(calls[0], 'restore');
  assert.match(calls[1]!, /^stderr zoomtop crashed: Error: boom/);
  assert.deepEqual(calls.slice(2), ['stop', 'exit 1']);
});

test('a stop that hangs does not keep zoomtop from exiting', async () => {
  const { proc, calls } = fakeProcess();
  const guard = installExitGuard({ proc, restoreTerminal: () => calls.push('restore'), stop: () => new Promise(() => {}), stopTimeoutMs: 10 });
  await guard.exit(0);
  assert.deepEqual(calls, ['restore', 'exit 0']);
});

test('the reason is told first (for the log), and a stop that throws at once still ends in exit', async () => {
  const { proc, calls } = fakeProcess();
  installExitGuard({
    proc,
    onExit: (code, reason) => calls.push(`log ${code} ${reason}`),
    restoreTerminal: () => calls.push('restore'),
    stop: () => {
      throw new Error('no');
    },
  });
  proc.emit('SIGHUP');
  await settle();
  assert.deepEqual(calls, ['log 129 SIGHUP', 'restore', 'exit 129']);
});

test('a terminal that is gone (restore and stderr throw) does not keep zoomtop from stopping children and exiting', async () => {
  const { proc, calls } = fakeProcess();
  (proc as unknown as { stderr: { write(): never } }).stderr = { write: () => { throw new Error('EIO'); } };
  installExitGuard({ proc, restoreTerminal: () => { throw new Error('EIO'); }, stop: async () => void calls.push('stop') });
  proc.emit('unhandledRejection', new Error('late'));
  await settle();
  assert.deepEqual(calls, ['stop', 'exit 1']);
});
