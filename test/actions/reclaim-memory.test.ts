// reclaim-memory: offered only when the app config names how (or global.gc for an embedding app); the run step done for real or refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planReclaimMemory } from '../../src/actions/reclaim-memory.js';
import { describeRunStep, runStep } from '../../src/actions/run-step.js';
import type { RunStepDeps } from '../../src/actions/run-step.js';
import { parseAppConfigText } from '../../src/config/app-config.js';

const CAMERAS = 'cameras:\n  a: {resolution: 640x480}\n';

function parse(text: string) {
  return parseAppConfigText('/etc/zoomcam/zoomcam.yaml', text);
}

describe('the zoomtop.reclaim_memory section of the app config', () => {
  it('reads a signal with a pid file (relative to the config) and a command', () => {
    const signal = parse(`${CAMERAS}zoomtop:\n  reclaim_memory:\n    signal: usr1\n    pid_file: run/zoomcam.pid\n`);
    assert.deepEqual(signal.ok && signal.config.reclaimMemory, { kind: 'signal', signal: 'SIGUSR1', pidFile: '/etc/zoomcam/run/zoomcam.pid' });
    const command = parse(`${CAMERAS}zoomtop:\n  reclaim_memory:\n    command: [systemctl, kill, --signal=SIGUSR1, zoomcam]\n`);
    assert.deepEqual(command.ok && command.config.reclaimMemory, { kind: 'command', argv: ['systemctl', 'kill', '--signal=SIGUSR1', 'zoomcam'] });
    const none = parse(CAMERAS);
    assert.equal(none.ok && 'reclaimMemory' in none.config, false);
  });

  it('refuses a signal that would stop the app, a command written as one string, and both ways at once', () => {
    const kill = parse(`${CAMERAS}zoomtop:\n  reclaim_memory:\n    signal: SIGKILL\n    pid_file: /run/z.pid\n`);
    assert.deepEqual(kill, { ok: false, error: '/etc/zoomcam/zoomcam.yaml:5:13: zoomtop.reclaim_memory.signal "SIGKILL" is not one zoomtop sends to reclaim memory; use SIGUSR1, SIGUSR2, SIGHUP' });
    const text = parse(`${CAMERAS}zoomtop:\n  reclaim_memory:\n    command: systemctl kill zoomcam\n`);
    assert.equal(text.ok ? '' : text.error, '/etc/zoomcam/zoomcam.yaml:5:14: zoomtop.reclaim_memory.command "systemctl kill zoomcam" is not a list of words; write it like [systemctl, kill, --signal=SIGUSR1, zoomcam] (it runs without a shell)');
    const both = parse(`${CAMERAS}zoomtop:\n  reclaim_memory: {command: [x], signal: SIGHUP}\n`);
    assert.equal(both.ok ? '' : both.error, '/etc/zoomcam/zoomcam.yaml:4:29: zoomtop.reclaim_memory has both command and signal/pid_file; keep one way');
    const noPid = parse(`${CAMERAS}zoomtop:\n  reclaim_memory: {signal: SIGHUP}\n`);
    assert.match(noPid.ok ? '' : noPid.error, /zoomtop\.reclaim_memory\.pid_file missing is not a path; add "pid_file: \/run\/zoomcam\.pid"/);
  });
});

describe('planReclaimMemory', () => {
  it('is not offered for an external app whose config names no way, and says how to name one', () => {
    const parsed = parse(CAMERAS);
    assert.ok(parsed.ok);
    const result = planReclaimMemory({ file: 'z.yaml', config: parsed.config });
    assert.equal(result.ok ? '' : result.refusal.reason, 'the app config names no way to reclaim the app\'s memory, and zoomtop does not fake one; add "zoomtop: {reclaim_memory: {signal: SIGUSR1, pid_file: /run/zoomcam.pid}}" (or command: [...]) to offer it');
  });

  it('plans the signal the config names, with no file change', () => {
    const parsed = parse(`${CAMERAS}zoomtop: {reclaim_memory: {signal: SIGUSR2, pid_file: /run/z.pid}}\n`);
    assert.ok(parsed.ok);
    assert.deepEqual(planReclaimMemory({ file: 'z.yaml', config: parsed.config }), {
      ok: true,
      plan: {
        actionId: 'reclaim-memory',
        file: 'z.yaml',
        patches: [],
        summary: 'send SIGUSR2 to the app (pid from /run/z.pid) (named in the app config under zoomtop.reclaim_memory)',
        run: { kind: 'signal', signal: 'SIGUSR2', pidFile: '/run/z.pid' },
      },
    });
  });

  it('embedded: a garbage collection when global.gc is exposed, and says so when it is not', () => {
    const parsed = parse(CAMERAS);
    assert.ok(parsed.ok);
    const exposed = planReclaimMemory({ file: 'z.yaml', config: parsed.config, host: { kind: 'embedded', gcExposed: true } });
    assert.deepEqual(exposed.ok && exposed.plan.run, { kind: 'gc' });
    const hidden = planReclaimMemory({ file: 'z.yaml', config: parsed.config, host: { kind: 'embedded', gcExposed: false } });
    assert.equal(hidden.ok ? '' : hidden.refusal.reason, 'global.gc is not exposed in this process; start the app with node --expose-gc so zoomtop can run a garbage collection');
  });
});

