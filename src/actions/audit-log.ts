// The action audit log: NDJSON in zoomtop's data directory, appended one record per line, read back with damage skipped.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { asAuditRecord } from './audit-records.js';
import type { AuditRecord } from './audit-records.js';

export const AUDIT_LOG_NAME = 'actions.ndjson';

/** The audit log inside a data directory (see config/data-dir.ts). */
export function auditLogFile(dataDir: string): string {
  return path.join(dataDir, AUDIT_LOG_NAME);
}

/** The file operations the log needs; node:fs/promises by default. */
export type AuditFs = {
  mkdir(dir: string): Promise<void>;
  appendFile(file: string, text: string): Promise<void>;
  /** The last `maxBytes` of the file and how many bytes came before them; null when it does not exist. */
  readTail(file: string, maxBytes: number): Promise<{ bytes: Uint8Array; skippedBytes: number } | null>;
};

export type AuditLogOptions = {
  file: string;
  /** Default node:fs/promises. */
  fs?: AuditFs;
  /** Only the newest this many bytes are read; default 8 MiB. */
  maxReadBytes?: number;
};

export type AuditRead = { records: AuditRecord[]; problems: string[] };

const nodeFs: AuditFs = {
  mkdir: async (dir) => void (await fsp.mkdir(dir, { recursive: true })),
  appendFile: (file, text) => fsp.appendFile(file, text, { encoding: 'utf8', mode: 0o600 }),
  readTail: async (file, maxBytes) => {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      const size = (await handle.stat()).size;
      const length = Math.min(size, maxBytes);
      const bytes = Buffer.alloc(length);
      await handle.read(bytes, 0, length, size - length);
      return { bytes, skippedBytes: size - length };
    } finally {
      await handle.close();
    }
  },
};

export class AuditLog {
  readonly file: string;
  private readonly fs: AuditFs;
  private readonly maxReadBytes: number;

  constructor(options: AuditLogOptions) {
    this.file = options.file;
    this.fs = options.fs ?? nodeFs;
    this.maxReadBytes = options.maxReadBytes ?? 8 * 1024 * 1024;
  }

  /** Appends one line; starts a new line first when a crash left the last one unfinished. */
  async append(record: AuditRecord): Promise<void> {
    await this.fs.mkdir(path.dirname(this.file));
    const tail = await this.fs.readTail(this.file, 1);
    const lastByte = tail?.bytes[tail.bytes.length - 1];
    const prefix = lastByte !== undefined && lastByte !== 0x0a ? '\n' : '';
    await this.fs.appendFile(this.file, `${prefix}${JSON.stringify(record)}\n`);
  }

  /** Every readable record in order; a missing log is empty, damaged lines are skipped and named. */
  async read(): Promise<AuditRead> {
    const tail = await this.fs.readTail(this.file, this.maxReadBytes);
    if (tail === null) return { records: [], problems: [] };
    return parseAuditText(this.file, Buffer.from(tail.bytes).toString('utf8'), tail.skippedBytes);
  }
}

/** NDJSON text -> records. A truncated last line (a crash mid-append) and foreign lines are skipped. */
export function parseAuditText(file: string, text: string, skippedBytes = 0): AuditRead {
  const problems: string[] = [];
  const lines = text.split('\n');
  let first = 0;
  if (skippedBytes > 0) {
    problems.push(`${file}: the log is large; only its newest part was read, older records are not shown`);
    first = 1; // the first line is cut by the tail read
  }
  const complete = text.endsWith('\n');
  const records: AuditRecord[] = [];
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const isLast = i === lines.length - 1;
    const record = parseLine(line);
    if (record !== null) {
      records.push(record);
    } else if (isLast && !complete) {
      problems.push(`${file}: the last line is truncated (an append was cut short); skipped it`);
    } else {
      const where = skippedBytes > 0 ? `line ${i + 1} of the part read` : `line ${i + 1}`;
      problems.push(`${file}: ${where} is not an audit record; skipped it`);
    }
  }
  return { records, problems };
}

function parseLine(line: string): AuditRecord | null {
  try {
    return asAuditRecord(JSON.parse(line));
  } catch {
    return null;
  }
}

/** An in-memory AuditFs for a dashboard without a data directory, and for tests. */
export function memoryAuditFs(initial = ''): AuditFs & { text(): string } {
  let content = initial;
  return {
    text: () => content,
    mkdir: async () => undefined,
    appendFile: async (_file, text) => void (content += text),
    readTail: async (_file, maxBytes) => {
      if (content === '') return null;
      const bytes = Buffer.from(content, 'utf8');
      const start = Math.max(0, bytes.length - maxBytes);
      return { bytes: bytes.subarray(start), skippedBytes: start };
    },
  };
}
