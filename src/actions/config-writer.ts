// Writes a config atomically: hash check, backup beside it, temp file + fsync + rename, original mode kept.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { systemClock } from '../app/clock.js';
import type { Clock } from '../app/clock.js';
import { sha256Hex } from '../config/content-hash.js';
import type { ApplyResult } from './types.js';

export type WriterFileHandle = {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  close(): Promise<void>;
};

/** The file operations the writer needs; node:fs/promises by default. */
export type WriterFs = {
  realpath(file: string): Promise<string>;
  readFile(file: string): Promise<Uint8Array>;
  stat(file: string): Promise<{ mode: number; uid: number; gid: number }>;
  open(file: string, flags: string, mode?: number): Promise<WriterFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
};

export type WriteConfigOptions = {
  /** sha256 (hex) of the bytes the preview was made from; any other content is refused. */
  expectedHash: string;
  /** File access; default node:fs/promises. */
  fs?: WriterFs;
  /** Stamps the backup name and appliedAtMs; default the system clock. */
  clock?: Pick<Clock, 'now'>;
  /** Backups `<file>.zoomtop-backup-<UTC stamp>` kept beside the file (at least 1); default 5. */
  keepBackups?: number;
};

export type WriteResult =
  | (Extract<ApplyResult, { ok: true }> & { beforeHash: string; afterHash: string })
  | Extract<ApplyResult, { ok: false }>;

export const BACKUP_INFIX = '.zoomtop-backup-';

const nodeFs: WriterFs = {
  realpath: (file) => fsp.realpath(file),
  readFile: (file) => fsp.readFile(file),
  stat: (file) => fsp.stat(file),
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  readdir: (dir) => fsp.readdir(dir),
};

let tempCounter = 0;

/**
 * Replaces `file` with `newContent` (text, written as UTF-8, or exact bytes) only if it still
 * hashes to `expectedHash`. Timestamped backups (not one `.bak`) so undoing two applies in a
 * row still finds the older bytes.
 * A symlinked config is written through to its target. On failure the original is untouched
 * and the temp file and this backup are removed.
 */
export async function writeConfigAtomically(file: string, newContent: string | Uint8Array, options: WriteConfigOptions): Promise<WriteResult> {
  const fs = options.fs ?? nodeFs;
  const clock = options.clock ?? systemClock;
  const fail = (error: string): WriteResult => ({ ok: false, file, error: `${file}: ${error}` });
  let target: string;
  let before: Uint8Array;
  try {
    target = await fs.realpath(file);
    before = await fs.readFile(target);
  } catch (err) {
    return fail(`cannot read (${message(err)}); check the path and permissions`);
  }
  const beforeHash = sha256Hex(before);
  if (beforeHash !== options.expectedHash) return fail('changed on disk since preview; re-plan');
  const newBytes = typeof newContent === 'string' ? Buffer.from(newContent, 'utf8') : newContent;
  const dir = path.dirname(target);
  const nowMs = clock.now();
  let backupFile: string | null = null;
  let tempFile: string | null = null;
  try {
    const { mode, uid, gid } = await fs.stat(target);
    backupFile = await writeBackup(fs, target, before, nowMs, { mode, uid, gid });
    tempFile = path.join(dir, `.${path.basename(target)}.zoomtop-tmp-${process.pid}-${++tempCounter}`);
    await writeDurably(fs, tempFile, newBytes, { mode, uid, gid });
    // Last look before the rename: an editor may have saved while we wrote.
    if (sha256Hex(await fs.readFile(target)) !== beforeHash) throw new ChangedOnDisk();
    await fs.rename(tempFile, target);
    tempFile = null;
  } catch (err) {
    if (tempFile !== null) await fs.unlink(tempFile).catch(() => undefined);
    if (backupFile !== null) await fs.unlink(backupFile).catch(() => undefined);
    if (err instanceof ChangedOnDisk) return fail('changed on disk since preview; re-plan');
    return fail(`not written (${message(err)}); the file is unchanged`);
  }
  await syncDir(fs, dir);
  await pruneBackups(fs, target, options.keepBackups ?? 5);
  return { ok: true, file, backupFile, appliedAtMs: nowMs, beforeHash, afterHash: sha256Hex(newBytes) };
}

class ChangedOnDisk extends Error {}

type Owner = { mode: number; uid: number; gid: number };

/** Creates (never overwrites) `file` with `bytes`, the original's mode and, where allowed, owner. */
async function writeDurably(fs: WriterFs, file: string, bytes: Uint8Array, owner: Owner): Promise<void> {
  const permissions = owner.mode & 0o7777;
  const handle = await fs.open(file, 'wx', permissions);
  try {
    // open()'s mode passes through the umask; chmod makes it exact.
    await handle.chmod(permissions);
    // Running as root must not leave the app's config owned by root; EPERM as a user is fine.
    await handle.chown(owner.uid, owner.gid).catch(() => undefined);
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeBackup(fs: WriterFs, target: string, bytes: Uint8Array, nowMs: number, owner: Owner): Promise<string> {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '');
  for (let attempt = 0; ; attempt++) {
    const candidate = `${target}${BACKUP_INFIX}${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
    try {
      await writeDurably(fs, candidate, bytes, owner);
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 9) throw err;
    }
  }
}

/** Makes the rename durable; some platforms cannot open a directory, which is fine. */
async function syncDir(fs: WriterFs, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Best effort only.
  }
}

/** Keeps the newest `keep` backups of `target`; stamps sort by time. */
async function pruneBackups(fs: WriterFs, target: string, keep: number): Promise<void> {
  try {
    const prefix = `${path.basename(target)}${BACKUP_INFIX}`;
    const names = (await fs.readdir(path.dirname(target))).filter((name) => name.startsWith(prefix)).sort().reverse();
    for (const name of names.slice(Math.max(1, keep))) {
      await fs.unlink(path.join(path.dirname(target), name)).catch(() => undefined);
    }
  } catch {
    // A backup left over is harmless.
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
