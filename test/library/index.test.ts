import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const INDEX = fileURLToPath(new URL('../../src/index.js', import.meta.url));

test('defect 13: importing the package samples nothing, starts no timer and leaves no handle open', () => {
  // A child process that imports the package must exit by itself at once, with nothing created.
  const script = `
    const lib = await import(${JSON.stringify(INDEX)});
    // File requests of the module loader itself (CloseReq, FSReqCallback) settle on their own; timers and sockets would not.
    const handles = process.getActiveResourcesInfo().filter((r) => !['TTYWrap', 'CloseReq', 'FSReqCallback', 'FSReqPromise'].includes(r));
    console.log(JSON.stringify({ exports: Object.keys(lib).sort(), handles }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 }));
  assert.deepEqual(out.handles, []);
  assert.ok(out.exports.includes('record') && out.exports.includes('timed') && out.exports.includes('StatsdReporter'));
});

test('record() through the package root reaches the default registry statistics', async () => {
  const lib = await import(INDEX);
  for (let i = 1; i <= 4; i++) lib.record('camera_manager', 'capture_frame', i * 10);
  const stats = lib.defaultRegistry().stats(Date.now());
  const row = stats.find((s: { component: string; operation: string }) => s.component === 'camera_manager' && s.operation === 'capture_frame');
  assert.equal(row.count, 4);
  assert.equal(row.maxMs, 40);
  assert.equal(row.minMs, 10);
});
