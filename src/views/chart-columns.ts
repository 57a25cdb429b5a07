// Groups a chart's samples into columns on a fixed time grid, so a graph moves a whole step at a time. Pure.

/**
 * How long one column covers by default. At 1 s sampling a graph 38 cells wide shows 3 minutes,
 * and it shifts once every 5 s instead of every second: the shift rewrites every glyph of the graph,
 * which was most of what zoomtop wrote to the terminal (issue 8's bytes-per-second figure).
 */
export const DEFAULT_COLUMN_MS = 5000;

/** Samples per column for samples `sampleMs` apart: the whole number nearest to columnMs, at least 1. */
export function samplesPerColumn(sampleMs: number, columnMs = DEFAULT_COLUMN_MS): number {
  if (!(sampleMs > 0) || !(columnMs > 0)) return 1;
  return Math.max(1, Math.round(columnMs / sampleMs));
}

/**
 * The peak of each column, oldest first. `values` are consecutive samples, oldest first, the newest
 * taken at `newestAtMs`; a sample's column is fixed by its time on a grid of `perColumn` samples, so
 * old columns never change and only the newest one grows. A column of gaps is a gap (null).
 * The peak, not the mean, because a one-second spike is what an operator must not miss.
 */
export function peakColumns(values: readonly (number | null)[], newestAtMs: number, sampleMs: number, perColumn: number): (number | null)[] {
  if (perColumn <= 1 || values.length === 0) return [...values];
  const newestIndex = Math.round(newestAtMs / sampleMs);
  const firstIndex = newestIndex - (values.length - 1);
  const out: (number | null)[] = [];
  let column = Math.floor(firstIndex / perColumn);
  let peak: number | null = null;
  for (let i = 0; i < values.length; i++) {
    const at = Math.floor((firstIndex + i) / perColumn);
    if (at !== column) {
      out.push(peak);
      column = at;
      peak = null;
    }
    const value = values[i] ?? null;
    if (value !== null && (peak === null || value > peak)) peak = value;
  }
  out.push(peak);
  return out;
}
