import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redirectConsole } from '../../src/app/quiet-console.js';
import type { Logger } from '../../src/app/log-file.js';

test('console output and process warnings go to the log while the screen is owned, and come back after', () => {
  const lines: string[] = [];
  const log: Logger = { error: (m) => lines.push(`error ${m}`), warn: (m) => lines.push(`warn ${m}`), info: (m) => lines.push(`info ${m}`), debug: (m) => lines.push(`debug ${m}`) };
  const printed: string[] = [];
  const push = (name: string) => (..._args: unknown[]) => void printed.push(name);
  const fake = { log: push('log'), info: push('info'), warn: push('warn'), error: push('error'), debug: push('debug') };
  const proc = { emitWarning: (() => printed.push('warning')) as NodeJS.Process['emitWarning'] };
  const restore = redirectConsole(log, fake, proc);
  fake.log('a %d', 1);
  fake.error(new Error('boom').message);
  fake.debug('d');
  proc.emitWarning('too many listeners', 'MaxListenersExceededWarning');
  assert.deepEqual(lines, ['info a 1', 'error boom', 'debug d', 'warn MaxListenersExceededWarning: too many listeners']);
  assert.deepEqual(printed, []);
  restore();
  fake.log();
  fake.error();
  proc.emitWarning('w');
  assert.deepEqual(printed, ['log', 'error', 'warning']);
});
