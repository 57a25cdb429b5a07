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

/**
 * The keys one blessed keypress stands for. Escape and a key pressed just after it reach blessed
 * in one read when they come close together (or in one packet over SSH), and blessed reads that as
 * Alt and the key: "M-q". zoomtop binds no Alt keys, so it is taken as the two keys pressed: Esc then
 * q closes a message and quits, instead of doing nothing.
 */
export function keyNames(ch: string | undefined, key: BlessedKey | undefined): KeyName[] {
  const sequence = key?.sequence ?? '';
  const chars = [...sequence];
  if (key?.meta && !key.ctrl && chars.length === 2 && chars[0] === '\x1b' && isPrintable(chars[1]!)) return ['escape', chars[1]!];
  const name = keyName(ch, key);
  return name === null ? [] : [name];
}

function isPrintable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}
