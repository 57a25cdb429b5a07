// `npm run bench`: installs the peers on demand, runs every bench in its own process, prints one table.
// Flags: --dashboard-seconds N (default 20; the figure is 60), --soak-hours N (default 1; 24 for the full soak),
// --only record,memory,statsd,sampler,dashboard,soak, --no-install, --markdown (print the table as markdown too).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { installBtop, installNpmPeers, ROOT_DIR } from './lib/peers.js';
import { RESULT_PREFIX, flag, type BenchOutput, type Measurement } from './lib/result.js';
import { buildCells, formatMarkdown, formatText } from './lib/table.js';

type Bench = { name: string; file: string; nodeFlags: string[] };

const BENCHES: Bench[] = [
  { name: 'record', file: 'record.bench.js', nodeFlags: [] },
  { name: 'memory', file: 'memory.bench.js', nodeFlags: ['--expose-gc'] },
  { name: 'statsd', file: 'statsd-ingest.bench.js', nodeFlags: [] },
  { name: 'sampler', file: 'sampler.bench.js', nodeFlags: [] },
  { name: 'dashboard', file: 'dashboard.bench.js', nodeFlags: [] },
  { name: 'soak', file: 'soak.bench.js', nodeFlags: ['--expose-gc'] },
];

const OUT_DIR = join(ROOT_DIR, 'dist', 'bench', 'out');

function runBench(bench: Bench, env: NodeJS.ProcessEnv): Promise<BenchOutput> {
  const file = fileURLToPath(new URL(`./${bench.file}`, import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...bench.nodeFlags, file, '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchOutput);
      else resolve({ bench: bench.name, figures: {}, notes: [`${bench.name}: failed (exit ${code ?? signal}); its rows show "not run". Run node ${bench.nodeFlags.join(' ')} dist/bench/${bench.file} to see why`] });
    });
  });
}

function machine(): string[] {
  const cpu = cpus();
  let os: string = process.platform;
  try {
    os = /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // not Linux: the platform name will do
  }
  return [
    `machine: ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os}, kernel ${release()}, node ${process.version}`,
  ];
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const argv = process.argv;
  const only = flag('only', BENCHES.map((b) => b.name).join(',')).split(',');
  const unknown = only.filter((name) => !BENCHES.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`--only ${unknown.join(',')}: no such bench; use some of ${BENCHES.map((b) => b.name).join(',')}`);
  const env = {
    ...process.env,
    ZOOMTOP_BENCH_DASHBOARD_S: flag('dashboard-seconds', process.env['ZOOMTOP_BENCH_DASHBOARD_S'] ?? '20'),
    ZOOMTOP_BENCH_SOAK_HOURS: flag('soak-hours', process.env['ZOOMTOP_BENCH_SOAK_HOURS'] ?? '1'),
  };
  const notes: string[] = [];
  if (!argv.includes('--no-install') && process.env['ZOOMTOP_BENCH_INSTALL'] !== '0') {
    for (const note of [installNpmPeers(), installBtop()]) if (note) notes.push(note);
  }
  const header = [...machine(), `load average at start: ${load()}`];
  const figures: Record<string, Measurement> = {};
  const startedMs = performance.now();
  for (const bench of BENCHES.filter((b) => only.includes(b.name))) {
    const benchStartedMs = performance.now();
    process.stderr.write(`bench: ${bench.name} ...`);
    const output = await runBench(bench, env);
    process.stderr.write(` ${((performance.now() - benchStartedMs) / 1000).toFixed(1)} s\n`);
    Object.assign(figures, output.figures);
    notes.push(...output.notes);
  }
  header.push(`load average at end: ${load()}; total ${((performance.now() - startedMs) / 1000).toFixed(0)} s`);
  const cells = buildCells(figures, only);
  const text = formatText(cells);
  console.log([...header, '', text, '', ...notes.map((n) => `- ${n}`)].join('\n'));
  const markdown = [...header.map((h) => `${h}  `), '', formatMarkdown(cells), '', ...notes.map((n) => `- ${n}`)].join('\n');
  if (argv.includes('--markdown')) console.log(`\n${markdown}`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'last-run.md'), `${markdown}\n`);
  writeFileSync(join(OUT_DIR, 'last-run.json'), `${JSON.stringify({ header, figures, notes }, null, 2)}\n`);
}

await main();
