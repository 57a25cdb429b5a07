// ${VAR} and ${VAR:default} substitution: the text rules, and where a problem is reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineCounter, parseDocument } from 'yaml';
import { substitute, substituteEnv } from '../../src/config/zoomtop-config-env.js';

describe('substitute', () => {
  const env = { HOME: '/home/pi', EMPTY: '' };

  it('replaces set variables, and takes the default when one is unset or empty', () => {
    assert.deepEqual(substitute('${HOME}/zc.yaml', env), { ok: true, text: '/home/pi/zc.yaml' });
    assert.deepEqual(substitute('${NOPE:1s} ${EMPTY:x} ${HOME:y} ${EMPTY}', env), { ok: true, text: '1s x /home/pi ' });
    assert.deepEqual(substitute('${NOPE:}|${NOPE:a:b}', env), { ok: true, text: '|a:b' });
  });

  it('keeps $${ as a literal ${, and a lone $ as it is', () => {
    assert.deepEqual(substitute('$${HOME} costs $5', env), { ok: true, text: '${HOME} costs $5' });
  });

  it('names the missing variable, a bad name, or an unclosed reference', () => {
    assert.deepEqual(substitute('a ${NOPE} b', env), { ok: false, error: 'environment variable NOPE is not set; set it, or give a default like ${NOPE:value}' });
    assert.deepEqual(substitute('${1X}', env), { ok: false, error: '"${1X}" does not name an environment variable; use letters, digits and _, like ${ZOOMCAM_CONFIG}' });
    assert.deepEqual(substitute('${HOME', env), { ok: false, error: 'has a "${" without its "}"; close it like ${NAME}, or write $${ for a literal ${' });
  });
});

describe('substituteEnv', () => {
  it('leaves keys alone, rereads plain values as YAML, keeps quoted ones text, and reports each bad value at its place', () => {
    const text = '${K}: 1\nn: ${N}\nq: "${N}"\nnull_value: ${EMPTY}\nlist:\n  - ${MISSING}\n';
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const problems = substituteEnv(doc, { K: 'key', N: '7', EMPTY: '' });
    assert.deepEqual(doc.toJS(), { '${K}': 1, n: 7, q: '7', null_value: null, list: ['${MISSING}'] });
    assert.deepEqual(
      problems.map((p) => [lineCounter.linePos(p.offset), p.message]),
      [[{ line: 6, col: 5 }, 'list[0] "${MISSING}": environment variable MISSING is not set; set it, or give a default like ${MISSING:value}']],
    );
  });
});
