// zoomtop.yaml end to end: every problem of a bad file at once, exact lines; merging over the defaults; the search order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ZOOMTOP_CONFIG } from '../../src/config/zoomtop-config-defaults.js';
import { loadZoomtopConfig, parseZoomtopConfig } from '../../src/config/zoomtop-config.js';
import type { ZoomtopConfigFs } from '../../src/config/zoomtop-config.js';

const F = '/etc/zt/zoomtop.yaml';

function errorsOf(text: string, env: Record<string, string> = {}): string[] {
  const result = parseZoomtopConfig(F, text, env);
  assert.equal(result.ok, false, 'expected errors');
  return result.ok ? [] : result.errors;
}

function configOf(text: string, env: Record<string, string> = {}) {
  const result = parseZoomtopConfig(F, text, env);
  if (!result.ok) assert.fail(result.errors.join('\n'));
  return result.config;
}

describe('zoomtop.yaml errors, all at once', () => {
  it('reports unknown keys with a guess, bad values with the fix, and duplicate keys, in file order', () => {
    const text = [
      'intervall: 2s', //                    1
      'log_level: verbose', //               2
      'statsd: true', //                     3
      'theme: "bad theme"', //               4
      'actions:', //                         5
      '  ladder: [1920x1080, 0x480, big]', // 6
      '  fps_floor: 40', //                  7
      '  auto:', //                          8
      '    cooldown: 5', //                  9
      '    max_per_hour: 0', //              10
      'log_level: info', //                  11
      '',
    ].join('\n');
    assert.deepEqual(errorsOf(text), [
      `${F}:1:1: intervall: unknown key; did you mean "interval"?`,
      `${F}:3:9: statsd true is not HOST:PORT or false; write it like "statsd: 127.0.0.1:8125"`,
      `${F}:4:8: theme "bad theme" is not a theme name; write it like "theme: default"`,
      `${F}:6:23: actions.ladder[1] 0x480 (which YAML reads as the number 1152; quote it for text) is not a resolution WIDTHxHEIGHT; write it like "- 1280x720"`,
      `${F}:6:30: actions.ladder[2] "big" is not a resolution WIDTHxHEIGHT; write it like "- 1280x720"`,
      `${F}:7:14: actions.fps_floor 40 is above fps_ceiling 30; make the floor at most the ceiling, e.g. "fps_floor: 30"`,
      `${F}:9:15: actions.auto.cooldown 5 is not a duration like 1s, 500ms, 5m or 1h; write it like "cooldown: 5m"`,
      `${F}:10:19: actions.auto.max_per_hour 0 is not a whole number of at least 1; write it like "max_per_hour: 6"`,
      `${F}:11:1: log_level: key appears twice in the same mapping; keep one of them`,
    ]);
  });

  it('checks rules: new ids need their fields (with a guess at a misspelt default id), metrics and actions must exist, hysteresis holds', () => {
    const text = [
      'alerts:', //                                   1
      '  - id: cpu-high', //                          2
      '    above: 70', //                             3
      '  - id: cpu-hihg', //                          4
      '  - id: gpu-hot', //                           5
      '    metric: gpuPercent', //                    6
      '    level: warning', //                        7
      '    above: 90', //                             8
      '    clearBelow: 80', //                        9
      '  - {id: memory-high, clear_below: 90}', //   10
      '  - {id: cpu-high, enabled: false}', //        11
      'suggestions:', //                              12
      '  - id: cpu-saturated', //                     13
      '    action_ids: [lower-fsp, lower-fps, lower-fps]', // 14
      '    priority: 0', //                           15
      '',
    ].join('\n');
    assert.deepEqual(errorsOf(text), [
      `${F}:3:12: alerts[0].above 70 is below the default clear_below 80; add "clear_below: 65" (at most above)`,
      `${F}:4:5: alerts[1] has no metric, level or above; id "cpu-hihg" is not a default rule's (did you mean "cpu-high"?), and a new rule needs metric, level, above: add "metric: cpuPercent", "level: warning", "above: 85"`,
      `${F}:6:13: alerts[2].metric "gpuPercent" is not a metric; did you mean "cpuPercent"? (one of cpuPercent, memoryPercent, diskWriteBytesPerSec, appFps, socTemperatureC, underVoltageNow, throttledNow, softTemperatureLimitNow, armFrequencyCappedNow)`,
      `${F}:9:5: alerts[2].clearBelow: unknown key; did you mean "clear_below"?`,
      `${F}:10:36: alerts[3].clear_below 90 is above the raise level 85; make it at most that, e.g. "clear_below: 80"`,
      `${F}:11:10: alerts[4].id "cpu-high" is also the id of alerts[0]; merge the two entries or rename one`,
      `${F}:14:18: suggestions[0].action_ids[0] "lower-fsp" is not an action id; did you mean "lower-fps"? (one of lower-resolution, lower-fps, reclaim-memory, disable-camera, raise-resolution, raise-fps, enable-camera)`,
      `${F}:14:40: suggestions[0].action_ids[2] "lower-fps" is listed twice in suggestions[0].action_ids; keep one`,
      `${F}:15:15: suggestions[0].priority 0 is not a priority (1 is the most urgent); write it like "priority: 1"`,
    ]);
  });

  it('reports ranges the schema cannot: interval, settle period, ladder sides, StatsD port', () => {
    const text = 'interval: 10ms\nstatsd: "x:99999"\nactions:\n  settle_period: 2h\n  ladder: ["0x480"]\n';
    assert.deepEqual(errorsOf(text), [
      `${F}:1:11: interval "10ms" is not between 100ms and 1h; write it like "interval: 1s"`,
      `${F}:2:9: statsd "x:99999" has a port over 65535; write it like "statsd: 127.0.0.1:8125"`,
      `${F}:4:18: actions.settle_period "2h" is not between 1000ms and 1h; write it like "settle_period: 15s"`,
      `${F}:5:12: actions.ladder[0] "0x480" has a side of 0 or over 16384 pixels; write it like "- 1280x720"`,
    ]);
  });

  it('says what is wrong with the shape of the file and its sections', () => {
    assert.deepEqual(errorsOf('- interval: 1s\n'), [`${F}:1:1: the file holds a list, not a mapping of settings; write settings one per line, like "interval: 1s"`]);
    assert.deepEqual(errorsOf('alerts: {id: cpu-high}\nactions:\n  ladder: []\n'), [
      `${F}:1:9: alerts {"id":"cpu-high"} is not a list of alert rules; write it like "alerts: [ { id: cpu-high, above: 90 } ]"`,
      `${F}:3:11: actions.ladder is empty; list at least one, like "ladder: [ 1920x1080, 1280x720, 640x480 ]"`,
    ]);
    assert.deepEqual(errorsOf('actions: 5\n'), [`${F}:1:10: actions 5 is not the optimizer settings; write it like "actions: { fps_step: 5 }"`]);
  });

  it('stops at YAML syntax errors, which leave nothing sure to check', () => {
    assert.deepEqual(errorsOf('interval: [1s\nbogus: 1\n'), [
      `${F}:2:1: cannot read YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML syntax there`,
    ]);
    // A bracket never closed is found at the very end: that is the last line, not the one after it.
    assert.deepEqual(errorsOf('interval: 1s\nstatsd: [\n'), [
      `${F}:2:10 (end of file): cannot read YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML syntax there`,
    ]);
  });

  it('reports a missing variable once, not again as a bad value', () => {
    assert.deepEqual(errorsOf('interval: ${INTERVAL}\nactions:\n  fps_step: ${STEP}\n'), [
      `${F}:1:11: interval "\${INTERVAL}": environment variable INTERVAL is not set; set it, or give a default like \${INTERVAL:value}`,
      `${F}:3:13: actions.fps_step "\${STEP}": environment variable STEP is not set; set it, or give a default like \${STEP:value}`,
    ]);
  });
});

