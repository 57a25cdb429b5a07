import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileLogger } from '../../src/app/log-file.js';

const scratch = () => join(mkdtempSync(join(tmpdir(), 'zoomtop-log-')), 'sub', 'zoomtop.log');

test('JSON lines in pino\'s shape (level number, time, pid, msg); newlines stay inside the message', () => {
  const file = scratch();
  const log = createFileLogger(file, { now: () => 1_700_000_000_000, pid: 42 });
  log.info('started');
  log.warn('two\nlines');
  assert.deepEqual(readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l)), [
    { level: 30, time: 1_700_000_000_000, pid: 42, msg: 'started' },
    { level: 40, time: 1_700_000_000_000, pid: 42, msg: 'two\nlines' },
  ]);
});

test('--log-level drops the levels below it', () => {
  const file = scratch();
  const log = createFileLogger(file, { level: 'warn' });
  log.debug('d');
  log.info('i');
  log.warn('w');
  log.error('e');
  assert.deepEqual(readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).msg), ['w', 'e']);
  const debug = scratch();
  createFileLogger(debug, { level: 'debug' }).debug('d');
  assert.equal(JSON.parse(readFileSync(debug, 'utf8')).level, 20);
});

test('a log past maxBytes is moved to .1 at open; a failing write never throws', () => {
  const file = scratch();
  createFileLogger(file).info('make the folder');
  writeFileSync(file, 'x'.repeat(200));
  createFileLogger(file, { maxBytes: 100 }).info('fresh');
  assert.equal(readFileSync(`${file}.1`, 'utf8'), 'x'.repeat(200));
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).msg, 'fresh');
  const failing = createFileLogger(scratch(), { append: () => { throw new Error('ENOSPC'); } });
  assert.doesNotThrow(() => failing.error('disk full'));
});
