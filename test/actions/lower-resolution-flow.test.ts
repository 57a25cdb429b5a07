// Read -> plan -> edit -> preview -> write -> read again, on a real file in a temp dir.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { writeConfigAtomically } from '../../src/actions/config-writer.js';
import { unifiedDiff } from '../../src/actions/diff.js';
import { planLowerResolution } from '../../src/actions/lower-resolution.js';
import { applyPatches } from '../../src/actions/yaml-edit.js';
import { readAppConfig } from '../../src/config/app-config.js';
import { FakeClock } from '../helpers/fake-clock.js';

const TEXT = '# cams\r\ncameras:\r\n  front_door:\r\n    resolution: "1920x1080"  # hd\r\n  1:\r\n    resolution: 1280x720\r\n';

it('lowers the busiest camera one step and can be undone from the backup', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoomtop-flow-'));
  try {
    const file = path.join(dir, 'zoomcam.yaml');
    writeFileSync(file, TEXT);
    const read = await readAppConfig(file);
    assert.ok(read.ok);
    const planned = planLowerResolution({ file, config: read.config, costByCamera: new Map([['1', 40]]) });
    assert.ok(planned.ok);
    assert.equal(planned.plan.summary, '1 1280x720 -> 640x480');
    const edited = applyPatches(read.text, planned.plan.patches, { file });
    assert.ok(edited.ok);
    assert.equal(unifiedDiff(file, read.text, edited.text, 0), `--- ${file}\n+++ ${file}\n@@ -6 +6 @@\n-    resolution: 1280x720\n+    resolution: 640x480\n`);
    const written = await writeConfigAtomically(file, edited.text, { expectedHash: read.sha256, clock: new FakeClock() });
    assert.ok(written.ok);
    const again = await readAppConfig(file);
    assert.ok(again.ok);
    assert.deepEqual(again.config.cameras.map((c) => c.resolution), ['1920x1080', '640x480']);
    assert.equal(again.sha256, written.afterHash);
    // Undo: write the backup back, guarded by the hash of what we wrote.
    const undo = await writeConfigAtomically(file, readFileSync(written.backupFile, 'utf8'), { expectedHash: written.afterHash, clock: new FakeClock() });
    assert.ok(undo.ok);
    assert.equal(readFileSync(file, 'utf8'), TEXT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
