// The real binary: `node dist/src/cli.js plan` against a temp HOME reads the demo copy there and exits 0.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const EXAMPLE = new URL('../../../examples/zoomcam.yaml', import.meta.url);

it('zoomtop plan prints the diff for the demo copy in $HOME and writes nothing', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'zoomtop-home-'));
  try {
    const dir = path.join(home, '.local', 'share', 'zoomtop');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'zoomcam.yaml');
    copyFileSync(EXAMPLE, file);
    const before = readFileSync(file);
    const result = spawnSync(process.execPath, [CLI, 'plan', '--action', 'lower-fps'], { env: { HOME: home, PATH: process.env.PATH }, encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, [
      '# lower-fps: streaming.target_fps 30 -> 25',
      '# streaming.target_fps: streaming.target_fps 30 is above the floor (15 fps); one step of 5 fps down',
      `--- ${file}`,
      `+++ ${file}`,
      '@@ -25,2 +25,2 @@',
      ' streaming:',
      '-  target_fps: 30              # frames per second of every camera without its own fps',
      '+  target_fps: 25              # frames per second of every camera without its own fps',
      '',
    ].join('\n'));
    assert.deepEqual(readFileSync(file), before);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
