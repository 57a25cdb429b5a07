// Byte-exact YAML edits over the fixture corpus, plus refusals with their messages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyPatches } from '../../src/actions/yaml-edit.js';
import type { ConfigPatch } from '../../src/actions/types.js';

// Compiled tests run from dist/test/actions; fixtures stay in the source tree.
const FIXTURES = new URL('../../../test/fixtures/yaml/', import.meta.url);

type Case = { name: string; note?: string; patches: ConfigPatch[]; error?: string };

const cases = JSON.parse(readFileSync(new URL('cases.json', FIXTURES), 'utf8')) as Case[];
const read = (file: string): string => readFileSync(new URL(file, FIXTURES)).toString('latin1');
const readUtf8 = (file: string): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(new URL(file, FIXTURES)));

describe('applyPatches fixture corpus', () => {
  it('has the cases the brief asks for', () => {
    const names = new Set(cases.map((c) => c.name));
    for (const name of ['commented-lf', 'crlf', 'bom', 'long-lines', 'single-quoted', 'numeric-id', 'flow-mapping', 'needs-quotes-yes', 'needs-quotes-octal', 'refuse-duplicate-keys', 'refuse-alias-shared', 'refuse-unparsable']) {
      assert.ok(names.has(name), `missing fixture case ${name}`);
    }
  });

  for (const c of cases.filter((k) => k.error === undefined)) {
    it(`${c.name}: writes exactly the expected bytes`, () => {
      const before = readUtf8(`${c.name}.before.yaml`);
      const result = applyPatches(before, c.patches, { file: `${c.name}.yaml` });
      assert.ok(result.ok, result.ok ? '' : result.error);
      const expected = readFileSync(new URL(`${c.name}.after.yaml`, FIXTURES));
      assert.deepEqual(Buffer.from(result.text, 'utf8'), expected);
    });

    it(`${c.name}: only the edited lines differ`, () => {
      const beforeLines = read(`${c.name}.before.yaml`).split('\n');
      const afterLines = read(`${c.name}.after.yaml`).split('\n');
      assert.equal(afterLines.length, beforeLines.length);
      const changed = beforeLines.flatMap((line, i) => (line === afterLines[i] ? [] : [i]));
      assert.equal(changed.length, c.patches.length);
    });
  }

  for (const c of cases.filter((k) => k.error !== undefined)) {
    it(`${c.name}: refuses with "${c.error}"`, () => {
      const result = applyPatches(readUtf8(`${c.name}.before.yaml`), c.patches, { file: `${c.name}.yaml` });
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.ok(result.error.includes(c.error as string), result.error);
      assert.ok(result.error.startsWith(`${c.name}.yaml:`), result.error);
      assert.ok(!result.error.includes('\n'), 'one line');
    });
  }
});

describe('applyPatches messages and details', () => {
  const patch = (path: (string | number)[], from: ConfigPatch['from'], to: ConfigPatch['to']): ConfigPatch[] => [{ path, from, to, reason: 'test' }];

  it('names file, line and column of the value that changed since planning', () => {
    const result = applyPatches('cameras:\n  door:\n    resolution: 1280x720\n', patch(['cameras', 'door', 'resolution'], '1920x1080', '640x480'), { file: 'zoomcam.yaml' });
    assert.deepEqual(result, { ok: false, error: 'zoomcam.yaml:3:17: cameras.door.resolution is "1280x720" now, not "1920x1080" as planned; the file changed, re-plan' });
  });

  it('defaults the file name to "config"', () => {
    const result = applyPatches('a: 1\n', patch(['b'], 1, 2));
    assert.deepEqual(result, { ok: false, error: 'config:1:1: b does not exist in the file; re-plan' });
  });

  it('refuses a key with no value instead of editing the key', () => {
    const result = applyPatches('cameras:\n  door:\n    resolution:\n', patch(['cameras', 'door', 'resolution'], '1920x1080', '640x480'));
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.error.includes('re-plan'), JSON.stringify(result));
  });

  it('refuses a mapping at the end of the path', () => {
    const result = applyPatches('cameras:\n  door:\n    resolution: 1x1\n', patch(['cameras', 'door'], 'x', 'y'));
    assert.deepEqual(result, { ok: false, error: 'config:3:5: cameras.door is a mapping, not a single value; re-plan' });
  });

  it('refuses an explicit non-string tag', () => {
    const result = applyPatches('fps: !!int 30\n', patch(['fps'], 30, 25));
    assert.deepEqual(result, { ok: false, error: 'config:1:12: fps has an explicit tag (tag:yaml.org,2002:int); remove the tag or edit it by hand' });
  });

  it('keeps a !!str tag and quotes what needs it', () => {
    assert.deepEqual(applyPatches('a: !!str 1x1\n', patch(['a'], '1x1', 'on')), { ok: true, text: 'a: !!str "on"\n' });
  });

  it('compares from with YAML 1.1 meaning, as PyYAML reads it', () => {
    assert.deepEqual(applyPatches('cam:\n  enabled: yes # on\n', patch(['cam', 'enabled'], true, false)), { ok: true, text: 'cam:\n  enabled: false # on\n' });
  });

  it('refuses an empty path and an empty document', () => {
    assert.deepEqual(applyPatches('a: 1\n', patch([], 1, 2)), { ok: false, error: 'config:1:1: patch has an empty path; name the key to change' });
    assert.deepEqual(applyPatches('', patch(['a'], 1, 2)), { ok: false, error: 'config:1:1: the document is not a mapping, so a does not exist; re-plan' });
  });

  it('refuses a number no YAML reader would agree on', () => {
    const result = applyPatches('fps: 30\n', patch(['fps'], 30, 1e21));
    assert.deepEqual(result, { ok: false, error: 'config:1:6: fps: cannot write the number 1e+21 so every YAML reader agrees; use a plain decimal' });
  });

  it('applies no patch when it gets none', () => {
    assert.deepEqual(applyPatches('a: 1 # x\n', []), { ok: true, text: 'a: 1 # x\n' });
  });
});