describe('runStep', () => {
  function deps(over: Partial<RunStepDeps> = {}) {
    const calls: string[] = [];
    const base: Partial<RunStepDeps> = {
      readFile: async () => '4242\n',
      kill: (pid, signal) => void calls.push(`kill ${pid} ${signal}`),
      exec: async (argv) => (calls.push(`exec ${argv.join(' ')}`), { code: 0, stderr: '' }),
      gc: () => void calls.push('gc'),
      ...over,
    };
    return { calls, deps: base };
  }

  it('sends the signal to the pid in the pid file', async () => {
    const { calls, deps: d } = deps();
    assert.deepEqual(await runStep({ kind: 'signal', signal: 'SIGUSR1', pidFile: '/run/z.pid' }, { deps: d }), { ok: true, detail: 'sent SIGUSR1 to pid 4242' });
    assert.deepEqual(calls, ['kill 4242 SIGUSR1']);
  });

  it('refuses a pid file that holds no pid, and names a stale one', async () => {
    const bad = await runStep({ kind: 'signal', signal: 'SIGUSR1', pidFile: '/run/z.pid' }, { deps: deps({ readFile: async () => 'zoomcam' }).deps });
    assert.deepEqual(bad, { ok: false, error: '/run/z.pid: "zoomcam" is not a process id; check zoomtop.reclaim_memory.pid_file' });
    const stale = await runStep({ kind: 'signal', signal: 'SIGUSR1', pidFile: '/run/z.pid' }, {
      deps: deps({ kill: () => { throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' }); } }).deps,
    });
    assert.deepEqual(stale, { ok: false, error: '/run/z.pid: no process 4242; is the app running? the pid file may be stale' });
  });

  it('runs a command without a shell and reports a failure with its first stderr line', async () => {
    const { calls, deps: d } = deps();
    assert.deepEqual(await runStep({ kind: 'command', argv: ['systemctl', 'kill', 'zoomcam'] }, { deps: d }), { ok: true, detail: 'systemctl exited with code 0' });
    assert.deepEqual(calls, ['exec systemctl kill zoomcam']);
    const failed = await runStep({ kind: 'command', argv: ['systemctl'] }, { deps: deps({ exec: async () => ({ code: 5, stderr: '\nUnit zoomcam.service not loaded.\nmore\n' }) }).deps });
    assert.deepEqual(failed, { ok: false, error: 'zoomtop.reclaim_memory.command: systemctl exited with code 5: Unit zoomcam.service not loaded.' });
  });

  it('runs a real command: a missing program is named, true succeeds', async () => {
    assert.deepEqual(await runStep({ kind: 'command', argv: ['true'] }), { ok: true, detail: 'true exited with code 0' });
    const missing = await runStep({ kind: 'command', argv: ['/nonexistent/zoomtop-reclaim'] });
    assert.deepEqual(missing, { ok: false, error: 'zoomtop.reclaim_memory.command: /nonexistent/zoomtop-reclaim not found; check the command in the app config' });
  });

  it('gc runs global.gc, and describes each step in one line', async () => {
    const { calls, deps: d } = deps();
    assert.deepEqual(await runStep({ kind: 'gc' }, { deps: d }), { ok: true, detail: 'garbage collection done' });
    assert.deepEqual(calls, ['gc']);
    assert.equal(describeRunStep({ kind: 'command', argv: ['kill', '-USR1', 'my app'] }), 'run kill -USR1 "my app"');
  });
});
