// Quoting decisions: a value must read back as the same string under YAML 1.1 (PyYAML) and 1.2.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { doubleQuote, formatScalar, isPlainSafe } from '../../src/actions/yaml-scalar.js';

describe('isPlainSafe', () => {
  it('lets ordinary words and WxH stay plain', () => {
    for (const value of ['1280x720', '640x480', 'auto', 'front_door', 'Front door', 'a-b.c/d']) {
      assert.equal(isPlainSafe(value), true, value);
    }
  });

  it('quotes anything a YAML 1.1 or 1.2 reader would read as something else', () => {
    const risky = ['yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '', '08', '010', '1:30', '30', '-1', '1.5',
      '1e3', '0x1F', '0x10', '.inf', '.NaN', '2001-12-14', 'a: b', 'a #b', ' lead', 'trail ', '=', '<<', '*x', '&x', '!x', '@x', '`x',
      '%x', '"x', "'x", 'a,b', '[x]', '{x}', '-x', '?x', '|x', '>x', 'a\nb', '1_000'];
    for (const value of risky) assert.equal(isPlainSafe(value), false, JSON.stringify(value));
  });
});

describe('doubleQuote', () => {
  it('escapes quotes, backslashes, controls and YAML 1.1 line breaks', () => {
    assert.equal(doubleQuote('a"b\\c\n\t\x01\u2028\x85'), '"a\\"b\\\\c\\n\\t\\u0001\\L\\N"');
  });

  it('round-trips through both YAML versions', () => {
    for (const value of ['yes', '08', 'a"b\\c', 'line\nbreak', '\u2028\x85\x1b\ufeff', 'é ü 日本']) {
      const source = doubleQuote(value);
      assert.equal(parse(source, { version: '1.1' }), value, source);
      assert.equal(parse(source, { version: '1.2' }), value, source);
    }
  });
});

describe('formatScalar', () => {
  it('keeps plain when safe and double-quotes when not', () => {
    assert.deepEqual(formatScalar('1280x720', 'PLAIN'), { ok: true, source: '1280x720' });
    assert.deepEqual(formatScalar('yes', 'PLAIN'), { ok: true, source: '"yes"' });
    assert.deepEqual(formatScalar('08', 'PLAIN'), { ok: true, source: '"08"' });
  });

  it('keeps single quotes, doubling embedded quotes, unless a control character needs escaping', () => {
    assert.deepEqual(formatScalar('yes', 'QUOTE_SINGLE'), { ok: true, source: "'yes'" });
    assert.deepEqual(formatScalar("it's", 'QUOTE_SINGLE'), { ok: true, source: "'it''s'" });
    assert.deepEqual(formatScalar('a\nb', 'QUOTE_SINGLE'), { ok: true, source: '"a\\nb"' });
  });

  it('keeps double quotes even for plain-safe text', () => {
    assert.deepEqual(formatScalar('640x480', 'QUOTE_DOUBLE'), { ok: true, source: '"640x480"' });
  });

  it('writes booleans and plain decimals bare and refuses exponent numbers', () => {
    assert.deepEqual(formatScalar(false, 'QUOTE_DOUBLE'), { ok: true, source: 'false' });
    assert.deepEqual(formatScalar(25, 'PLAIN'), { ok: true, source: '25' });
    assert.deepEqual(formatScalar(-2.5, 'PLAIN'), { ok: true, source: '-2.5' });
    assert.deepEqual(formatScalar(1e-7, 'PLAIN'), { ok: false, error: 'cannot write the number 1e-7 so every YAML reader agrees; use a plain decimal' });
    assert.equal(formatScalar(Number.NaN, 'PLAIN').ok, false);
  });
});
