// A scripted machine for profiler tests: fake sources that read mutable figures, on a fake clock.
import type { SourceContext } from '../../src/profiler/profiler-options.js';
import { Profiler } from '../../src/profiler/profiler.js';
import type { ProfilerOptions } from '../../src/profiler/profiler-options.js';
import type { Sample, Source } from '../../src/sampler/types.js';
import { FakeClock } from '../helpers/fake-clock.js';

export const T0 = Date.UTC(2026, 0, 1);
export const MIB = 1024 * 1024;

/** What the fake sources report on their next read; change it between ticks. */
export type MachineState = {
  cpuPercent: number | null;
  memoryPercent: number;
  rssBytes: number;
  processCpuPercent: number | null;
  diskReadBytesPerSec: number | null;
  diskWriteBytesPerSec: number | null;
  networkSentBytesPerSec: number | null;
  networkReceivedBytesPerSec: number | null;
  gpu: { usagePercent: number | null; memoryUsedBytes: number | null } | null;
  processCount: number;
  threadCount: number | null;
  /** null: no thermal zone (as on most test machines). */
  socTemperatureC: number | null;
};

export function idleMachine(): MachineState {
  return {
    cpuPercent: 20,
    memoryPercent: 50,
    rssBytes: 100 * MIB,
    processCpuPercent: 5,
    diskReadBytesPerSec: 1 * MIB,
    diskWriteBytesPerSec: 2 * MIB,
    networkSentBytesPerSec: 3000,
    networkReceivedBytesPerSec: 4000,
    gpu: null,
    processCount: 120,
    threadCount: 11,
    socTemperatureC: null,
  };
}

const TOTAL_BYTES = 1000 * MIB;

/** Lets settled promises run their continuations. */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Moves fake time in steps, letting reads settle between timers. */
export async function advance(clock: FakeClock, ms: number, stepMs = 100): Promise<void> {
  // Reads started just now (by start()) settle first, at the current time.
  await flush();
  for (let done = 0; done < ms; done += stepMs) {
    clock.advance(Math.min(stepMs, ms - done));
    await flush();
  }
  // Timers due now (a snapshot taken one timer turn after its reads) fire before the test looks.
  clock.advance(0);
  await flush();
}

/** One source per figure group; the "system" source comes first, so it paces the snapshots. */
export function fakeSources(state: MachineState, clock: FakeClock, systemReadMs = 0): (context: SourceContext) => Source[] {
  const source = (name: string, intervalMs: number, read: () => Sample[], delayMs = 0): Source => ({
    name,
    intervalMs,
    timeoutMs: 5000,
    read: () =>
      delayMs === 0 ? Promise.resolve(read()) : new Promise((resolve) => clock.setTimeout(() => resolve(read()), delayMs)),
  });
  return ({ intervalMs }) => [
    source('system', intervalMs, () => [
      {
        kind: 'system',
        atMs: clock.now(),
        cpuPercent: state.cpuPercent,
        memoryPercent: state.memoryPercent,
        memoryUsedBytes: (state.memoryPercent / 100) * TOTAL_BYTES,
        memoryTotalBytes: TOTAL_BYTES,
      },
    ], systemReadMs),
    source('process', intervalMs, () => [
      { kind: 'process', atMs: clock.now(), role: 'self', pid: 4242, cpuPercent: state.processCpuPercent, rssBytes: state.rssBytes },
    ]),
    source('disk', intervalMs, () => [
      { kind: 'disk', atMs: clock.now(), readBytesPerSec: state.diskReadBytesPerSec, writeBytesPerSec: state.diskWriteBytesPerSec, devices: ['mmcblk0'] },
    ]),
    source('network', intervalMs, () => [
      { kind: 'network', atMs: clock.now(), sentBytesPerSec: state.networkSentBytesPerSec, receivedBytesPerSec: state.networkReceivedBytesPerSec, interfaces: ['eth0'] },
    ]),
    source('process-counts', intervalMs, () => [
      { kind: 'process-counts', atMs: clock.now(), processCount: state.processCount, systemThreadCount: 300, pid: 4242, threadCount: state.threadCount },
    ]),
    source('pi-thermal', intervalMs, () =>
      state.socTemperatureC === null
        ? [{ kind: 'unavailable', atMs: clock.now(), source: 'pi-thermal', reason: 'no thermal zone' }]
        : [{ kind: 'thermal', atMs: clock.now(), zone: 'thermal_zone0', zoneType: 'cpu-thermal', temperatureC: state.socTemperatureC }],
    ),
    source('gpu', intervalMs, () => [
      state.gpu === null
        ? { kind: 'unavailable', atMs: clock.now(), source: 'gpu', reason: 'no GPU found: nvidia-smi not installed' }
        : { kind: 'gpu', atMs: clock.now(), index: 0, name: 'Fake GPU', ...state.gpu, memoryTotalBytes: 8000 * MIB },
    ]),
  ];
}

/** A profiler on a fake clock and a fake machine; durations come from the fake clock too. */
export function fakeProfiler(options: ProfilerOptions & { systemReadMs?: number } = {}) {
  const clock = new FakeClock(T0);
  const state = idleMachine();
  const { systemReadMs, ...rest } = options;
  const profiler = new Profiler({ clock, stopwatch: () => clock.now(), sources: fakeSources(state, clock, systemReadMs), ...rest });
  return { clock, state, profiler };
}
