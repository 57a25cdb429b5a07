// --record FILE: appends frames and actions as NDJSON records, synced each interval, rotated by size (FILE.1 ... FILE.N-1).
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { systemClock, type Clock } from '../app/clock.js';
import { FrameEncoder, encodeAction, type RecordedAction, type RecordedFrame } from './frame-encoder.js';
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordingRecord } from './recording-types.js';

/** The file operations the recorder uses; node:fs by default, replaceable to test failures. */
export type RecorderFs = {
  openSync(file: string, flags: 'a+'): number;
  writeSync(fd: number, text: string): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  fstatSync(fd: number): { size: number };
  readSync(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
};

export type RecorderOptions = {
  file: string;
  /** A file is rotated before a write would take it past this size, bytes. @default 50 MiB */
  maxBytes?: number;
  /** Files kept, the current one included: FILE, FILE.1 ... FILE.(maxFiles-1), oldest dropped. @default 5 */
  maxFiles?: number;
  /** fsync at most this often, ms; 0 syncs every frame, so a power loss costs at most the last interval. @default 0 */
  syncIntervalMs?: number;
  /** Written in each file's header. @default os.hostname() */
  host?: string;
  clock?: Pick<Clock, 'now'>;
  fs?: RecorderFs;
};

export type RecordingWriter = {
  /** Writes one frame's records (one write); a failed write is counted and the next frame starts a keyframe. */
  frame(frame: RecordedFrame): void;
  /** Writes an action record and syncs at once (actions are rare and matter). */
  action(action: RecordedAction): void;
  close(): void;
  readonly stats: { records: number; bytes: number; rotations: number; writeErrors: number; lastError: string | null };
};

const nodeFs: RecorderFs = { openSync, writeSync, fsyncSync, closeSync, fstatSync, readSync, renameSync, unlinkSync };
const MIB = 1024 * 1024;

export function createRecorder(options: RecorderOptions): RecordingWriter {
  const { file, maxBytes = 50 * MIB, maxFiles = 5, syncIntervalMs = 0 } = options;
  checkOptions(file, maxBytes, maxFiles, syncIntervalMs);
  const fs = options.fs ?? nodeFs;
  const clock = options.clock ?? systemClock;
  const host = options.host ?? hostname();
  const encoder = new FrameEncoder();
  const stats = { records: 0, bytes: 0, rotations: 0, writeErrors: 0, lastError: null as string | null };
  let fd: number | null = openForAppend(fs, file);
  let closed = false;
  stats.bytes = fs.fstatSync(fd).size;
  let lastSyncMs = -Infinity;
  let needHeader = true;
  const noteError = (error: unknown): void => {
    stats.writeErrors++;
    stats.lastError = `recording ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  };

  const serialize = (records: RecordingRecord[], atMs: number): { text: string; count: number } => {
    const all: RecordingRecord[] = needHeader ? [{ v: RECORDING_VERSION, type: 'header', format: RECORDING_FORMAT, atMs, host }, ...records] : records;
    return { text: all.map((r) => `${JSON.stringify(r)}\n`).join(''), count: all.length };
  };

  /** encode() is called again after a rotation, so a frame that opens a new file is a keyframe. */
  const write = (encode: () => RecordingRecord[], atMs: number, syncNow: boolean): void => {
    if (fd === null) {
      if (closed) throw new Error(`recording ${file} is closed; write nothing after close()`);
      // The last write or reopen failed: try again now, the disk may have recovered.
      try {
        fd = openForAppend(fs, file);
        stats.bytes = fs.fstatSync(fd).size;
        needHeader = true;
        encoder.restart();
      } catch (error) {
        return noteError(error);
      }
    }
    try {
      let out = serialize(encode(), atMs);
      if (stats.bytes > 0 && stats.bytes + Buffer.byteLength(out.text) > maxBytes) {
        fs.fsyncSync(fd);
        const open = fd;
        fd = null;
        fd = rotate(fs, open, file, maxFiles, noteError);
        stats.bytes = fs.fstatSync(fd).size;
        stats.rotations++;
        encoder.restart();
        needHeader = true;
        out = serialize(encode(), atMs);
      }
      stats.bytes += fs.writeSync(fd, out.text);
      stats.records += out.count;
      needHeader = false;
      const nowMs = clock.now();
      if (syncNow || nowMs - lastSyncMs >= syncIntervalMs) {
        fs.fsyncSync(fd);
        lastSyncMs = nowMs;
      }
    } catch (error) {
      noteError(error);
      // Part of a line may be on disk: the next write reopens (ending that line) and starts with a header and keyframe.
      if (fd !== null) closeQuietly(fs, fd);
      fd = null;
    }
  };

  return {
    frame(frame) {
      write(() => encoder.encode(frame), frame.snapshot.atMs, false);
    },
    action(action) {
      const record = encodeAction(action);
      write(() => [record], action.atMs, true);
    },
    close() {
      closed = true;
      if (fd === null) return;
      const open = fd;
      fd = null;
      try {
        fs.fsyncSync(open);
      } finally {
        fs.closeSync(open);
      }
    },
    stats,
  };
}

function checkOptions(file: string, maxBytes: number, maxFiles: number, syncIntervalMs: number): void {
  if (typeof file !== 'string' || file === '') throw new Error('--record needs a file name, e.g. --record /var/log/zoomtop/run.ndjson');
  if (!Number.isInteger(maxBytes) || maxBytes < 4096) {
    throw new Error(`recording maxBytes ${maxBytes} is too small; give a whole number of bytes >= 4096 (the default is 50 MiB)`);
  }
  if (!Number.isInteger(maxFiles) || maxFiles < 1 || maxFiles > 100) {
    throw new Error(`recording maxFiles ${maxFiles} must be a whole number from 1 to 100 (the default is 5)`);
  }
  if (!(syncIntervalMs >= 0 && syncIntervalMs < Infinity)) {
    throw new Error(`recording syncIntervalMs ${syncIntervalMs} must be a finite number of ms >= 0 (0, the default, syncs every frame)`);
  }
}

/** Opens for append; a last line cut by a crash is ended first, so the next record does not glue onto it. */
function openForAppend(fs: RecorderFs, file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, 'a+');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`--record ${JSON.stringify(file)} cannot be opened (${code}); give a file in an existing, writable directory`);
  }
  const size = fs.fstatSync(fd).size;
  if (size > 0) {
    const last = Buffer.alloc(1);
    // Opened a+ so the last byte can be read; a failure only skips the repair.
    try {
      fs.readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) fs.writeSync(fd, '\n');
    } catch {
      // The reader skips a line it cannot parse anyway.
    }
  }
  return fd;
}

/** FILE -> FILE.1 -> ... -> FILE.(maxFiles-1), the oldest removed; FILE is reopened even when a rename fails. */
function rotate(fs: RecorderFs, fd: number, file: string, maxFiles: number, onError: (error: unknown) => void): number {
  fs.closeSync(fd);
  const name = (n: number): string => (n === 0 ? file : `${file}.${n}`);
  try {
    removeIfThere(fs, name(maxFiles - 1));
    for (let n = maxFiles - 2; n >= 0; n--) {
      try {
        fs.renameSync(name(n), name(n + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  } catch (error) {
    // Recording goes on in FILE (now past maxBytes) rather than stopping.
    onError(error);
  }
  return openForAppend(fs, file);
}

function closeQuietly(fs: RecorderFs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already unusable; the reopen is what matters.
  }
}

function removeIfThere(fs: RecorderFs, file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
