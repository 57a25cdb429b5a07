// Reads the Unicode table of a Linux console font (PSF1 or PSF2, gzipped or not): which characters it can draw.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const PSF1_MAGIC = 0x0436;
const PSF2_MAGIC = 0x864ab572;

/** Code points the font maps to a glyph (single characters; multi-character sequences are left out). */
export function psfCodePoints(file: string): Set<number> {
  let data = readFileSync(file);
  if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
  if (data.readUInt16LE(0) === PSF1_MAGIC) return psf1(data, file);
  if (data.readUInt32LE(0) === PSF2_MAGIC) return psf2(data, file);
  throw new Error(`${file}: not a PSF1 or PSF2 console font (bad magic)`);
}

function psf1(data: Buffer, file: string): Set<number> {
  const mode = data[2] ?? 0;
  const glyphs = mode & 0x01 ? 512 : 256;
  // Mode bits 0x02 (has table) or 0x04 (has sequences) say a Unicode table follows the glyphs.
  if ((mode & 0x06) === 0) throw new Error(`${file}: PSF1 font without a Unicode table`);
  const points = new Set<number>();
  let inSequence = false;
  for (let at = 4 + glyphs * (data[3] ?? 0); at + 1 < data.length; at += 2) {
    const unit = data.readUInt16LE(at);
    if (unit === 0xffff) inSequence = false; // end of this glyph's entry
    else if (unit === 0xfffe) inSequence = true; // sequences follow until the end of the entry
    else if (!inSequence) points.add(unit);
  }
  return points;
}

function psf2(data: Buffer, file: string): Set<number> {
  const headerSize = data.readUInt32LE(8);
  const flags = data.readUInt32LE(12);
  if ((flags & 1) === 0) throw new Error(`${file}: PSF2 font without a Unicode table`);
  const table = data.subarray(headerSize + data.readUInt32LE(16) * data.readUInt32LE(20));
  const points = new Set<number>();
  // Each glyph's entry: UTF-8 characters, then 0xFE-prefixed sequences, ended by 0xFF.
  for (const entry of splitBytes(table, 0xff)) {
    const single = splitBytes(entry, 0xfe)[0] ?? Buffer.alloc(0);
    for (const char of single.toString('utf8')) points.add(char.codePointAt(0)!);
  }
  return points;
}

function splitBytes(data: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === separator) {
      parts.push(data.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < data.length) parts.push(data.subarray(start));
  return parts;
}
