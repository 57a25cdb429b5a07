// Carries out a previewed plan (atomic write or run step) and appends its audit record; shared by the dashboard and the CLI.
import path from 'node:path';
import type { Clock } from '../app/clock.js';
import type { AuditLog } from './audit-log.js';
import { newRecordId } from './audit-records.js';
import type { ApplyRecord, Trigger } from './audit-records.js';
import { writeConfigAtomically } from './config-writer.js';
import type { WriterFs } from './config-writer.js';
import { describeRunStep, runStep } from './run-step.js';
import type { RunStepOptions } from './run-step.js';
import type { ActionPlan } from './types.js';

export type ApplyPlanInput = {
  plan: ActionPlan;
  newText: string;
  /** sha256 of the bytes the preview was made from. */
  expectedHash: string;
  trigger: Trigger;
  /** The suggestion's evidence, kept in the record. */
  evidence?: string;
  audit: AuditLog;
  clock: Pick<Clock, 'now'>;
  /** File access for the write; default node:fs/promises. */
  writerFs?: WriterFs;
  /** For run steps (reclaim-memory). */
  run?: RunStepOptions;
  /** Default newRecordId. */
  newId?: (nowMs: number) => string;
};

/** `auditError`: the change was made but its record could not be written (undo then needs the backup by hand). */
export type ApplyPlanResult = { ok: true; record: ApplyRecord; detail: string; auditError?: string } | { ok: false; error: string };

export async function applyPlan(input: ApplyPlanInput): Promise<ApplyPlanResult> {
  const { plan, clock } = input;
  const nowMs = clock.now();
  const base = {
    v: 1 as const,
    type: 'apply' as const,
    id: (input.newId ?? newRecordId)(nowMs),
    time: new Date(nowMs).toISOString(),
    action: plan.actionId,
    file: path.resolve(plan.file),
    summary: plan.summary,
    trigger: input.trigger,
    changes: plan.patches.map((p) => ({ key: p.path.map(String).join('.'), path: p.path, from: p.from, to: p.to })),
    ...(input.evidence === undefined ? {} : { evidence: input.evidence }),
  };
  let record: ApplyRecord;
  let detail: string;
  if (plan.run !== undefined) {
    const ran = await runStep(plan.run, input.run);
    if (!ran.ok) return { ok: false, error: ran.error };
    record = { ...base, backup: null, beforeHash: null, afterHash: null, run: describeRunStep(plan.run) };
    detail = ran.detail;
  } else {
    const written = await writeConfigAtomically(plan.file, input.newText, { expectedHash: input.expectedHash, clock, fs: input.writerFs });
    if (!written.ok) return { ok: false, error: written.error };
    record = { ...base, backup: written.backupFile, beforeHash: written.beforeHash, afterHash: written.afterHash };
    detail = `written to ${written.file}; previous version kept as ${written.backupFile}`;
  }
  try {
    await input.audit.append(record);
  } catch (err) {
    return { ok: true, record, detail, auditError: `${input.audit.file}: cannot append the audit record (${(err as Error).message}); undo will not know this change` };
  }
  return { ok: true, record, detail };
}