describe('zoomtop.yaml values', () => {
  it('is every default for an empty or comment-only file, or sections left empty', () => {
    assert.deepEqual(configOf(''), DEFAULT_ZOOMTOP_CONFIG);
    assert.deepEqual(configOf('# nothing yet\n'), DEFAULT_ZOOMTOP_CONFIG);
    assert.deepEqual(configOf('alerts:\n#  - {id: cpu-high, above: 90}\nsuggestions:\nactions:\n'), DEFAULT_ZOOMTOP_CONFIG);
    assert.deepEqual(configOf('actions:\n  auto:\n'), DEFAULT_ZOOMTOP_CONFIG);
  });

  it('merges rules by id over the defaults, drops disabled ones and appends new ones with their defaults', () => {
    const config = configOf([
      'alerts:',
      '  - {id: disk-write-high, enabled: false}',
      '  - {id: cpu-high, above: 90, clear_below: 88, min_duration: 10s}',
      '  - {id: fps-low, metric: appFps, level: critical, above: 1000}',
      'suggestions:',
      '  - {id: memory-exhausted, enabled: false}',
      '  - {id: mine, metric: memoryPercent, above: 50, text: hi, action_ids: [reclaim-memory]}',
      '',
    ].join('\n'));
    // The Pi health rules are defaults too; they stay, after the machine's, and the new rule comes last.
    const machineMetric = (r: { metric: string }) => ['cpuPercent', 'memoryPercent', 'diskWriteBytesPerSec', 'appFps'].includes(r.metric);
    const machine = config.alerts.filter(machineMetric);
    assert.deepEqual(machine.map((r) => [r.id, r.above, r.clearBelow, r.minDurationMs]), [
      ['cpu-high', 90, 88, 10_000],
      ['memory-high', 85, 80, 3000],
      ['fps-low', 1000, 1000, 0],
    ]);
    assert.equal(config.alerts.at(-1)?.id, 'fps-low');
    assert.equal(machine[0]?.message, 'machine CPU high: {value}');
    assert.equal(machine[2]?.message, 'app frame rate: {value}');
    const suggestions = config.suggestions.filter(machineMetric);
    assert.deepEqual(suggestions.map((r) => r.id), ['cpu-saturated', 'mine']);
    assert.deepEqual(suggestions[1], {
      id: 'mine', metric: 'memoryPercent', above: 50, forMs: 5000, expireAfterMs: 30_000, text: 'hi',
      impact: 'medium', effort: 'medium', priority: 2, automated: false, actionIds: ['reclaim-memory'],
    });
  });

  it('maps every other key: durations to ms, statsd to an address or null, app_config to an absolute path', () => {
    const config = configOf([
      'interval: 500ms',
      'app_config: ../zoomcam/config.yaml',
      'theme: mono',
      'statsd: "[::1]:9125"',
      'log_level: debug',
      'actions: {ladder: [1280x720, 640x360], fps_step: 2, fps_floor: 10, fps_ceiling: 25, settle_period: 1m,',
      '          auto: {cooldown: 10m, min_duration: 1m, max_per_hour: 2}}',
      '',
    ].join('\n'));
    assert.deepEqual({ ...config, alerts: undefined, suggestions: undefined }, {
      intervalMs: 500,
      alerts: undefined,
      suggestions: undefined,
      actions: { ladder: ['1280x720', '640x360'], fpsStep: 2, fpsFloor: 10, fpsCeiling: 25, settleMs: 60_000, auto: { cooldownMs: 600_000, minDurationMs: 60_000, maxPerHour: 2 } },
      appConfig: '/etc/zoomcam/config.yaml',
      theme: 'mono',
      statsd: { host: '::1', port: 9125 },
      logLevel: 'debug',
    });
    assert.equal(configOf('statsd: false\n').statsd, null);
    assert.equal(configOf('app_config: ~/zc.yaml\n', { HOME: '/home/pi' }).appConfig, '/home/pi/zc.yaml');
  });

  it('hands out copies: changing one config leaves the defaults alone', () => {
    const config = configOf('');
    config.actions.ladder.push('1x1');
    config.alerts[0]!.above = 1;
    assert.deepEqual(DEFAULT_ZOOMTOP_CONFIG.actions.ladder, ['1920x1080', '1280x720', '640x480']);
    assert.equal(DEFAULT_ZOOMTOP_CONFIG.alerts[0]?.above, 85);
  });
});

