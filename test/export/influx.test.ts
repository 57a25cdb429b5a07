import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeKey, escapeMeasurement, formatInflux, formatPoint, quoteFieldString } from '../../src/export/influx.js';
import { buildStats } from '../helpers/snapshot-builder.js';
import { AT_MS, CAMERA_STATS, fullSnapshot, piSnapshot } from './fixtures.js';

const NS = `${AT_MS}000000`;

test('a snapshot becomes one point per measurement, nanosecond timestamps, integers marked i, unknown fields left out', () => {
  const text = formatInflux(fullSnapshot({ operations: [buildStats('camera', 'capture')] }), { host: 'pi-north', cameraStats: CAMERA_STATS });
  assert.deepEqual(text.split('\n'), [
    `zoomtop_system,host=pi-north cpu_percent=73.24,memory_percent=41.5,memory_used_bytes=3221225472i,memory_total_bytes=8589934592i,disk_read_bytes_per_sec=1024,disk_write_bytes_per_sec=52428800.5,network_received_bytes_per_sec=4000,process_count=120i,system_thread_count=300i,app_thread_count=11i,uptime_seconds=185 ${NS}`,
    `zoomtop_gpu,host=pi-north state="unavailable",reason="no GPU found: nvidia-smi not installed" ${NS}`,
    `zoomtop_process,host=pi-north,role=self pid=10i,cpu_percent=1.5,rss_bytes=62914560i ${NS}`,
    `zoomtop_process,host=pi-north,role=app pid=11i,cpu_percent=150.2,rss_bytes=146800640i ${NS}`,
    `zoomtop_app,host=pi-north fps=29.7,frame_time_ms=21.25,cameras=3,cameras_active=2 ${NS}`,
    `zoomtop_statsd,host=pi-north enabled=true,address="127.0.0.1:8125",lines=0i,rejected=0i ${NS}`,
    `zoomtop_operation,component=camera,host=pi-north,operation=capture count=1200i,errors=0i,rate_per_sec=30,last_ms=12.5,avg_ms=11.04,min_ms=2,max_ms=48.9,p50_ms=10.5,p95_ms=20.25,p99_ms=30,window_count=1800i ${NS}`,
    `zoomtop_operation,camera=front_door,component=camera,host=pi-north,operation=capture count=600i,errors=0i,rate_per_sec=30,last_ms=12.5,avg_ms=11.04,min_ms=2,max_ms=48.9,p50_ms=10.5,p95_ms=20.25,p99_ms=30,window_count=1800i ${NS}`,
    '',
  ]);
});

test('escaping: measurement (comma, space), tag keys and values and field keys (comma, equals, space), string fields (quote, backslash)', () => {
  assert.equal(escapeMeasurement('cpu load,x=1'), 'cpu\\ load\\,x=1');
  assert.equal(escapeKey('front door,a=b'), 'front\\ door\\,a\\=b');
  assert.equal(escapeKey('trailing\\'), 'trailing\\\\');
  assert.equal(quoteFieldString('say "hi" C:\\cam'), '"say \\"hi\\" C:\\\\cam"');
  assert.equal(quoteFieldString('two\nlines\r\nhere'), '"two lines here"');
  assert.equal(escapeKey('a\nb'), 'a\\ b');
});

test('a point with awkward names and values is escaped in every position; an empty tag is left out', () => {
  const point = formatPoint('my measure', { 'site name': 'north, gate=2', host: '' }, { 'frame ms': { kind: 'float', value: 1.5 }, note: { kind: 'string', value: 'a "b"' } }, 1);
  assert.equal(point, 'my\\ measure,site\\ name=north\\,\\ gate\\=2 frame\\ ms=1.5,note="a \\"b\\"" 1000000');
});

test('a point whose fields are all unknown is not written; NaN and infinities are dropped', () => {
  assert.equal(formatPoint('m', {}, { a: { kind: 'float', value: null }, b: { kind: 'float', value: NaN } }, 1), null);
  assert.equal(formatPoint('m', {}, { a: { kind: 'float', value: Infinity }, b: { kind: 'int', value: 2 } }, 1), 'm b=2i 1000000');
  const snapshot = fullSnapshot({ gpu: { state: 'pending' }, self: null, app: null, operations: [] });
  snapshot.appFigures = { fps: null, frameTimeMs: null, cameras: null, camerasActive: null };
  const text = formatInflux(snapshot);
  assert.deepEqual(text.split('\n').map((l) => l.split(/[ ,]/)[0]), ['zoomtop_system', 'zoomtop_statsd', '']);
});

test('a GPU reading is written with its name as a tag', () => {
  const text = formatInflux(fullSnapshot({ gpu: { state: 'ok', name: 'Video Core', usagePercent: 12.5, memoryUsedBytes: 1000.4, memoryTotalBytes: null, history: [] } }), { host: 'h' });
  assert.ok(text.includes(`\nzoomtop_gpu,host=h,name=Video\\ Core state="ok",usage_percent=12.5,memory_used_bytes=1000i ${NS}\n`), text);
});

test('Pi health is one zoomtop_pi point; each process target a zoomtop_target point with its status', () => {
  const lines = formatInflux(piSnapshot(), { host: 'h' }).split('\n').filter((l) => /^zoomtop_(pi|target),/.test(l));
  assert.deepEqual(lines, [
    `zoomtop_pi,host=h,model=Raspberry\\ Pi\\ 4\\ Model\\ B temperature_celsius=61.5,cpu_clock_hz=1500000000,cpu_clock_max_hz=1800000000,under_voltage=true,arm_frequency_capped=false,throttled=true,soft_temperature_limit=false,under_voltage_since_boot=true,arm_frequency_capped_since_boot=false,throttled_since_boot=true,soft_temperature_limit_since_boot=false ${NS}`,
    `zoomtop_target,host=h,target=--process\\ camera status="running",pid=42i,cpu_percent=5,rss_bytes=1000i,threads=3i,restarts=1i ${NS}`,
    `zoomtop_target,host=h,target=--pid\\ 99 status="exited",pid=99i,restarts=0i ${NS}`,
    `zoomtop_target,host=h,target=--process\\ "gone" status="missing",reason="no process named gone" ${NS}`,
  ]);
});
