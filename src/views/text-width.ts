// Display width of text in terminal cells (wide CJK and emoji count 2), and cutting/padding by it.

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function isZeroWidth(code: number): boolean {
  return (code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f);
}

export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || isZeroWidth(code)) return 0;
  return isWide(code) ? 2 : 1;
}

/** Display width of a line of spans. */
export function lineWidth(line: readonly { text: string }[]): number {
  return line.reduce((sum, span) => sum + textWidth(span.text), 0);
}

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Cuts text to at most `width` cells, ending with an ellipsis when cut. */
export function cutToWidth(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  const room = width - textWidth(ellipsis);
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > room) break;
    out += char;
    used += w;
  }
  return room < 0 ? ellipsis.slice(0, width) : out + ellipsis;
}

/** Cuts then pads to exactly `width` cells. */
export function fitToWidth(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
  const cut = cutToWidth(text, width, ellipsis);
  const pad = ' '.repeat(Math.max(0, width - textWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}
