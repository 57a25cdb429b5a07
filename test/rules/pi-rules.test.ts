// Pi health rules on snapshots built from fixture machines: which alerts and suggestions hold, and what they say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOWER_FPS_ACTION_ID } from '../../src/actions/fps-planners.js';
import { LOWER_RESOLUTION_ACTION_ID } from '../../src/actions/lower-resolution.js';
import { PI_ALERT_RULES, PI_SUGGESTION_RULES, SOC_TEMPERATURE_CRITICAL_C, SOC_TEMPERATURE_WARNING_C } from '../../src/rules/default-rules.js';
import { formatMetric, metricLabel, readMetric } from '../../src/rules/metrics.js';
import { RulesEngine } from '../../src/rules/rules-engine.js';
import type { AlertRule, PiMetricId, SuggestionRule } from '../../src/rules/types.js';
import { createPiSources } from '../../src/sampler/sources/pi-sources.js';
import type { Snapshot } from '../../src/store/snapshot.js';
import { Store } from '../../src/store/store.js';
import { fakeRunner } from '../sampler/sources/command-fake.js';
import { fixtureRoot } from '../sampler/sources/fixture-root.js';

const INPUTS = { operations: [], appFigures: { fps: null, frameTimeMs: null, cameras: null, camerasActive: null }, statsd: { enabled: false, address: null, lines: 0, rejected: 0 } };
const PI_METRICS: PiMetricId[] = ['socTemperatureC', 'underVoltageNow', 'throttledNow', 'softTemperatureLimitNow', 'armFrequencyCappedNow'];

/** The engine takes MetricId rules; Pi rules join it once MetricId includes PiMetricId (see src/rules/types.ts). */
function piEngine(): RulesEngine {
  return new RulesEngine(PI_ALERT_RULES as unknown as AlertRule[], PI_SUGGESTION_RULES as unknown as SuggestionRule[]);
}

async function fixtureSnapshot(name: string, atMs: number): Promise<Snapshot> {
  const store = new Store({ startedAtMs: 0 });
  const { run } = fakeRunner({ 'vcgencmd get_mem gpu': 'gpu=76M\n', 'vcgencmd get_throttled': 'throttled=0x0\n' });
  for (const source of createPiSources({ rootDir: fixtureRoot(name), run })) store.ingest(await source.read());
  return store.snapshot(atMs, INPUTS);
}

test('metrics read the Pi figures: flags as 1/0, temperature in °C, null while unknown', async () => {
  const pi4 = await fixtureSnapshot('pi4-throttled', 0);
  assert.deepEqual(PI_METRICS.map((m) => readMetric(pi4, m)), [83.25, 1, 1, 0, 0]);
  const container = await fixtureSnapshot('container', 0);
  assert.deepEqual(PI_METRICS.map((m) => readMetric(container, m)), [null, null, null, null, null]);
  assert.deepEqual([formatMetric('socTemperatureC', 83.25), formatMetric('underVoltageNow', 1), formatMetric('throttledNow', 0)], ['83.3 °C', 'yes', 'no']);
  assert.equal(metricLabel('softTemperatureLimitNow'), 'soft temperature limit now');
});

test('Pi 4 under-voltage and throttled: critical and warning at once, the temperature warning after 3 s, not critical at 83 °C', async () => {
  const engine = piEngine();
  const first = engine.evaluate(await fixtureSnapshot('pi4-throttled', 0));
  assert.deepEqual(first.raised, ['pi-under-voltage', 'pi-throttled']);
  assert.deepEqual(
    first.alerts.map((a) => [a.ruleId, a.level, a.message]),
    [
      ['pi-throttled', 'warning', 'throttled now: the firmware is slowing the SoC'],
      ['pi-under-voltage', 'critical', 'under-voltage now: the supply cannot hold 5 V'],
    ],
  );
  const later = engine.evaluate(await fixtureSnapshot('pi4-throttled', 3000));
  assert.deepEqual(later.raised, ['soc-temperature-high']);
  assert.equal(later.alerts[0]?.message, 'SoC temperature high: 83.3 °C');
});

test('Pi 4 suggestions: the supply reason at once, linked to the load-lowering actions by id', async () => {
  const engine = piEngine();
  const now = engine.evaluate(await fixtureSnapshot('pi4-throttled', 0)).suggestions;
  assert.deepEqual(now.map((s) => [s.id, s.automated, s.actionIds]), [['pi-under-voltage', false, [LOWER_RESOLUTION_ACTION_ID, LOWER_FPS_ACTION_ID]]]);
  assert.match(now[0]?.text ?? '', /^under-voltage: the supply cannot hold 5 V under this load; use the official supply/);
  await fixtureSnapshot('pi4-throttled', 5000).then((s) => engine.evaluate(s));
  const hot = engine.evaluate(await fixtureSnapshot('pi4-throttled', 10_000)).suggestions;
  assert.deepEqual(hot.map((s) => s.id), ['pi-under-voltage', 'pi-throttled', 'soc-hot']);
});

test('a cool Pi 5 and a container raise nothing', async () => {
  for (const name of ['pi5', 'container']) {
    const engine = piEngine();
    for (const atMs of [0, 5000, 20_000]) engine.evaluate(await fixtureSnapshot(name, atMs));
    assert.deepEqual([engine.current().alerts, engine.current().suggestions], [[], []], name);
  }
});

test('the rule table: levels as the issue sets them; every flag clears when it drops to 0', () => {
  assert.deepEqual(
    PI_ALERT_RULES.map((r) => [r.id, r.metric, r.level, r.above]),
    [
      ['pi-under-voltage', 'underVoltageNow', 'critical', 0.5],
      ['pi-throttled', 'throttledNow', 'warning', 0.5],
      ['pi-soft-temperature-limit', 'softTemperatureLimitNow', 'warning', 0.5],
      ['soc-temperature-high', 'socTemperatureC', 'warning', SOC_TEMPERATURE_WARNING_C],
      ['soc-temperature-critical', 'socTemperatureC', 'critical', SOC_TEMPERATURE_CRITICAL_C],
    ],
  );
  assert.deepEqual([SOC_TEMPERATURE_WARNING_C, SOC_TEMPERATURE_CRITICAL_C], [80, 85]);
  for (const rule of PI_ALERT_RULES) assert.ok(rule.clearBelow <= rule.above && rule.clearBelow > 0, rule.id);
  for (const rule of PI_SUGGESTION_RULES) assert.deepEqual(rule.actionIds, [LOWER_RESOLUTION_ACTION_ID, LOWER_FPS_ACTION_ID], rule.id);
});
