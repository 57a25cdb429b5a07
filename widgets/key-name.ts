// blessed keypress events -> the app's KeyName: printable characters as themselves, other keys by name.
import type { KeyName } from '../src/app/ui-port.js';

/** The parts of blessed's key object we read. */
export type BlessedKey = { name?: string; full?: string; ctrl?: boolean; meta?: boolean; shift?: boolean; sequence?: string };

/**
 * Maps one blessed keypress to a KeyName, or null to drop it. blessed emits Enter twice
 * ('return' then a synthetic 'enter'), so 'return' is dropped; Ctrl-J ('linefeed') counts as Enter.
 */
export function keyName(ch: string | undefined, key: BlessedKey | undefined): KeyName | null {
  const k = key ?? {};
  if (k.name === 'return') return null;
  if (k.name === 'linefeed') return 'enter';
  if (ch !== undefined && [...ch].length === 1 && !k.ctrl && !k.meta && isPrintable(ch)) return ch;
  if (k.full) return k.full;
  return k.name ?? null;
}

function isPrintable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}
