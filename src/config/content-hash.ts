// sha256 of config bytes: how a preview proves the file on disk is still the one it was planned from.
import { createHash } from 'node:crypto';

/** Hex sha256 of text (encoded as UTF-8) or raw bytes. */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(typeof content === 'string' ? Buffer.from(content, 'utf8') : content).digest('hex');
}
