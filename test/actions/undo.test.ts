// Apply then undo on real files: byte for byte back, refused when the file changed since, two applies undone in turn.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { applyPlan } from '../../src/actions/apply-plan.js';
import { AuditLog } from '../../src/actions/audit-log.js';
import { preparePlan } from '../../src/actions/prepare-plan.js';
import { undoLast } from '../../src/actions/undo.js';
import { sha256Hex } from '../../src/config/content-hash.js';
import { FakeClock } from '../helpers/fake-clock.js';

const FIXTURE = readFileSync(new URL('../../../test/fixtures/actions/lower-fps-crlf.before.yaml', import.meta.url));

let dir: string;
let file: string;
let audit: AuditLog;
let clock: FakeClock;
let ids: number;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zoomtop-undo-'));
  file = path.join(dir, 'zoomcam.yaml');
  writeFileSync(file, FIXTURE);
  audit = new AuditLog({ file: path.join(dir, 'data', 'actions.ndjson') });
  clock = new FakeClock(Date.UTC(2026, 0, 1));
  ids = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const newId = () => `r${++ids}`;

async function apply(actionId: string) {
  const prepared = await preparePlan({ file, actionId });
  assert.ok(prepared.ok, prepared.ok ? '' : prepared.error);
  const result = await applyPlan({ ...prepared, trigger: 'cli', audit, clock, newId });
  assert.ok(result.ok, result.ok ? '' : result.error);
  clock.advance(1000);
  return result.record;
}

describe('undoLast', () => {
  it('puts the file back byte for byte (BOM, CRLF, comments) and records the undo', async () => {
    const applied = await apply('lower-fps');
    const written = readFileSync(file);
    assert.notDeepEqual(written, FIXTURE);
    assert.equal(applied.beforeHash, sha256Hex(FIXTURE));
    assert.deepEqual(readFileSync(applied.backup as string), FIXTURE);
    const result = await undoLast({ file, audit, clock, trigger: 'key', newId });
    assert.ok(result.ok, result.ok ? '' : result.error);
    assert.deepEqual(readFileSync(file), FIXTURE);
    assert.equal(result.record.undoes, 'r1');
    assert.deepEqual(result.record.changes.map((c) => [c.key, c.from, c.to]), [['streaming.target_fps', 25, 30], ['cameras.front_door.fps', 20, 25]]);
    assert.equal(result.record.afterHash, sha256Hex(FIXTURE));
    assert.deepEqual(readFileSync(result.record.backup), written, 'the undone version is kept too');
    const log = await audit.read();
    assert.deepEqual(log.records.map((r) => `${r.type} ${r.id}`), ['apply r1', 'undo r2']);
  });

  it('undoes two applies in turn, newest first, then has nothing to undo', async () => {
    await apply('lower-fps');
    const afterFirst = readFileSync(file);
    await apply('disable-camera');
    const first = await undoLast({ file, audit, clock, trigger: 'cli', newId });
    assert.equal(first.ok && first.apply.action, 'disable-camera');
    assert.deepEqual(readFileSync(file), afterFirst);
    const second = await undoLast({ file, audit, clock, trigger: 'cli', newId });
    assert.equal(second.ok && second.apply.action, 'lower-fps');
    assert.deepEqual(readFileSync(file), FIXTURE);
    const third = await undoLast({ file, audit, clock, trigger: 'cli', newId });
    assert.deepEqual(third, { ok: false, nothingToDo: true, error: `${file}: nothing to undo; ${audit.file} has no applied change to it that is not undone yet` });
  });

  it('refuses when the file changed on disk since the apply, and writes nothing', async () => {
    await apply('lower-fps');
    const edited = Buffer.concat([readFileSync(file), Buffer.from('# tuned by hand\r\n')]);
    writeFileSync(file, edited);
    const result = await undoLast({ file, audit, clock, trigger: 'key', newId });
    assert.deepEqual(result, {
      ok: false,
      nothingToDo: false,
      error: `${file}: changed on disk since lower-fps (applied 2026-01-01T00:00:00.000Z), so undo would lose those edits; nothing written. Compare it with ${file}.zoomtop-backup-20260101T000000.000Z and restore by hand`,
    });
    assert.deepEqual(readFileSync(file), edited);
    assert.deepEqual((await audit.read()).records.map((r) => r.type), ['apply']);
  });

  it('refuses a backup whose bytes are not the ones from before the apply', async () => {
    const applied = await apply('lower-fps');
    writeFileSync(applied.backup as string, 'cameras: {}\n');
    const before = readFileSync(file);
    const result = await undoLast({ file, audit, clock, trigger: 'key', newId });
    assert.equal(result.ok ? '' : result.error, `${applied.backup}: the backup no longer holds the bytes from before lower-fps (applied 2026-01-01T00:00:00.000Z) (its hash differs); nothing written`);
    assert.deepEqual(readFileSync(file), before);
  });
});
