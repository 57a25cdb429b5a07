// End to end: the full load of the demo raises the CPU alert and suggestion; a then y lowers a camera, comments intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTmuxPane, tmuxAvailable } from '../helpers/tmux.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../examples/zoomcam.yaml', import.meta.url));

test('CPU alert and suggestion appear under the demo load; a, y lowers front_door and keeps every other byte', { skip: !tmuxAvailable() && 'tmux is not installed', timeout: 90_000 }, async () => {
  const pane = openTmuxPane({ cols: 120, rows: 40 });
  try {
    pane.type(`node ${CLI} --demo --statsd 127.0.0.1:0`);
    const loaded = await pane.waitFor((s) => s.includes('lower camera resolution'), 60_000);
    assert.ok(loaded.includes('machine CPU high'), `CPU alert:\n${loaded}`);
    assert.ok(loaded.includes('lower camera resolution'), `CPU suggestion:\n${loaded}`);

    pane.keys('a');
    const preview = await pane.waitFor((s) => s.includes('y apply'), 5000);
    assert.ok(preview.includes('cameras.front_door.resolution') && preview.includes('"1920x1080" -> "1280x720"'), preview);
    const file = join(pane.home, '.local/share/zoomtop/zoomcam.yaml');
    const before = readFileSync(file, 'utf8');
    assert.equal(before, readFileSync(EXAMPLE, 'utf8'), 'the demo runs on a copy of the example');

    pane.keys('y');
    const applied = await pane.waitFor((s) => s.includes('previous version kept'), 5000);
    assert.ok(applied.includes('Applied'), applied);
    const after = readFileSync(file, 'utf8');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    assert.deepEqual(changed, ['    resolution: "1280x720"   # WIDTHxHEIGHT; the optimizer steps it down 1920x1080 -> 1280x720 -> 640x480']);
    assert.equal(readFileSync(EXAMPLE, 'utf8'), before, 'the repository example is never edited');
    assert.equal(readdirSync(join(pane.home, '.local/share/zoomtop')).filter((f) => f.includes('zoomtop-backup')).length, 1);

    pane.keys('x');
    await pane.waitFor((s) => !s.includes('previous version kept'), 5000);
    pane.keys('u');
    assert.ok((await pane.waitFor((s) => s.includes('the undone version is kept'), 5000)).includes('Undone'));
    assert.equal(readFileSync(file, 'utf8'), before, 'undo puts the file back byte for byte');
    pane.keys('x');
    const logged = await pane.waitFor((s) => s.includes('undone lower-resolution'), 5000);
    assert.match(logged, /undone lower-resolution: back to/, 'the alert log says what it went back to');
    pane.keys('q');
    await pane.waitFor((s) => s.trimEnd().endsWith('READY$'), 10_000);
  } finally {
    pane.close();
  }
});
