// Wraps a line of toned spans at a display width, so long messages in dialogs are read whole, not cut.
import type { Line, Span } from './model.js';
import { charWidth, lineWidth } from './text-width.js';

/**
 * Where continuation lines start: a line laid out as "name   value" (a run of two or more spaces
 * within its first half) continues under its value, so the names column stays clear; else 0.
 */
function hangingIndent(cells: readonly { char: string }[], width: number): number {
  for (let i = 2; i < Math.min(cells.length, width / 2); i++) {
    if (cells[i]!.char !== ' ' && cells[i - 1]!.char === ' ' && cells[i - 2]!.char === ' ') return cells.slice(0, i).every((c) => charWidth(c.char) === 1) ? i : 0;
  }
  return 0;
}

/**
 * Splits `line` into lines of at most `width` cells, breaking at the last space when there is one;
 * continuation lines start `indent` cells in (when given and under half the width), else a
 * "name   value" line continues under its value. With `maxRows`, the last row holds all the rest,
 * longer than `width`, for the caller to cut.
 */
export function wrapLine(line: Line, width: number, indent?: number, maxRows = Infinity): Line[] {
  if (width <= 0 || maxRows <= 1 || lineWidth(line) <= width) return [line];
  const cells: { char: string; tone: Span['tone'] }[] = [];
  for (const span of line) for (const char of span.text) cells.push({ char, tone: span.tone });
  const hang = indent !== undefined && indent >= 0 && indent < width / 2 ? indent : hangingIndent(cells, width);
  const out: Line[] = [];
  let start = 0;
  while (start < cells.length) {
    const room = out.length === 0 ? width : width - hang;
    let used = 0;
    let end = start;
    while (end < cells.length && used + charWidth(cells[end]!.char) <= room) used += charWidth(cells[end++]!.char);
    if (out.length === maxRows - 1) end = cells.length;
    if (end < cells.length && !breakableSpace(cells, end)) {
      // Break after the last space in this piece, unless that would leave it nearly empty (a piece that ends just before a space breaks there).
      let space = end;
      while (space > start && !breakableSpace(cells, space - 1)) space--;
      if (space - start > room / 3) end = space;
    }
    if (end === start) end = start + 1;
    let last = end;
    while (last > start + 1 && cells[last - 1]!.char === ' ') last--;
    const piece = toSpans(cells.slice(start, last));
    out.push(out.length > 0 && hang > 0 ? [{ text: ' '.repeat(hang), tone: 'normal' }, ...piece] : piece);
    start = end;
    // A wrapped line does not begin with the space it broke at.
    while (start < cells.length && cells[start]!.char === ' ' && start > 0) start++;
  }
  return out;
}

/** A space a line may break at: not the one between a figure and its unit ("99.0 %", "12 ms"), which would leave the unit alone on a row. */
function breakableSpace(cells: readonly { char: string }[], at: number): boolean {
  if (cells[at]?.char !== ' ') return false;
  if (!/[0-9]/.test(cells[at - 1]?.char ?? '')) return true;
  let end = at + 1;
  while (end < cells.length && cells[end]!.char !== ' ') end++;
  const word = cells.slice(at + 1, end).map((c) => c.char).join('');
  return !/^(%|°C|[A-Za-z]{1,3}(\/s)?)[),;:.]*$/.test(word);
}

function toSpans(cells: { char: string; tone: Span['tone'] }[]): Line {
  const spans: Span[] = [];
  for (const { char, tone } of cells) {
    const last = spans[spans.length - 1];
    if (last && last.tone === tone) last.text += char;
    else spans.push({ text: char, tone });
  }
  return spans;
}
