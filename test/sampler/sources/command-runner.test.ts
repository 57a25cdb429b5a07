// The real command runner: output, exit codes, a missing program, the kill timer, no shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandError, defaultCommandRunner } from '../../../src/sampler/sources/command-runner.js';

const node = process.execPath;

test('arguments reach the program literally (no shell) and stdout comes back', async () => {
  const tricky = '$(echo hi); `id` | cat > /tmp/x';
  const output = await defaultCommandRunner(node, ['-e', 'process.stdout.write(process.argv[1])', tricky], {
    timeoutMs: 10_000,
  });
  assert.deepEqual(output, { stdout: tricky, stderr: '' });
});

test('a non-zero exit rejects with kind "exit", the code and the first output line', async () => {
  const run = defaultCommandRunner(node, ['-e', 'console.error("bad thing\\nmore"); process.exit(3)'], {
    timeoutMs: 10_000,
  });
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof CommandError);
    assert.equal(error.kind, 'exit');
    assert.equal(error.exitCode, 3);
    assert.equal(error.message, `${node} exited with code 3: bad thing`);
    return true;
  });
});

test('a program that is not installed rejects with kind "not-found"', async () => {
  await assert.rejects(defaultCommandRunner('zoomtop-no-such-program', [], { timeoutMs: 1000 }), {
    name: 'CommandError',
    kind: 'not-found',
    message: 'zoomtop-no-such-program is not installed (not found on PATH)',
  });
});

test('a program that outlives timeoutMs is killed and rejects with kind "timed-out"', async () => {
  await assert.rejects(defaultCommandRunner(node, ['-e', 'setTimeout(() => {}, 20000)'], { timeoutMs: 300 }), {
    kind: 'timed-out',
    message: `${node} timed out after 300 ms`,
  });
});
