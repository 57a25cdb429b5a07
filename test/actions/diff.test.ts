// Preview diffs: unified format, only changed lines plus context.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../src/actions/diff.js';

describe('unifiedDiff', () => {
  it('shows one changed value with one line of context', () => {
    const before = '# cams\ncameras:\n  door:\n    resolution: 1920x1080  # hd\n    enabled: true\nstreaming: {}\n';
    const after = before.replace('1920x1080', '1280x720');
    assert.equal(unifiedDiff('zoomcam.yaml', before, after), [
      '--- zoomcam.yaml',
      '+++ zoomcam.yaml',
      '@@ -3,3 +3,3 @@',
      '   door:',
      '-    resolution: 1920x1080  # hd',
      '+    resolution: 1280x720  # hd',
      '     enabled: true',
      '',
    ].join('\n'));
  });

  it('splits distant changes into hunks and merges near ones', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    assert.equal(unifiedDiff('f', before, 'a\nB\nc\nd\ne\nF\ng\nh\n'), '--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -5,3 +5,4 @@\n e\n-f\n+F\n g\n+h\n');
    assert.equal(unifiedDiff('f', before, 'a\nB\nc\nD\ne\nf\ng\n'), '--- f\n+++ f\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n-d\n+D\n e\n');
  });

  it('writes GNU ranges for zero context and pure inserts', () => {
    assert.equal(unifiedDiff('f', 'a\nb\nc\n', 'a\nX\nc\n', 0), '--- f\n+++ f\n@@ -2 +2 @@\n-b\n+X\n');
    assert.equal(unifiedDiff('f', 'a\nb\n', 'a\nc\nb\n', 0), '--- f\n+++ f\n@@ -1,0 +2 @@\n+c\n');
  });

  it('returns nothing for equal texts', () => {
    assert.equal(unifiedDiff('f', 'a\n', 'a\n'), '');
  });

  it('drops CR and BOM from shown lines and masks control characters', () => {
    const before = '\ufeffa: 1\r\nb: 2\r\n';
    assert.equal(unifiedDiff('f', before, '\ufeffa: 1\r\nb: \x1b[2J\r\n', 0), '--- f\n+++ f\n@@ -2 +2 @@\n-b: 2\n+b: \ufffd[2J\n');
    assert.equal(unifiedDiff('f', before, '\ufeffa: 9\r\nb: 2\r\n', 0), '--- f\n+++ f\n@@ -1 +1 @@\n-a: 1\n+a: 9\n');
  });

  it('replaces everything when texts share nothing', () => {
    assert.equal(unifiedDiff('f', 'a\nb\n', 'x\n', 3), '--- f\n+++ f\n@@ -1,2 +1 @@\n-a\n-b\n+x\n');
  });
});

describe('unifiedDiff on generated edits', () => {
  it('always describes both texts exactly (whole-file context)', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: random(12) }, () => 'abcd'[random(4)] as string);
      const after = before.flatMap((line) => [[], [line], [line, 'x'], ['y']][random(4)] as string[]);
      const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
      const diff = unifiedDiff('f', text(before), text(after), 1000);
      if (text(before) === text(after)) {
        assert.equal(diff, '');
        continue;
      }
      const body = diff.split('\n').slice(3, -1);
      assert.deepEqual(body.filter((l) => !l.startsWith('+')).map((l) => l.slice(1)), before, diff);
      assert.deepEqual(body.filter((l) => !l.startsWith('-')).map((l) => l.slice(1)), after, diff);
    }
  });
});
