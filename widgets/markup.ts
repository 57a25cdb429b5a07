// Spans -> blessed tagged text: escapes tag syntax, maps tones to theme colours, cuts by display width.
import type { Line, Tone } from '../src/views/model.js';
import { cutToWidth, textWidth } from '../src/views/text-width.js';
import type { Theme, ToneStyle } from './theme.js';

/** Makes text literal inside a tagged blessed element; control bytes are dropped so text cannot move the cursor. */
export function escapeTags(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .replace(/[\x00-\x1f\x7f-\x9f]/g, '')
    .replace(/[{}]/g, (brace) => (brace === '{' ? '{open}' : '{close}'));
}

/** Opening tags for a tone's style; close them with '{/}'. */
export function styleTags(style: ToneStyle): string {
  let out = `{${style.fg}-fg}`;
  if (style.bg !== null) out += `{${style.bg}-bg}`;
  if (style.bold) out += '{bold}';
  if (style.inverse) out += '{inverse}';
  return out;
}

export function toneText(text: string, tone: Tone, theme: Theme): string {
  if (text === '') return '';
  return `${styleTags(theme.colors[tone])}${escapeTags(text)}{/}`;
}

/**
 * One line of spans as tagged text at most `width` cells wide, so blessed never wraps it.
 * `tone` overrides every span's tone (a selected row); `pad` fills the rest of the width with it.
 */
export function lineTags(line: Line, theme: Theme, width: number, options: { tone?: Tone; pad?: boolean } = {}): string {
  let out = '';
  let room = Math.max(0, width);
  for (const span of line) {
    if (room <= 0) break;
    const clean = span.text.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '');
    const cut = cutToWidth(clean, room, theme.glyphs.ellipsis);
    out += toneText(cut, options.tone ?? span.tone, theme);
    room -= textWidth(cut);
  }
  if (options.pad && room > 0) out += toneText(' '.repeat(room), options.tone ?? 'normal', theme);
  return out;
}

/** Display width of a line of spans, as the cutting above measures it (one measure for views and widgets). */
export { lineWidth } from '../src/views/text-width.js';

/** Word-wraps plain text into lines of at most `width` cells; words longer than a line are split. */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (textWidth(rest) > width) {
      if (current !== '') lines.push(current);
      current = '';
      const head = cutToWidth(rest, width, '');
      lines.push(head);
      rest = rest.slice(head.length);
    }
    const joined = current === '' ? rest : `${current} ${rest}`;
    if (textWidth(joined) <= width) current = joined;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** First row to show so that `selected` stays inside a window of `visible` rows. */
export function scrollStart(selected: number, visible: number, total: number): number {
  if (visible <= 0 || selected < visible) return 0;
  return Math.min(selected - visible + 1, Math.max(0, total - visible));
}
