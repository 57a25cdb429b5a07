// Records of the action audit log (NDJSON, one per line), and how history joins applies, undos and later effects.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Effect } from './effect.js';

export type ChangeRecord = { key: string; path: (string | number)[]; from: string | number | boolean; to: string | number | boolean };

/** What started it: a key in the dashboard, auto mode, or the command line. */
export type Trigger = 'key' | 'auto' | 'cli';

type RecordBase = {
  v: 1;
  /** Unique per record; later records refer to an apply by it. */
  id: string;
  /** ISO 8601, UTC. */
  time: string;
  action: string;
  /** Absolute path of the app config. */
  file: string;
};

export type ApplyRecord = RecordBase & {
  type: 'apply';
  summary: string;
  trigger: Trigger;
  changes: ChangeRecord[];
  /** The file's bytes before the apply; null for a run step, which writes nothing. */
  backup: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  /** What was run instead of a write (reclaim-memory). */
  run?: string;
  /** The suggestion's metric, value and duration that led to it. */
  evidence?: string;
  /** Present when measured before the record was written; usually a later effect record. */
  effect?: Effect;
};

export type UndoRecord = RecordBase & {
  type: 'undo';
  /** Id of the apply record undone. */
  undoes: string;
  trigger: Trigger;
  /** The apply's changes, reversed. */
  changes: ChangeRecord[];
  /** The file's bytes before the undo (what the apply had written). */
  backup: string;
  beforeHash: string;
  afterHash: string;
};

/** The measured effect of an earlier apply, written once its settle period is over. */
export type EffectRecord = RecordBase & { type: 'effect'; of: string; effect: Effect };

export type AuditRecord = ApplyRecord | UndoRecord | EffectRecord;

export type HistoryEntry =
  | { kind: 'apply'; apply: ApplyRecord; effect: Effect | null; undoneBy: UndoRecord | null }
  | { kind: 'undo'; undo: UndoRecord };

/** Applies and undos in log order; each apply carries its effect and the undo that reverted it. */
export function joinHistory(records: readonly AuditRecord[]): HistoryEntry[] {
  const applies = new Map<string, Extract<HistoryEntry, { kind: 'apply' }>>();
  const entries: HistoryEntry[] = [];
  for (const record of records) {
    if (record.type === 'apply') {
      const entry = { kind: 'apply' as const, apply: record, effect: record.effect ?? null, undoneBy: null };
      applies.set(record.id, entry);
      entries.push(entry);
    } else if (record.type === 'undo') {
      const undone = applies.get(record.undoes);
      if (undone) undone.undoneBy = record;
      entries.push({ kind: 'undo', undo: record });
    } else {
      const measured = applies.get(record.of);
      if (measured) measured.effect = record.effect;
    }
  }
  return entries;
}

/** The latest apply that wrote `file` and is not undone yet: what undo restores. */
export function lastUndoable(records: readonly AuditRecord[], file: string): ApplyRecord | null {
  const target = path.resolve(file);
  const entries = joinHistory(records);
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.kind === 'apply' && entry.undoneBy === null && entry.apply.backup !== null && path.resolve(entry.apply.file) === target) return entry.apply;
  }
  return null;
}

/** Wide enough for every action id, so the columns line up. */
const ACTION_WIDTH = 16;

/** One line per entry for `zoomtop history`: time, what, the change, the effect, the file. */
export function formatHistoryEntry(entry: HistoryEntry): string {
  if (entry.kind === 'undo') {
    const { undo } = entry;
    return `${undo.time}  undone   ${undo.action.padEnd(ACTION_WIDTH)}  ${changesText(undo.changes)}  ${undo.file}`;
  }
  const { apply, effect, undoneBy } = entry;
  const what = apply.run ?? changesText(apply.changes);
  const parts = [`${apply.time}  applied  ${apply.action.padEnd(ACTION_WIDTH)}  ${what}`, effect ? effect.text : 'effect not measured', apply.file];
  if (undoneBy) parts.push(`(undone ${undoneBy.time})`);
  return parts.join('  ');
}

function changesText(changes: readonly ChangeRecord[]): string {
  return changes.map((c) => `${c.key} ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`).join(', ');
}

/** A sortable, unique id: UTC stamp plus random hex. */
export function newRecordId(nowMs: number): string {
  return `${new Date(nowMs).toISOString().replace(/[-:]/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** The record when `value` has the shape of one, else null (foreign or damaged lines). */
export function asAuditRecord(value: unknown): AuditRecord | null {
  if (value === null || typeof value !== 'object') return null;
  const r = value as Record<string, unknown>;
  if (r.v !== 1 || typeof r.id !== 'string' || typeof r.time !== 'string' || typeof r.action !== 'string' || typeof r.file !== 'string') return null;
  if (r.type === 'apply' && Array.isArray(r.changes)) return r as AuditRecord;
  if (r.type === 'undo' && typeof r.undoes === 'string' && Array.isArray(r.changes) && typeof r.backup === 'string') return r as AuditRecord;
  if (r.type === 'effect' && typeof r.of === 'string' && typeof r.effect === 'object' && r.effect !== null) return r as AuditRecord;
  return null;
}
