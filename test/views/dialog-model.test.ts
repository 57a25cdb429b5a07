import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HELP, helpMaxOffset, toDialogModel } from '../../src/views/dialog-model.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

test('the help lists every key the reducer handles, each once', () => {
  const keys = HELP.map(([key]) => key).join(', ');
  for (const key of ['q', 'Ctrl-C', '?', 'Tab', 'S-Tab', 'up/down', 'j/k', 'Enter', 's', '/', 'z', 'p', '+ / -', 'e', 'c', 't', 'a', 'y / n', 'Esc']) {
    assert.ok(keys.split(/, | /).includes(key) || keys.includes(key), `help has ${key}`);
  }
  assert.equal(new Set(HELP.map(([key]) => key)).size, HELP.length);
});

test('the README key table lists the same keys as the help overlay', () => {
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('## Keys'), readme.indexOf('###', readme.indexOf('## Keys')));
  for (const [key] of HELP) {
    for (const part of key.split(/, | \/ /)) assert.ok(section.includes(`\`${part}\``) || section.includes(part), `README lists ${part}`);
  }
});

test('help fits from 24 rows; shorter terminals scroll it, saying which keys are shown', () => {
  assert.equal(helpMaxOffset(24), 0);
  assert.equal(toDialogModel({ kind: 'help', offset: 0 }, 24)!.lines.length, HELP.length);
  assert.equal(helpMaxOffset(18), 7);
  const top = toDialogModel({ kind: 'help', offset: 0 }, 18)!;
  assert.equal(top.lines.length, 14);
  assert.equal(text(top.lines.at(-1)!), 'j/k scroll: keys 1-13 of 20');
  const bottom = toDialogModel({ kind: 'help', offset: 99 }, 18)!;
  assert.equal(text(bottom.lines.at(-1)!), 'j/k scroll: keys 8-20 of 20', 'the last key can be reached');
  assert.equal(text(bottom.lines[0]!), `${HELP[7]![0].padEnd(14)}${HELP[7]![1]}`);
});
