// The points and time-axis labels of a zoomed graph drawn as a line chart: the newest values that fit, gaps bridged. Pure.

export type LineChartData = {
  /** How long ago each point was, oldest first: "-4:35", ..., "now". */
  x: string[];
  y: number[];
  /** Points with no sample, drawn at the value before them (a line chart cannot leave a hole). */
  bridged: number;
};

/** "now", "-0:05", "-4:35", "-1:02:05": how long before the newest point. */
export function formatAgo(ms: number): string {
  const total = Math.round(Math.max(0, ms) / 1000);
  if (total === 0) return 'now';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `-${h}:${String(m).padStart(2, '0')}:${s}` : `-${m}:${s}`;
}

/**
 * The newest `maxPoints` values, oldest first, each `columnMs` apart. History not yet filled (leading
 * gaps) is left out, a gap inside takes the value before it; null when there is nothing to draw.
 */
export function lineChartData(values: readonly (number | null)[], columnMs: number, maxPoints: number): LineChartData | null {
  const recent = values.slice(Math.max(0, values.length - Math.max(0, Math.floor(maxPoints))));
  const first = recent.findIndex((v) => v !== null);
  if (first < 0) return null;
  const kept = recent.slice(first);
  const y: number[] = [];
  let bridged = 0;
  for (const value of kept) {
    if (value === null) bridged++;
    y.push(value ?? y[y.length - 1]!);
  }
  const x = kept.map((_, i) => formatAgo((kept.length - 1 - i) * columnMs));
  return { x, y, bridged };
}
