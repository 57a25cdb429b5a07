import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSnapshot } from '../../src/app/export-snapshot.js';
import { CONTEXT, busyRules, busySnapshot } from '../helpers/screen-states.js';

const input = () => ({ snapshot: busySnapshot(), rules: busyRules(), cameraStats: [...CONTEXT.cameraStats!], host: 'zoomcam-pi', intervalMs: 1000 });

test('e writes the screen\'s data as JSON in the data directory, never over an earlier export', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'zoomtop-export-')), 'data');
  const first = exportSnapshot(dir, input());
  const second = exportSnapshot(dir, input());
  assert.match(first, /\/data\/zoomtop-snapshot-\d{8}-\d{6}\.json$/);
  assert.equal(second, first.replace('.json', '-2.json'));
  const doc = JSON.parse(readFileSync(first, 'utf8'));
  assert.equal(doc.format, 'zoomtop-snapshot/1');
  assert.equal(doc.at, new Date(1_000_000).toISOString());
  assert.equal(doc.snapshot.cpu.percent, 97.5);
  assert.equal(doc.snapshot.operations.length, 4);
  assert.equal(doc.cameraStats[1].camera, 'driveway');
  assert.ok(doc.alerts.length > 0 && typeof doc.alerts[0].firstAt === 'string');
  assert.ok(doc.suggestions.length > 0);
});

test('a write error other than "exists" reaches the caller (shown in a dialog)', () => {
  assert.throws(() => exportSnapshot('/d', input(), { mkdir: () => undefined, writeFile: () => { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); } }), /EACCES/);
});