describe('zoomtop.yaml environment variables', () => {
  it('substitutes values, reading unquoted results as YAML and keeping quoted ones text', () => {
    const config = configOf(
      'interval: ${INTERVAL:2s}\ntheme: "${THEME}"\nstatsd: ${STATSD:false}\napp_config: ${ZC_DIR}/zoomcam.yaml\nactions:\n  fps_step: ${STEP:5}\n',
      { THEME: 'light', ZC_DIR: '/srv/zc', STEP: '3' },
    );
    assert.deepEqual([config.intervalMs, config.theme, config.statsd, config.appConfig, config.actions.fpsStep], [2000, 'light', null, '/srv/zc/zoomcam.yaml', 3]);
  });

  it('reports a quoted number as text, where the schema wants a number', () => {
    assert.deepEqual(errorsOf('actions:\n  fps_step: "${STEP}"\n', { STEP: '3' }), [
      `${F}:2:13: actions.fps_step "3" is not a positive number; write it like "fps_step: 5"`,
    ]);
  });
});

describe('loadZoomtopConfig search order', () => {
  const files = (entries: Record<string, string>): ZoomtopConfigFs & { reads: string[] } => {
    const reads: string[] = [];
    return {
      reads,
      async readFile(file) {
        reads.push(file);
        const text = entries[file];
        if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
        return new TextEncoder().encode(text);
      },
    };
  };
  const env = { XDG_CONFIG_HOME: '/xdg', HOME: '/home/pi' };

  it('reads --config when given, even when the XDG file exists', async () => {
    const fs = files({ '/given/z.yaml': 'interval: 2s\n', '/xdg/zoomtop/zoomtop.yaml': 'interval: 3s\n' });
    const result = await loadZoomtopConfig({ file: '/given/z.yaml', env, fs });
    assert.deepEqual([result.ok, result.ok && result.config.intervalMs, result.ok && result.file, fs.reads], [true, 2000, '/given/z.yaml', ['/given/z.yaml']]);
  });

  it('fails when the --config file does not exist, naming it and the fix', async () => {
    const result = await loadZoomtopConfig({ file: '/given/z.yaml', env, fs: files({ '/xdg/zoomtop/zoomtop.yaml': '' }) });
    assert.deepEqual(result, { ok: false, errors: ['/given/z.yaml: no such file (from --config); check the path, or write one with "zoomtop init --config /given/z.yaml"'] });
  });

  it('reads $XDG_CONFIG_HOME/zoomtop/zoomtop.yaml, else ~/.config/zoomtop/zoomtop.yaml, else runs on the defaults', async () => {
    const xdg = await loadZoomtopConfig({ env, fs: files({ '/xdg/zoomtop/zoomtop.yaml': 'interval: 3s\n' }) });
    assert.deepEqual([xdg.ok && xdg.config.intervalMs, xdg.ok && xdg.file], [3000, '/xdg/zoomtop/zoomtop.yaml']);
    const home = await loadZoomtopConfig({ env: { XDG_CONFIG_HOME: 'relative', HOME: '/home/pi' }, fs: files({ '/home/pi/.config/zoomtop/zoomtop.yaml': 'interval: 4s\n' }) });
    assert.deepEqual([home.ok && home.config.intervalMs, home.ok && home.file], [4000, '/home/pi/.config/zoomtop/zoomtop.yaml']);
    const none = await loadZoomtopConfig({ env, fs: files({}) });
    assert.deepEqual(none, { ok: true, config: DEFAULT_ZOOMTOP_CONFIG, file: null });
  });

  it('refuses unreadable, oversized and non-UTF-8 files with one line each', async () => {
    const denied: ZoomtopConfigFs = { readFile: async () => { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); } };
    assert.deepEqual(await loadZoomtopConfig({ env, fs: denied }), { ok: false, errors: ['/xdg/zoomtop/zoomtop.yaml: cannot read (EACCES: permission denied); check the path and permissions'] });
    const big = await loadZoomtopConfig({ env, fs: files({ '/xdg/zoomtop/zoomtop.yaml': 'x'.repeat(11) }), maxBytes: 10 });
    assert.deepEqual(big, { ok: false, errors: ['/xdg/zoomtop/zoomtop.yaml: 11 bytes is over the 10-byte limit for zoomtop.yaml; is this the right file?'] });
    const latin1: ZoomtopConfigFs = { readFile: async () => Uint8Array.from([0x74, 0xe9, 0x0a]) };
    assert.deepEqual(await loadZoomtopConfig({ env, fs: latin1 }), { ok: false, errors: ['/xdg/zoomtop/zoomtop.yaml: is not UTF-8 text; save it as UTF-8'] });
  });

  it('puts file:line:col on the problems of the file it found', async () => {
    const result = await loadZoomtopConfig({ env, fs: files({ '/xdg/zoomtop/zoomtop.yaml': 'interval: 1s\nlog_level: loud\n' }) });
    assert.deepEqual(result, { ok: false, errors: ['/xdg/zoomtop/zoomtop.yaml:2:12: log_level "loud" is not a log level; use one of error, warn, info, debug'] });
  });
});
