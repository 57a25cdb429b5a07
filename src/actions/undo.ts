// Undoes the last applied action on a file: the backup goes back byte for byte, only if the file is still what the apply wrote.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../app/clock.js';
import { sha256Hex } from '../config/content-hash.js';
import type { AuditLog } from './audit-log.js';
import { lastUndoable, newRecordId } from './audit-records.js';
import type { ApplyRecord, Trigger, UndoRecord } from './audit-records.js';
import { writeConfigAtomically } from './config-writer.js';
import type { WriterFs } from './config-writer.js';

export type UndoInput = {
  /** The app config whose last applied action is undone. */
  file: string;
  audit: AuditLog;
  clock: Pick<Clock, 'now'>;
  trigger: Trigger;
  /** Reads the config and the backup; default node:fs/promises. */
  readFile?: (file: string) => Promise<Uint8Array>;
  /** File access for the write; default node:fs/promises. */
  writerFs?: WriterFs;
  /** Default newRecordId. */
  newId?: (nowMs: number) => string;
};

export type UndoResult =
  | { ok: true; apply: ApplyRecord; record: UndoRecord; auditError?: string }
  /** `nothingToDo`: no applied action to undo (exit 2); otherwise a refusal or error (exit 1). */
  | { ok: false; nothingToDo: boolean; error: string };

export async function undoLast(input: UndoInput): Promise<UndoResult> {
  const file = path.resolve(input.file);
  const readFile = input.readFile ?? ((f: string) => fsp.readFile(f));
  const fail = (error: string): UndoResult => ({ ok: false, nothingToDo: false, error });
  const log = await input.audit.read().catch((err: Error) => err);
  if (log instanceof Error) return fail(`${input.audit.file}: cannot read the audit log (${log.message}); check its permissions`);
  const apply = lastUndoable(log.records, file);
  if (apply === null) return { ok: false, nothingToDo: true, error: `${file}: nothing to undo; ${input.audit.file} has no applied change to it that is not undone yet` };
  const backup = apply.backup as string;
  const what = `${apply.action} (applied ${apply.time})`;
  let current: Uint8Array;
  let previous: Uint8Array;
  try {
    current = await readFile(file);
  } catch (err) {
    return fail(`${file}: cannot read (${(err as Error).message}); nothing written`);
  }
  if (sha256Hex(current) !== apply.afterHash) {
    return fail(`${file}: changed on disk since ${what}, so undo would lose those edits; nothing written. Compare it with ${backup} and restore by hand`);
  }
  try {
    previous = await readFile(backup);
  } catch (err) {
    return fail(`${backup}: cannot read the backup of ${what} (${(err as Error).message}); nothing written`);
  }
  if (sha256Hex(previous) !== apply.beforeHash) {
    return fail(`${backup}: the backup no longer holds the bytes from before ${what} (its hash differs); nothing written`);
  }
  const written = await writeConfigAtomically(file, previous, { expectedHash: apply.afterHash as string, clock: input.clock, fs: input.writerFs });
  if (!written.ok) return fail(written.error);
  const nowMs = input.clock.now();
  const record: UndoRecord = {
    v: 1,
    type: 'undo',
    id: (input.newId ?? newRecordId)(nowMs),
    time: new Date(nowMs).toISOString(),
    action: apply.action,
    file,
    undoes: apply.id,
    trigger: input.trigger,
    changes: apply.changes.map((c) => ({ ...c, from: c.to, to: c.from })),
    backup: written.backupFile,
    beforeHash: written.beforeHash,
    afterHash: written.afterHash,
  };
  try {
    await input.audit.append(record);
  } catch (err) {
    return { ok: true, apply, record, auditError: `${input.audit.file}: cannot append the undo record (${(err as Error).message})` };
  }
  return { ok: true, apply, record };
}
