// zoomtop init: writes the commented defaults where zoomtop looks, refuses to overwrite without --force, and its file loads back.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runSubcommand } from '../../src/commands/subcommands.js';
import type { CommandIo } from '../../src/commands/command-io.js';
import { DEFAULT_ZOOMTOP_CONFIG } from '../../src/config/zoomtop-config-defaults.js';
import { loadZoomtopConfig } from '../../src/config/zoomtop-config.js';
import { PUBLISHED_SCHEMA_FILE } from '../../src/config/zoomtop-config-schema.js';
import { renderZoomtopYaml } from '../../src/config/zoomtop-config-template.js';
import { FakeClock } from '../helpers/fake-clock.js';

let root: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'zoomtop-init-'));
  env = { XDG_CONFIG_HOME: path.join(root, 'xdg'), HOME: path.join(root, 'home') };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Partial<CommandIo> = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    dataDir: path.join(root, 'data'),
    clock: new FakeClock(0),
    interactive: false,
    ask: async () => assert.fail('must not ask'),
  };
  const code = await runSubcommand(['init', ...args], io);
  return { code, stdout, stderr };
}

describe('zoomtop init', () => {
  it('writes the XDG config file, creating its folder, and zoomtop then loads every default from it', async () => {
    const file = path.join(root, 'xdg', 'zoomtop', 'zoomtop.yaml');
    assert.deepEqual(await run([]), { code: 0, stdout: `wrote ${file}: every setting at its default, with comments; edit it, then start zoomtop\n`, stderr: '' });
    const text = readFileSync(file, 'utf8');
    assert.equal(text, renderZoomtopYaml({ schemaRef: pathToFileURL(PUBLISHED_SCHEMA_FILE).href }));
    assert.ok(text.startsWith(`# yaml-language-server: $schema=file:///`), text.slice(0, 80));
    assert.deepEqual(await loadZoomtopConfig({ env }), { ok: true, config: DEFAULT_ZOOMTOP_CONFIG, file });
  });

  it('writes --config FILE, and says to start zoomtop with it', async () => {
    const file = path.join(root, 'here', 'z.yaml');
    const { code, stdout } = await run(['--config', file]);
    assert.deepEqual([code, stdout], [0, `wrote ${file}: every setting at its default, with comments; edit it, then start zoomtop --config ${file}\n`]);
    assert.deepEqual(await loadZoomtopConfig({ file, env }), { ok: true, config: DEFAULT_ZOOMTOP_CONFIG, file });
  });

  it('refuses to overwrite an existing file (exit 1, file untouched); --force replaces it and leaves no temporary file', async () => {
    const file = path.join(root, 'z.yaml');
    writeFileSync(file, 'interval: 2s\n');
    assert.deepEqual(await run(['--config', file]), { code: 1, stdout: '', stderr: `zoomtop init: ${file} already exists; edit it, or pass --force to replace it with the defaults\n` });
    assert.equal(readFileSync(file, 'utf8'), 'interval: 2s\n');
    assert.equal((await run(['--config', file, '--force'])).code, 0);
    assert.ok(readFileSync(file, 'utf8').includes('\ninterval: 1s\n'));
    assert.deepEqual(readdirSync(root), ['z.yaml']);
  });

  it('exits 1 with one line for a bad option, an empty path, a folder it cannot make, or a path it cannot write', async () => {
    assert.deepEqual(await run(['--bogus']), { code: 1, stdout: '', stderr: "zoomtop init: Unknown option '--bogus'; see zoomtop init --help\n" });
    assert.deepEqual(await run(['--config', '']), { code: 1, stdout: '', stderr: 'zoomtop init: --config is empty; give the path to write, e.g. --config ./zoomtop.yaml\n' });
    const blocker = path.join(root, 'file');
    writeFileSync(blocker, '');
    const result = await run(['--config', path.join(blocker, 'z.yaml')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^zoomtop init: .*\/file: cannot create the folder \(E[A-Z]+: .*\); check the path and permissions\n$/);
    const folder = await run(['--config', root, '--force']);
    assert.equal(folder.code, 1);
    assert.match(folder.stderr, /^zoomtop init: .*: cannot write \(E[A-Z]+: .*\); check the path and permissions\n$/);
    assert.equal(existsSync(path.join(root, 'xdg')), false);
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: zoomtop init \[--config FILE\] \[--force\]\n/);
  });
});
