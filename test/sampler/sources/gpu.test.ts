// GPU source against an injected command runner: output shapes, failures and the no-GPU back-off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGpuSource, parseNvidiaSmiCsv } from '../../../src/sampler/sources/gpu.js';
import { CommandError, type CommandRunner } from '../../../src/sampler/sources/command-runner.js';
import { FakeClock } from '../../helpers/fake-clock.js';

const MIB = 1024 * 1024;

function runner(answer: (call: number) => string | CommandError) {
  const calls: { file: string; args: readonly string[]; timeoutMs: number }[] = [];
  const run: CommandRunner = async (file, args, { timeoutMs }) => {
    calls.push({ file, args, timeoutMs });
    const result = answer(calls.length);
    if (result instanceof CommandError) throw result;
    return { stdout: result, stderr: '' };
  };
  return { run, calls };
}

test('one GPU: fixed nvidia-smi arguments, MiB turned into bytes', async () => {
  const { run, calls } = runner(() => 'NVIDIA GeForce RTX 3080, 12, 1024, 10240\n');
  const source = createGpuSource({ run, clock: new FakeClock(500) });
  assert.deepEqual([source.name, source.intervalMs, source.timeoutMs], ['gpu', 5000, 4000]);
  assert.deepEqual(await source.read(), [
    {
      kind: 'gpu',
      atMs: 500,
      index: 0,
      name: 'NVIDIA GeForce RTX 3080',
      usagePercent: 12,
      memoryUsedBytes: 1024 * MIB,
      memoryTotalBytes: 10240 * MIB,
    },
  ]);
  assert.deepEqual(calls, [
    {
      file: 'nvidia-smi',
      args: ['--query-gpu=name,utilization.gpu,memory.used,memory.total', '--format=csv,noheader,nounits'],
      timeoutMs: 3000,
    },
  ]);
});

test('two GPUs give two samples in nvidia-smi order', () => {
  const samples = parseNvidiaSmiCsv('NVIDIA H200, 97, 81000, 143771\r\nNVIDIA H200, 0, 4, 143771\r\n', 7);
  assert.deepEqual(
    samples.map((s) => [s.index, s.name, s.usagePercent, s.memoryUsedBytes]),
    [
      [0, 'NVIDIA H200', 97, 81000 * MIB],
      [1, 'NVIDIA H200', 0, 4 * MIB],
    ],
  );
});

test('[N/A] and [Not Supported] fields are null, never 0, even when a GPU reports no figure at all', () => {
  const samples = parseNvidiaSmiCsv('Orin (nvgpu), 35, [N/A], [Not Supported]\nOld GPU, [N/A], [N/A], [N/A]\n', 7);
  assert.deepEqual(samples, [
    {
      kind: 'gpu',
      atMs: 7,
      index: 0,
      name: 'Orin (nvgpu)',
      usagePercent: 35,
      memoryUsedBytes: null,
      memoryTotalBytes: null,
    },
    { kind: 'gpu', atMs: 7, index: 1, name: 'Old GPU', usagePercent: null, memoryUsedBytes: null, memoryTotalBytes: null },
  ]);
});

test('a name containing commas keeps them: the last three fields are the figures', () => {
  const [sample] = parseNvidiaSmiCsv('Tesla T4, rev A, 5, 10, 20', 0);
  assert.equal(sample?.name, 'Tesla T4, rev A');
});

test('garbage output fails the read with the line and the expected shape', async () => {
  const cases: [string, string][] = [
    ['', 'nvidia-smi printed no GPU lines'],
    [
      'Failed to initialize NVML: Driver/library version mismatch',
      'nvidia-smi line 1 is "Failed to initialize NVML: Driver/library version mismatch"; expected 4 fields: name, utilization.gpu, memory.used, memory.total',
    ],
    ['GPU, high, 1, 2', 'nvidia-smi line 1 (GPU) utilization.gpu is "high", not a number from 0 to 100'],
    ['GPU, 140, 1, 2', 'nvidia-smi line 1 (GPU) utilization.gpu is "140", not a number from 0 to 100'],
    ['A, 1, 1, 2\nB, 1, -3, 2', 'nvidia-smi line 2 (B) memory.used is "-3", not a number >= 0'],
    ['GPU, 1, 1, ', 'nvidia-smi line 1 (GPU) memory.total is "", not a number >= 0'],
  ];
  for (const [stdout, message] of cases) {
    const { run } = runner(() => stdout);
    await assert.rejects(createGpuSource({ run, clock: new FakeClock(0) }).read(), { message });
  }
});

test('nvidia-smi not installed: unavailable, and not spawned again until the retry time', async () => {
  const clock = new FakeClock(0);
  const { run, calls } = runner((call) =>
    call === 1 ? new CommandError('nvidia-smi is not installed (not found on PATH)', 'not-found') : 'GPU, 5, 1, 2',
  );
  const source = createGpuSource({ run, clock });
  const gone = { kind: 'unavailable', source: 'gpu', reason: 'no GPU found: nvidia-smi not installed' };
  assert.deepEqual(await source.read(), [{ ...gone, atMs: 0 }]);
  clock.advance(59_999);
  assert.deepEqual(await source.read(), [{ ...gone, atMs: 59_999 }]);
  assert.equal(calls.length, 1);
  clock.advance(1);
  const [found] = await source.read();
  assert.equal(found?.kind, 'gpu');
  assert.equal(calls.length, 2);
});

test('"No devices were found" is also no GPU, with the same back-off', async () => {
  const clock = new FakeClock(0);
  const failure = new CommandError('nvidia-smi exited with code 6: No devices were found', 'exit', 6, {
    stdout: 'No devices were found\n',
    stderr: '',
  });
  const { run, calls } = runner(() => failure);
  const source = createGpuSource({ run, clock, retryMs: 10_000 });
  const [first] = await source.read();
  assert.deepEqual(first, { kind: 'unavailable', atMs: 0, source: 'gpu', reason: 'no GPU found: nvidia-smi found no devices' });
  clock.advance(5000);
  await source.read();
  assert.equal(calls.length, 1);
});

test('a timeout or another exit fails the read and is retried on the next tick', async () => {
  const { run, calls } = runner((call) =>
    call === 1
      ? new CommandError('nvidia-smi timed out after 3000 ms', 'timed-out')
      : new CommandError('nvidia-smi exited with code 15: GPU is lost', 'exit', 15),
  );
  const source = createGpuSource({ run, clock: new FakeClock(0) });
  await assert.rejects(source.read(), { message: 'nvidia-smi timed out after 3000 ms' });
  await assert.rejects(source.read(), { message: 'nvidia-smi exited with code 15: GPU is lost' });
  assert.equal(calls.length, 2);
});
