// Wraps a line of toned spans at a display width, so long messages in dialogs are read whole, not cut.
import type { Line, Span } from './model.js';
import { charWidth, textWidth } from './text-width.js';

/** Splits `line` into lines of at most `width` cells, breaking at the last space when there is one. */
export function wrapLine(line: Line, width: number): Line[] {
  if (width <= 0 || line.reduce((sum, s) => sum + textWidth(s.text), 0) <= width) return [line];
  const cells: { char: string; tone: Span['tone'] }[] = [];
  for (const span of line) for (const char of span.text) cells.push({ char, tone: span.tone });
  const out: Line[] = [];
  let start = 0;
  while (start < cells.length) {
    let used = 0;
    let end = start;
    while (end < cells.length && used + charWidth(cells[end]!.char) <= width) used += charWidth(cells[end++]!.char);
    if (end < cells.length) {
      // Break after the last space in this piece, unless that would leave it nearly empty.
      let space = end;
      while (space > start && cells[space - 1]!.char !== ' ') space--;
      if (space - start > width / 3) end = space;
    }
    if (end === start) end = start + 1;
    let last = end;
    while (last > start + 1 && cells[last - 1]!.char === ' ') last--;
    out.push(toSpans(cells.slice(start, last)));
    start = end;
    // A wrapped line does not begin with the space it broke at.
    while (start < cells.length && cells[start]!.char === ' ' && start > 0) start++;
  }
  return out;
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
