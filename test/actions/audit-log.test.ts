// The audit log: NDJSON round trip, a truncated last line skipped (and not glued to the next append), history joined.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { AuditLog, auditLogFile, memoryAuditFs, parseAuditText } from '../../src/actions/audit-log.js';
import { formatHistoryEntry, joinHistory, lastUndoable } from '../../src/actions/audit-records.js';
import type { ApplyRecord, EffectRecord, UndoRecord } from '../../src/actions/audit-records.js';

const APPLY: ApplyRecord = {
  v: 1, type: 'apply', id: 'a1', time: '2026-01-01T00:00:00.000Z', action: 'lower-fps', file: '/etc/zoomcam.yaml',
  summary: 'streaming.target_fps 30 -> 25', trigger: 'key',
  changes: [{ key: 'streaming.target_fps', path: ['streaming', 'target_fps'], from: 30, to: 25 }],
  backup: '/etc/zoomcam.yaml.zoomtop-backup-20260101T000000.000Z', beforeHash: 'b0', afterHash: 'a0', evidence: 'machine CPU 97.0 % for 40s',
};
const EFFECT: EffectRecord = {
  v: 1, type: 'effect', id: 'a1-effect', time: '2026-01-01T00:00:15.000Z', action: 'lower-fps', file: '/etc/zoomcam.yaml', of: 'a1',
  effect: { known: true, metric: 'cpuPercent', before: 97, after: 71, delta: -26, settleMs: 15_000, helped: true, text: 'cpu 97 % -> 71 % (-26 pts) over 15 s' },
};
const UNDO: UndoRecord = {
  v: 1, type: 'undo', id: 'u1', time: '2026-01-01T00:01:00.000Z', action: 'lower-fps', file: '/etc/zoomcam.yaml', undoes: 'a1', trigger: 'cli',
  changes: [{ key: 'streaming.target_fps', path: ['streaming', 'target_fps'], from: 25, to: 30 }],
  backup: '/etc/zoomcam.yaml.zoomtop-backup-20260101T000100.000Z', beforeHash: 'a0', afterHash: 'b0',
};

describe('AuditLog', () => {
  it('appends one JSON line per record in the data directory and reads them back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zoomtop-audit-'));
    try {
      const log = new AuditLog({ file: auditLogFile(path.join(dir, 'zoomtop')) });
      assert.deepEqual(await log.read(), { records: [], problems: [] });
      await log.append(APPLY);
      await log.append(EFFECT);
      assert.equal(readFileSync(log.file, 'utf8'), `${JSON.stringify(APPLY)}\n${JSON.stringify(EFFECT)}\n`);
      assert.equal(log.file, path.join(dir, 'zoomtop', 'actions.ndjson'));
      assert.deepEqual(await log.read(), { records: [APPLY, EFFECT], problems: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips a truncated last line, and the next append starts on a fresh line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zoomtop-audit-'));
    try {
      const log = new AuditLog({ file: path.join(dir, 'actions.ndjson') });
      writeFileSync(log.file, `${JSON.stringify(APPLY)}\n`);
      appendFileSync(log.file, JSON.stringify(EFFECT).slice(0, 40));
      assert.deepEqual(await log.read(), { records: [APPLY], problems: [`${log.file}: the last line is truncated (an append was cut short); skipped it`] });
      await log.append(UNDO);
      const after = await log.read();
      assert.deepEqual(after.records, [APPLY, UNDO]);
      assert.deepEqual(after.problems, [`${log.file}: line 2 is not an audit record; skipped it`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads only the newest bytes of a huge log, dropping the cut first line', async () => {
    const fs = memoryAuditFs(`${JSON.stringify(APPLY)}\n${JSON.stringify(UNDO)}\n`);
    const log = new AuditLog({ file: 'a.ndjson', fs, maxReadBytes: JSON.stringify(UNDO).length + 10 });
    assert.deepEqual(await log.read(), { records: [UNDO], problems: ['a.ndjson: the log is large; only its newest part was read, older records are not shown'] });
  });

  it('ignores lines that are JSON but not records', () => {
    const read = parseAuditText('a.ndjson', `{"hello":1}\n${JSON.stringify(APPLY)}\n\n`);
    assert.deepEqual(read, { records: [APPLY], problems: ['a.ndjson: line 1 is not an audit record; skipped it'] });
  });
});

describe('history', () => {
  it('joins a later effect and the undo to their apply', () => {
    const entries = joinHistory([APPLY, EFFECT, UNDO]);
    assert.deepEqual(entries, [{ kind: 'apply', apply: APPLY, effect: EFFECT.effect, undoneBy: UNDO }, { kind: 'undo', undo: UNDO }]);
    assert.deepEqual(entries.map(formatHistoryEntry), [
      '2026-01-01T00:00:00.000Z  applied  lower-fps         streaming.target_fps 30 -> 25  cpu 97 % -> 71 % (-26 pts) over 15 s  /etc/zoomcam.yaml  (undone 2026-01-01T00:01:00.000Z)',
      '2026-01-01T00:01:00.000Z  undone   lower-fps         streaming.target_fps 25 -> 30  /etc/zoomcam.yaml',
    ]);
  });

  it('undo targets the newest apply to that file that is not undone yet', () => {
    const second: ApplyRecord = { ...APPLY, id: 'a2', time: '2026-01-01T00:02:00.000Z' };
    const other: ApplyRecord = { ...APPLY, id: 'a3', file: '/etc/other.yaml' };
    assert.equal(lastUndoable([APPLY, second, other], '/etc/zoomcam.yaml')?.id, 'a2');
    assert.equal(lastUndoable([APPLY, second, { ...UNDO, undoes: 'a2' }], '/etc/zoomcam.yaml')?.id, 'a1');
    assert.equal(lastUndoable([APPLY, UNDO], '/etc/zoomcam.yaml'), null);
    assert.equal(lastUndoable([{ ...APPLY, backup: null, run: 'send SIGUSR1' }], '/etc/zoomcam.yaml'), null, 'a run step has nothing to undo');
  });
});
