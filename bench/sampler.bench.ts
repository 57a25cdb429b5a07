// Benchmark: CPU microseconds per sampler tick with every source on, and which source costs the most.
// Reads the real sources one after another, so process.cpuUsage() (all threads) charges each read to its source.
import { performance } from 'node:perf_hooks';
import { createDiskSource } from '../src/sampler/sources/disk.js';
import { createGpuSource } from '../src/sampler/sources/gpu.js';
import { createNetworkSource } from '../src/sampler/sources/network.js';
import { createProcessCountsSource } from '../src/sampler/sources/process-counts.js';
import { createProcessSource } from '../src/sampler/sources/process.js';
import { createSystemSource } from '../src/sampler/sources/system.js';
import type { Source } from '../src/sampler/types.js';
import { emit, numberSetting, summarize, wantsJson, type Measurement } from './lib/result.js';
import { sleep } from './lib/proc.js';

const TICKS = numberSetting('ticks', 'ZOOMTOP_BENCH_SAMPLER_TICKS', 12);
/** Above systeminformation's 200 ms cache of the CPU load, so every system read is a real one. */
const TICK_MS = 300;

function sources(): Source[] {
  return [
    createSystemSource({ intervalMs: TICK_MS }),
    createProcessSource({ intervalMs: TICK_MS, targets: () => [{ role: 'self', pid: process.pid }] }),
    createGpuSource(),
    createDiskSource(),
    createNetworkSource(),
    createProcessCountsSource(),
  ];
}

async function main(): Promise<void> {
  // The sources' own timers (the system source's first 250 ms measuring window) are unref'd, as they
  // should be in an app; here nothing else would keep the process alive while a read waits.
  const keepAlive = setInterval(() => {}, 60_000);
  const all = sources();
  const cpuUs = new Map<string, number[]>(all.map((s) => [s.name, []]));
  const wallUs = new Map<string, number[]>(all.map((s) => [s.name, []]));
  const tickCpuUs: number[] = [];
  const tickWallUs: number[] = [];
  // Tick 0 primes the counters (and spawns nvidia-smi once); it is run but not counted.
  for (let tick = 0; tick <= TICKS; tick++) {
    let tickCpu = 0;
    let tickWall = 0;
    for (const source of all) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await source.read();
      const wall = (performance.now() - started) * 1000;
      const used = process.cpuUsage(cpu);
      if (tick === 0) continue;
      cpuUs.get(source.name)!.push(used.user + used.system);
      wallUs.get(source.name)!.push(wall);
      tickCpu += used.user + used.system;
      tickWall += wall;
    }
    if (tick > 0) {
      tickCpuUs.push(tickCpu);
      tickWallUs.push(tickWall);
    }
    await sleep(TICK_MS);
  }
  for (const source of all) source.close?.();
  clearInterval(keepAlive);

  const medians = all.map((s) => ({ name: s.name, cpu: summarize(cpuUs.get(s.name)!)?.median ?? 0 })).sort((a, b) => b.cpu - a.cpu);
  const figures: Record<string, Measurement> = { 'sampler.tickCpuUs': { values: tickCpuUs }, 'sampler.tickWallUs': { values: tickWallUs } };
  for (const s of all) figures[`sampler.source.${s.name}`] = { values: cpuUs.get(s.name)! };
  const notes = [
    `sampler: ${TICKS} ticks ${TICK_MS} ms apart, sources ${all.map((s) => s.name).join(', ')}; CPU us per source (median): ` +
      medians.map((m) => `${m.name} ${m.cpu.toFixed(0)}`).join(', '),
  ];
  figures['sampler.top'] = { values: [medians[0]?.cpu ?? NaN], note: medians[0]?.name };
  if (wantsJson()) {
    emit({ bench: 'sampler', figures, notes });
    return;
  }
  const tick = summarize(tickCpuUs)!;
  const wall = summarize(tickWallUs)!;
  console.log(`CPU per tick: ${tick.median.toFixed(0)} us (${tick.min.toFixed(0)}-${tick.max.toFixed(0)}); wall ${wall.median.toFixed(0)} us`);
  for (const s of all) {
    const c = summarize(cpuUs.get(s.name)!)!;
    const w = summarize(wallUs.get(s.name)!)!;
    console.log(`  ${s.name.padEnd(16)} cpu ${c.median.toFixed(0).padStart(6)} us (${c.min.toFixed(0)}-${c.max.toFixed(0)})  wall ${w.median.toFixed(0).padStart(6)} us`);
  }
}

await main();
