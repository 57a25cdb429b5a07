// Timer lines seen before, keyed by their bytes without the value: a repeat skips decoding, parsing and name hashing.

/** Where the value of a cached timer line is recorded. */
export type TimerTarget = { component: string; operation: string; camera: string | null };

type Entry = TimerTarget & { key: Uint8Array; nameBytes: number };

export type TimerLineCacheOptions = {
  /** Most lines remembered; when full it starts over, so a flood of distinct names costs one copy each. @default 512 */
  maxEntries?: number;
};

const COLON = 58;
const BAR = 124;
const DOT = 46;
const LF = 10;
const CR = 13;
/** Up to 15 decimal digits the mantissa is an exact double, so mantissa / 10^k rounds exactly as Number(text) does. */
const MAX_DIGITS = 15;
const POW10 = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Only the plainest lines are read here: `name:value|rest` where the name is printable ASCII without ':' or '|', the
 * value unsigned digits with an optional '.', and the rest printable ASCII. Whether such a line is a valid timer
 * then depends on its name and rest alone, so a line is remembered only after the full parser accepted it as a timer;
 * anything else is left to the full parser, which keeps every reject reason and form it knows.
 */
export class TimerLineCache {
  /** The value of the line last matched, ms. */
  valueMs = 0;
  /** Where the line after the one last matched starts (past its '\n'), or the limit. */
  nextStart = 0;
  private readonly entries = new Map<number, Entry>();
  private readonly maxEntries: number;
  // What the last scan found, kept in fields so a hit allocates nothing.
  private hash = 0;
  private colon = 0;
  private bar = 0;
  private lineEnd = 0;

  constructor(options: TimerLineCacheOptions = {}) {
    const { maxEntries = 512 } = options;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new Error(`TimerLineCache: maxEntries must be a whole number >= 1, got ${maxEntries}; the default is 512`);
    }
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The target of the line that starts at bytes[start] and ends at the first '\n' (a '\r' before it is not part of
   * the line) or at limit, when a line with the same name and rest was remembered. One pass finds the line's end,
   * so a datagram need not be split first.
   */
  match(bytes: Uint8Array, start: number, limit: number): TimerTarget | undefined {
    if (!this.scan(bytes, start, limit)) return undefined;
    const entry = this.entries.get(this.hash);
    return entry !== undefined && this.sameKey(entry, bytes, start) ? entry : undefined;
  }

  /** Remembers the line bytes[start, end) (no '\n' in it), which the full parser accepted as a timer for target. */
  remember(bytes: Uint8Array, start: number, end: number, target: TimerTarget): void {
    // A line that scans shorter than given ends in a '\r' of its own: match() would never see it whole.
    if (!this.scan(bytes, start, end) || this.lineEnd !== end) return;
    const nameBytes = this.colon - start;
    const key = new Uint8Array(nameBytes + end - this.bar);
    key.set(bytes.subarray(start, this.colon));
    key.set(bytes.subarray(this.bar, end), nameBytes);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    // A hash collision replaces the older line, so a bucket never grows into a list to walk.
    this.entries.set(this.hash, { component: target.component, operation: target.operation, camera: target.camera, key, nameBytes });
  }

  /** Reads name, value and rest in one pass; false for anything but the plain form. */
  private scan(bytes: Uint8Array, start: number, limit: number): boolean {
    let hash = FNV_OFFSET;
    let i = start;
    for (; i < limit; i++) {
      const b = bytes[i]!;
      if (b === COLON) break;
      if (b < 32 || b === BAR || b > 126) return false;
      hash = Math.imul(hash ^ b, FNV_PRIME);
    }
    if (i === start || i === limit) return false;
    this.colon = i;
    let mantissa = 0;
    let digits = 0;
    let fraction = -1;
    for (i++; i < limit; i++) {
      const b = bytes[i]!;
      if (b >= 48 && b <= 57) {
        mantissa = mantissa * 10 + (b - 48);
        digits++;
        if (fraction >= 0) fraction++;
      } else if (b === DOT && fraction < 0) fraction = 0;
      else break;
    }
    if (i === limit || bytes[i] !== BAR || digits === 0 || digits > MAX_DIGITS) return false;
    this.bar = i;
    if (!this.scanRest(bytes, i, limit, hash)) return false;
    this.valueMs = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
    return true;
  }

  /** Hashes the type and fields up to the line's end; control bytes other than the line break are left to the parser. */
  private scanRest(bytes: Uint8Array, from: number, limit: number, hash: number): boolean {
    let i = from;
    for (; i < limit; i++) {
      const b = bytes[i]!;
      if (b < 32 || b > 126) {
        if (b === LF) break;
        if (b === CR && (i + 1 === limit || bytes[i + 1] === LF)) break;
        return false;
      }
      hash = Math.imul(hash ^ b, FNV_PRIME);
    }
    this.lineEnd = i;
    this.nextStart = i === limit ? limit : bytes[i] === CR ? Math.min(i + 2, limit) : i + 1;
    // Kept within a small integer so the Map hashes it cheaply.
    this.hash = hash & 0x3fffffff;
    return true;
  }

  private sameKey(entry: Entry, bytes: Uint8Array, start: number): boolean {
    const { key, nameBytes } = entry;
    if (this.colon - start !== nameBytes || key.length - nameBytes !== this.lineEnd - this.bar) return false;
    for (let i = 0; i < nameBytes; i++) if (key[i] !== bytes[start + i]) return false;
    for (let i = nameBytes, j = this.bar; j < this.lineEnd; i++, j++) if (key[i] !== bytes[j]) return false;
    return true;
  }
}
