// zoomtop plan/apply/undo/history in-process: output, files written or not, and exit codes 0, 1, 2.
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runSubcommand } from '../../src/commands/subcommands.js';
import type { CommandIo } from '../../src/commands/command-io.js';
import { FakeClock } from '../helpers/fake-clock.js';

const EXAMPLE = new URL('../../../examples/zoomcam.yaml', import.meta.url);

let root: string;
let dataDir: string;
let demoCopy: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'zoomtop-cmd-'));
  dataDir = path.join(root, 'data', 'zoomtop');
  mkdirSync(dataDir, { recursive: true });
  demoCopy = path.join(dataDir, 'zoomcam.yaml');
  copyFileSync(EXAMPLE, demoCopy);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(argv: string[], over: Partial<CommandIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runSubcommand(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    // HOME in the temp root: the developer's own ~/.config/zoomtop/zoomtop.yaml must not leak in.
    env: { HOME: root },
    dataDir,
    clock: new FakeClock(Date.UTC(2026, 0, 1)),
    interactive: false,
    ask: async () => assert.fail('must not ask'),
    ...over,
  });
  return { code, stdout, stderr };
}

describe('zoomtop plan', () => {
  it('prints the first useful action as a diff of the demo copy, and writes nothing', async () => {
    const before = readFileSync(demoCopy);
    const { code, stdout, stderr } = await run(['plan']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.match(stdout, /^# lower-resolution: front_door 1920x1080 -> 1280x720\n/);
    assert.ok(stdout.includes(`--- ${demoCopy}\n+++ ${demoCopy}\n@@ -12,3 +12,3 @@\n   front_door:\n-    resolution: "1920x1080"`), stdout);
    assert.deepEqual(readFileSync(demoCopy), before);
  });

  it('exits 2 with one line naming the file, the key and the reason when there is nothing to do', async () => {
    const file = path.join(root, 'floor.yaml');
    writeFileSync(file, 'cameras:\n  a: {resolution: 640x480}\nstreaming:\n  target_fps: 15\n');
    const { code, stdout, stderr } = await run(['plan', '--app-config', file, '--action', 'lower-fps']);
    assert.deepEqual({ code, stdout, stderr }, { code: 2, stdout: '', stderr: `zoomtop plan: ${file}: lower-fps: streaming.target_fps 15: at or below the floor (15 fps); nothing to do\n` });
    const both = await run(['plan', '--app-config', file]);
    assert.equal(both.code, 2);
    assert.equal(both.stderr.split('\n').length, 3, 'one line per action tried');
  });

  it('exits 1 for a broken config, an unknown option, or no config at all', async () => {
    const file = path.join(root, 'broken.yaml');
    writeFileSync(file, 'cameras:\n  a:\n    resolution: 1920by1080\n');
    const broken = await run(['plan', '--app-config', file]);
    assert.deepEqual(broken, { code: 1, stdout: '', stderr: `zoomtop plan: ${file}:3:17: cameras.a.resolution "1920by1080" is not WIDTHxHEIGHT; write it like "1280x720"\n` });
    const option = await run(['plan', '--frobnicate']);
    assert.equal(option.code, 1);
    assert.match(option.stderr, /^zoomtop plan: Unknown option '--frobnicate'.*; see zoomtop plan --help\n$/);
    rmSync(demoCopy);
    const none = await run(['history', '--help']);
    assert.equal(none.code, 0);
    const missing = await run(['undo']);
    assert.deepEqual(missing, { code: 1, stdout: '', stderr: `zoomtop undo: no --app-config given, no app_config in zoomtop.yaml, and the demo's copy ${demoCopy} does not exist; pass --app-config FILE, set app_config in zoomtop.yaml, or run zoomtop --demo once\n` });
  });
});

describe('zoomtop apply, undo, history', () => {
  it('without --yes and without a terminal, refuses and writes nothing', async () => {
    const before = readFileSync(demoCopy);
    const { code, stderr } = await run(['apply', '--action', 'lower-fps']);
    assert.equal(code, 1);
    assert.equal(stderr, 'zoomtop apply: not applied: there is no terminal to ask on; add --yes to apply without asking\n');
    assert.deepEqual(readFileSync(demoCopy), before);
    assert.equal(existsSync(path.join(dataDir, 'actions.ndjson')), false);
  });

  it('on a terminal asks y/N: anything but y writes nothing, y applies', async () => {
    const before = readFileSync(demoCopy);
    const questions: string[] = [];
    const no = await run(['apply', '--action', 'lower-fps'], { interactive: true, ask: async (q) => (questions.push(q), '') });
    assert.deepEqual([no.code, no.stderr], [1, 'zoomtop apply: not applied (the answer was not y)\n']);
    assert.deepEqual(questions, [`Apply this change to ${demoCopy}? [y/N] `]);
    assert.deepEqual(readFileSync(demoCopy), before);
    const yes = await run(['apply', '--action', 'lower-fps'], { interactive: true, ask: async () => 'y' });
    assert.equal(yes.code, 0);
    assert.match(readFileSync(demoCopy, 'utf8'), /^ {2}target_fps: 25 {14}# frames/m);
  });

  it('apply --yes, history, undo byte for byte, then nothing to undo (exit 2)', async () => {
    const before = readFileSync(demoCopy);
    const applied = await run(['apply', '--action', 'disable-camera', '--yes']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /\napplied disable-camera: driveway enabled true -> false \(1 left on\)\nwritten to .*zoomcam\.yaml; previous version kept as .*zoomcam\.yaml\.zoomtop-backup-20260101T000000\.000Z\n$/);
    const history = await run(['history']);
    assert.equal(history.code, 0);
    assert.equal(history.stdout, `2026-01-01T00:00:00.000Z  applied  disable-camera    cameras.driveway.enabled true -> false  effect not measured  ${demoCopy}\n`);
    const undone = await run(['undo']);
    assert.equal(undone.code, 0, undone.stderr);
    assert.match(undone.stdout, /^undone disable-camera \(applied 2026-01-01T00:00:00\.000Z\): cameras\.driveway\.enabled false -> true\n/);
    assert.deepEqual(readFileSync(demoCopy), before);
    const again = await run(['undo']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^zoomtop undo: .*zoomcam\.yaml: nothing to undo; .*actions\.ndjson has no applied change to it that is not undone yet\n$/);
  });

  it('undo refuses (exit 1) when the file changed since the apply', async () => {
    await run(['apply', '--action', 'lower-fps', '--yes']);
    appendFileSync(demoCopy, '# edited\n');
    const { code, stderr } = await run(['undo']);
    assert.equal(code, 1);
    assert.match(stderr, /^zoomtop undo: .*zoomcam\.yaml: changed on disk since lower-fps \(applied 2026-01-01T00:00:00\.000Z\), so undo would lose those edits; nothing written\. Compare it with .* and restore by hand\n$/);
  });

  it('history skips a truncated last line with a warning, and an empty log is not an error', async () => {
    const empty = await run(['history']);
    assert.deepEqual(empty, { code: 0, stdout: `no actions recorded yet in ${path.join(dataDir, 'actions.ndjson')}\n`, stderr: '' });
    await run(['apply', '--action', 'lower-fps', '--yes']);
    appendFileSync(path.join(dataDir, 'actions.ndjson'), '{"v":1,"type":"app');
    const { code, stdout, stderr } = await run(['history']);
    assert.equal(code, 0);
    assert.equal(stdout.split('\n').length, 2);
    assert.equal(stderr, `zoomtop history: warning: ${path.join(dataDir, 'actions.ndjson')}: the last line is truncated (an append was cut short); skipped it\n`);
  });

  it('apply needs --action, and an unknown action is an error', async () => {
    const missing = await run(['apply', '--yes']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^zoomtop apply: --action ID is required; one of lower-resolution, lower-fps, reclaim-memory, disable-camera, raise-resolution, raise-fps, enable-camera/);
    const unknown = await run(['apply', '--action', 'turbo', '--yes']);
    assert.deepEqual([unknown.code, unknown.stderr], [1, 'zoomtop apply: unknown action "turbo"; use one of lower-resolution, lower-fps, reclaim-memory, disable-camera, raise-resolution, raise-fps, enable-camera\n']);
  });
});

describe('zoomtop.yaml', () => {
  const writeConfig = (text: string, file = path.join(root, '.config', 'zoomtop', 'zoomtop.yaml')): string => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it('plan takes the ladder from --config, and from the default file without it', async () => {
    const file = writeConfig('actions:\n  ladder: [1920x1080, 960x540]\n', path.join(root, 'mine.yaml'));
    const given = await run(['plan', '--config', file]);
    assert.equal(given.stderr, '');
    assert.equal(given.code, 0);
    assert.match(given.stdout, /^# lower-resolution: front_door 1920x1080 -> 960x540\n/);
    assert.ok(given.stdout.includes('\n+    resolution: "960x540"'), given.stdout);
    writeConfig('actions:\n  ladder: [1920x1080, 960x540]\n');
    const found = await run(['plan']);
    assert.deepEqual(found, given);
  });

  it('plan and apply take the fps step: lower-fps 30 -> 20', async () => {
    writeConfig('actions:\n  fps_step: 10\n');
    const plan = await run(['plan', '--action', 'lower-fps']);
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /^# lower-fps: streaming\.target_fps 30 -> 20\n/);
    const applied = await run(['apply', '--action', 'lower-fps', '--yes']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(readFileSync(demoCopy, 'utf8'), /^ {2}target_fps: 20 {14}# frames/m);
  });

  it('app_config in the file is edited unless --app-config names another', async () => {
    const appFile = path.join(root, 'app.yaml');
    copyFileSync(EXAMPLE, appFile);
    writeConfig(`app_config: ${appFile}\n`);
    const fromFile = await run(['plan', '--action', 'lower-fps']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.ok(fromFile.stdout.includes(`\n--- ${appFile}\n`), fromFile.stdout);
    const given = await run(['plan', '--action', 'lower-fps', '--app-config', demoCopy]);
    assert.ok(given.stdout.includes(`\n--- ${demoCopy}\n`), given.stdout);
  });

  it('a broken file: every problem as "zoomtop: <line>", exit 2, and nothing read or written', async () => {
    const file = writeConfig('actions:\n  fps_step: ten\n  ladder: [1920by1080]\n');
    const before = readFileSync(demoCopy);
    for (const argv of [['plan'], ['apply', '--action', 'lower-fps', '--yes'], ['undo'], ['history']]) {
      const result = await run(argv);
      assert.deepEqual(result, {
        code: 2,
        stdout: '',
        stderr:
          `zoomtop: ${file}:2:13: actions.fps_step "ten" is not a positive number; write it like "fps_step: 5"\n` +
          `zoomtop: ${file}:3:12: actions.ladder[0] "1920by1080" is not a resolution WIDTHxHEIGHT; write it like "- 1280x720"\n`,
      }, argv.join(' '));
    }
    assert.deepEqual(readFileSync(demoCopy), before);
    assert.equal(existsSync(path.join(dataDir, 'actions.ndjson')), false);
  });

  it('--config naming a missing file is one line and exit 2, as for the dashboard', async () => {
    const missing = path.join(root, 'nope.yaml');
    for (const argv of [['plan'], ['apply', '--action', 'lower-fps', '--yes'], ['undo'], ['history']]) {
      const result = await run([...argv, '--config', missing]);
      assert.deepEqual(result, {
        code: 2,
        stdout: '',
        stderr: `zoomtop: ${missing}: no such file (from --config); check the path, or write one with "zoomtop init --config ${missing}"\n`,
      });
    }
  });
});
