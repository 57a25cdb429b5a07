// The published files stay in step with the code: the JSON Schema, the example config, and init's output loading back to the defaults.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { configDir, defaultConfigFile } from '../../src/config/config-dir.js';
import { DEFAULT_ZOOMTOP_CONFIG } from '../../src/config/zoomtop-config-defaults.js';
import { parseZoomtopConfig } from '../../src/config/zoomtop-config.js';
import { didYouMean } from '../../src/config/zoomtop-config-problems.js';
import { PUBLISHED_SCHEMA_FILE, ZOOMTOP_SCHEMA, zoomtopSchemaText } from '../../src/config/zoomtop-config-schema.js';
import { durationText, renderZoomtopYaml } from '../../src/config/zoomtop-config-template.js';

const EXAMPLE = new URL('../../../examples/zoomtop.yaml', import.meta.url);
const regenerate = (module: string, fn: string, file: string) =>
  `out of date; regenerate: npx tsc -b && node -e "import('./dist/src/config/${module}.js').then(m => process.stdout.write(m.${fn}()))" > examples/${file}`;

describe('published files', () => {
  it('examples/zoomtop.schema.json is the schema the validator uses', () => {
    assert.equal(readFileSync(PUBLISHED_SCHEMA_FILE, 'utf8'), zoomtopSchemaText(), regenerate('zoomtop-config-schema', 'zoomtopSchemaText', 'zoomtop.schema.json'));
  });

  it('examples/zoomtop.yaml is what zoomtop init writes, with a relative schema link', () => {
    assert.equal(readFileSync(EXAMPLE, 'utf8'), renderZoomtopYaml(), regenerate('zoomtop-config-template', 'renderZoomtopYaml', 'zoomtop.yaml'));
  });

  it('the rendered config loads back to every default exactly', () => {
    const result = parseZoomtopConfig('/x/zoomtop.yaml', renderZoomtopYaml({ schemaRef: 'file:///x.json' }), {});
    assert.deepEqual(result, { ok: true, config: DEFAULT_ZOOMTOP_CONFIG, file: '/x/zoomtop.yaml' });
  });

  it('the rendered config writes out every key of the schema (but "enabled")', () => {
    const data = parse(renderZoomtopYaml()) as Record<string, Record<string, unknown>[]> & { actions: Record<string, Record<string, unknown>> };
    const keys = (schema: { properties: object }) => Object.keys(schema.properties).filter((k) => k !== 'enabled');
    const p = ZOOMTOP_SCHEMA.properties;
    assert.deepEqual(Object.keys(data).sort(), keys(ZOOMTOP_SCHEMA).sort());
    assert.deepEqual(Object.keys(data.actions).sort(), keys(p.actions).sort());
    assert.deepEqual(Object.keys(data.actions.auto ?? {}).sort(), keys(p.actions.properties.auto).sort());
    for (const rule of data.alerts ?? []) assert.deepEqual(Object.keys(rule).sort(), keys(p.alerts.items).sort());
    for (const rule of data.suggestions ?? []) assert.deepEqual(Object.keys(rule).sort(), keys(p.suggestions.items).sort());
  });

  it('every leaf of the schema has the title and example its error messages are made of', () => {
    const missing: string[] = [];
    const visit = (node: Record<string, unknown>, at: string): void => {
      const props = node.properties as Record<string, Record<string, unknown>> | undefined;
      if (!Array.isArray(node.examples) || typeof node.title !== 'string') missing.push(at);
      for (const [key, child] of Object.entries(props ?? {})) visit(child, `${at}.${key}`);
      if (node.items) visit(node.items as Record<string, unknown>, `${at}[]`);
    };
    visit(ZOOMTOP_SCHEMA as unknown as Record<string, unknown>, '');
    assert.deepEqual(missing, []);
  });
});

describe('helpers', () => {
  it('durationText picks the largest whole unit', () => {
    assert.deepEqual([0, 500, 1000, 90_000, 300_000, 3_600_000, 1500].map(durationText), ['0s', '500ms', '1s', '90s', '5m', '1h', '1500ms']);
  });

  it('didYouMean forgives typos, case and camelCase, and stays quiet when nothing is close', () => {
    assert.equal(didYouMean('intervall', ['interval', 'theme']), 'interval');
    assert.equal(didYouMean('logLevel', ['log_level', 'theme']), 'log_level');
    assert.equal(didYouMean('fps-step', ['fps_step', 'fps_floor']), 'fps_step');
    assert.equal(didYouMean('colour', ['interval', 'theme']), null);
  });

  it('configDir follows XDG_CONFIG_HOME when absolute, else ~/.config', () => {
    assert.equal(configDir({ XDG_CONFIG_HOME: '/xdg', HOME: '/home/pi' }), '/xdg/zoomtop');
    assert.equal(configDir({ XDG_CONFIG_HOME: 'rel', HOME: '/home/pi' }), '/home/pi/.config/zoomtop');
    assert.equal(defaultConfigFile({ HOME: '/home/pi' }), '/home/pi/.config/zoomtop/zoomtop.yaml');
  });
});
