// Sparklines as text: one glyph per sample, newest at the right, gaps as spaces. Pure.

/**
 * One row: the newest `width` values, right-aligned (blank on the left while history is short).
 * `levels` run from the lowest glyph (a value of 0) to the full one (a value of `max`).
 */
export function renderSparkline(values: readonly (number | null)[], max: number, width: number, levels: readonly string[]): string {
  return renderSparklineRows(values, max, width, 1, levels)[0] ?? '';
}

/**
 * `height` rows, top first; each row is one band of the range, so a value of max/2 fills the
 * lower half. The bottom row always shows levels[0] for a zero, so zero differs from a gap.
 */
export function renderSparklineRows(
  values: readonly (number | null)[],
  max: number,
  width: number,
  height: number,
  levels: readonly string[],
): string[] {
  if (levels.length === 0) throw new RangeError('renderSparkline: levels is empty; pass at least one glyph, e.g. ["▁", "█"]');
  const cols = Math.max(0, Math.floor(width));
  const rows = Math.max(1, Math.floor(height));
  const recent = values.slice(Math.max(0, values.length - cols));
  const padded: (number | null)[] = [...Array<null>(cols - recent.length).fill(null), ...recent];
  const out: string[] = [];
  for (let row = rows - 1; row >= 0; row--) {
    out.push(padded.map((value) => cell(value, max, row, rows, levels)).join(''));
  }
  return out;
}

function cell(value: number | null, max: number, row: number, rows: number, levels: readonly string[]): string {
  if (value === null || !Number.isFinite(value)) return ' ';
  const top = levels.length - 1;
  const fraction = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  // How much of this row's band the value fills, 0..1.
  const fill = Math.min(1, Math.max(0, fraction * rows - row));
  if (fill <= 0) return row === 0 ? (levels[0] ?? ' ') : ' ';
  return levels[Math.round(fill * top)] ?? ' ';
}
