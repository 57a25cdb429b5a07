// The wire format between one bench script and run-all: named figures, each a list of repeated measurements.

/** Repeated measurements of one figure; empty `values` with a `note` means skipped, and why. */
export type Measurement = { values: number[]; note?: string };

export type BenchOutput = {
  bench: string;
  figures: Record<string, Measurement>;
  /** Lines worth printing under the table (what was measured, what was skipped). */
  notes: string[];
};

/** run-all reads the line that starts with this; everything else a script prints is for humans. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

export type Summary = { median: number; min: number; max: number; n: number };

export function summarize(values: readonly number[]): Summary | null {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = finite.length >> 1;
  const median = finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
  return { median, min: finite[0]!, max: finite[finite.length - 1]!, n: finite.length };
}

/** Prints the result line for run-all when the script runs with --json. */
export function emit(output: BenchOutput): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(output)}\n`);
}

export function wantsJson(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--json');
}

/** `--name value` from argv, or the fallback. */
export function flag(name: string, fallback: string, argv: readonly string[] = process.argv): string {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? argv[at + 1] : undefined;
  return value ?? fallback;
}

/** A positive number from `--name value` or an env variable, with a one-line error naming both. */
export function numberSetting(name: string, envName: string, fallback: number, argv: readonly string[] = process.argv): number {
  const text = flag(name, process.env[envName] ?? String(fallback), argv);
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${name} / ${envName} "${text}" is not a positive number; e.g. --${name} ${fallback}`);
  }
  return value;
}
