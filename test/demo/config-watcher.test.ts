import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Stats } from 'node:fs';
import { watchDemoConfig } from '../../src/demo/config-watcher.js';
import { DemoConfigError, type DemoConfig } from '../../src/demo/demo-config.js';

const CONFIG: DemoConfig = { cameras: [{ id: 'a', width: 640, height: 480, enabled: true, fps: null }], targetFps: 30 };
const stats = (mtimeMs: number, nlink = 1) => ({ mtimeMs, nlink }) as Stats;

test('a changed file is read and applied; a bad one keeps the previous config with one line', () => {
  let listener: ((curr: Stats, prev: Stats) => void) | null = null;
  let watchedWith: unknown = null;
  let unwatched = false;
  let next: DemoConfig | Error = CONFIG;
  const applied: DemoConfig[] = [];
  const errors: string[] = [];
  const stop = watchDemoConfig({
    file: '/data/zoomcam.yaml',
    onConfig: (config) => applied.push(config),
    onError: (line) => errors.push(line),
    read: () => {
      if (next instanceof Error) throw next;
      return next;
    },
    watch: (_file, options, fn) => {
      watchedWith = options;
      listener = fn;
    },
    unwatch: (_file, fn) => {
      unwatched = fn === listener;
    },
  });
  assert.deepEqual(watchedWith, { interval: 500, persistent: false });
  const fire = listener as unknown as (curr: Stats, prev: Stats) => void;
  fire(stats(2), stats(1));
  assert.deepEqual(applied, [CONFIG]);
  next = new DemoConfigError('/data/zoomcam.yaml: cameras.a.fps: 0 is not a frame rate; use a number above 0 and at most 120, e.g. 15');
  fire(stats(3), stats(2));
  fire(stats(0, 0), stats(3));
  assert.deepEqual(applied, [CONFIG]);
  assert.deepEqual(errors, [
    'zoomtop demo: /data/zoomcam.yaml: cameras.a.fps: 0 is not a frame rate; use a number above 0 and at most 120, e.g. 15; keeping the previous config',
    'zoomtop demo: /data/zoomcam.yaml: the config file is gone; keeping the previous config until it is back',
  ]);
  stop();
  assert.equal(unwatched, true);
});
