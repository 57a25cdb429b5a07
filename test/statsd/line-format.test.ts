import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTags, formatValue, normalizePrefix, sanitizeName } from '../../src/statsd/line-format.js';

test('formatValue: at most 3 decimals, compact, never -0', () => {
  assert.equal(formatValue(12), '12');
  assert.equal(formatValue(12.5), '12.5');
  assert.equal(formatValue(0.123456), '0.123');
  assert.equal(formatValue(1.0004), '1');
  assert.equal(formatValue(-0), '0');
  assert.equal(formatValue(-0.0001), '0');
  assert.equal(formatValue(-2.25), '-2.25');
});

test('sanitizeName replaces characters that would break a line', () => {
  assert.equal(sanitizeName('camera.capture'), 'camera.capture');
  assert.equal(sanitizeName('a:b|c@d#e,f g\nh'), 'a_b_c_d_e_f_g_h');
  assert.equal(sanitizeName('ok'), 'ok');
});

test('formatTags writes DogStatsD tags', () => {
  assert.equal(formatTags(undefined), '');
  assert.equal(formatTags({}), '');
  assert.equal(formatTags({ camera: 'cam1', site: 'a,b', url: 'http://x', flag: '' }), '|#camera:cam1,site:a_b,url:http://x,flag');
});

test('normalizePrefix joins with one dot', () => {
  assert.equal(normalizePrefix(''), '');
  assert.equal(normalizePrefix('zoomcam'), 'zoomcam.');
  assert.equal(normalizePrefix('zoomcam.'), 'zoomcam.');
});
