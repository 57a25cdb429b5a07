// InfluxDB line protocol for a snapshot: one point per measurement, escaped per the protocol, nanosecond timestamps.
import type { Snapshot } from '../store/snapshot.js';
import type { CameraOperationStats } from '../timing/operation-registry.js';
import type { OperationStats } from '../timing/types.js';

export type InfluxOptions = {
  /** The host tag; empty leaves it out (line protocol forbids empty tag values). @default '' */
  host?: string;
  /** Per-camera rows, written as zoomtop_operation points with a camera tag. @default [] */
  cameraStats?: readonly CameraOperationStats[];
};

type FieldValue = { kind: 'float' | 'int'; value: number | null | undefined } | { kind: 'string'; value: string | null | undefined } | { kind: 'bool'; value: boolean };
type Fields = Record<string, FieldValue>;

// Line protocol cannot carry a line break anywhere in a point; it becomes a space.
const LINE_BREAK = /\r\n|[\r\n]/g;

/** Measurement names: backslash, comma and space are escaped. */
export function escapeMeasurement(name: string): string {
  return name.replace(LINE_BREAK, ' ').replace(/[\\, ]/g, (c) => `\\${c}`);
}

/** Tag keys, tag values and field keys: backslash, comma, equals sign and space are escaped. */
export function escapeKey(text: string): string {
  return text.replace(LINE_BREAK, ' ').replace(/[\\,= ]/g, (c) => `\\${c}`);
}

/** A string field value, quoted: backslash and double quote are escaped. */
export function quoteFieldString(text: string): string {
  return `"${text.replace(LINE_BREAK, ' ').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

const float = (value: number | null | undefined): FieldValue => ({ kind: 'float', value });
// Integers only where the figure is whole by definition: Influx refuses a field whose type changes between points.
const int = (value: number | null | undefined): FieldValue => ({ kind: 'int', value: value === null || value === undefined ? value : Math.round(value) });
const str = (value: string | null | undefined): FieldValue => ({ kind: 'string', value });

function formatField(field: FieldValue): string | null {
  if (field.kind === 'bool') return field.value ? 'true' : 'false';
  if (field.kind === 'string') return field.value === null || field.value === undefined ? null : quoteFieldString(field.value);
  if (field.value === null || field.value === undefined || !Number.isFinite(field.value)) return null;
  return field.kind === 'int' ? `${field.value}i` : String(field.value);
}

/** One point, or null when every field is unknown (a point needs at least one field). Tags sorted by key, empty ones left out. */
export function formatPoint(measurement: string, tags: Record<string, string>, fields: Fields, atMs: number): string | null {
  const fieldText = Object.entries(fields)
    .map(([key, field]) => {
      const value = formatField(field);
      return value === null ? null : `${escapeKey(key)}=${value}`;
    })
    .filter((f): f is string => f !== null)
    .join(',');
  if (fieldText === '') return null;
  const tagText = Object.keys(tags)
    .sort()
    .filter((key) => tags[key] !== '')
    .map((key) => `,${escapeKey(key)}=${escapeKey(tags[key] ?? '')}`)
    .join('');
  return `${escapeMeasurement(measurement)}${tagText} ${fieldText} ${Math.round(atMs)}000000`;
}

function operationFields(op: OperationStats): Fields {
  return {
    count: int(op.count),
    errors: int(op.errors),
    rate_per_sec: float(op.ratePerSec),
    last_ms: float(op.lastMs),
    avg_ms: float(op.avgMs),
    min_ms: float(op.minMs),
    max_ms: float(op.maxMs),
    p50_ms: float(op.p50Ms),
    p95_ms: float(op.p95Ms),
    p99_ms: float(op.p99Ms),
    window_count: int(op.windowCount),
  };
}

/** Every point of one snapshot, one per line, each ending in a line feed. */
export function formatInflux(snapshot: Snapshot, options: InfluxOptions = {}): string {
  const host = options.host ?? '';
  const at = snapshot.atMs;
  const points: (string | null)[] = [
    formatPoint('zoomtop_system', { host }, {
      cpu_percent: float(snapshot.cpu.percent),
      memory_percent: float(snapshot.memory.percent),
      memory_used_bytes: int(snapshot.memory.usedBytes),
      memory_total_bytes: int(snapshot.memory.totalBytes),
      disk_read_bytes_per_sec: float(snapshot.disk?.readBytesPerSec),
      disk_write_bytes_per_sec: float(snapshot.disk?.writeBytesPerSec),
      network_received_bytes_per_sec: float(snapshot.network?.receivedBytesPerSec),
      network_sent_bytes_per_sec: float(snapshot.network?.sentBytesPerSec),
      process_count: int(snapshot.processCounts?.processCount),
      system_thread_count: int(snapshot.processCounts?.systemThreadCount),
      app_thread_count: int(snapshot.processCounts?.threadCount),
      uptime_seconds: float((snapshot.atMs - snapshot.startedAtMs) / 1000),
    }, at),
  ];
  const gpu = snapshot.gpu;
  if (gpu.state === 'ok') {
    points.push(formatPoint('zoomtop_gpu', { host, name: gpu.name }, {
      state: str('ok'),
      usage_percent: float(gpu.usagePercent),
      memory_used_bytes: int(gpu.memoryUsedBytes),
      memory_total_bytes: int(gpu.memoryTotalBytes),
    }, at));
  } else if (gpu.state === 'unavailable') {
    points.push(formatPoint('zoomtop_gpu', { host }, { state: str('unavailable'), reason: str(gpu.reason) }, at));
  }
  for (const [role, process] of [['self', snapshot.self], ['app', snapshot.app]] as const) {
    if (process) points.push(formatPoint('zoomtop_process', { host, role }, { pid: int(process.pid), cpu_percent: float(process.cpuPercent), rss_bytes: int(process.rssBytes) }, at));
  }
  const app = snapshot.appFigures;
  // App figures come from StatsD gauges, which may be fractional: floats throughout.
  points.push(formatPoint('zoomtop_app', { host }, { fps: float(app.fps), frame_time_ms: float(app.frameTimeMs), cameras: float(app.cameras), cameras_active: float(app.camerasActive) }, at));
  const statsd = snapshot.statsd;
  points.push(formatPoint('zoomtop_statsd', { host }, { enabled: { kind: 'bool', value: statsd.enabled }, address: str(statsd.address), lines: int(statsd.lines), rejected: int(statsd.rejected) }, at));
  points.push(...piPoints(snapshot, host), ...targetPoints(snapshot, host));
  for (const op of snapshot.operations) {
    points.push(formatPoint('zoomtop_operation', { host, component: op.component, operation: op.operation }, operationFields(op), at));
  }
  for (const op of options.cameraStats ?? []) {
    points.push(formatPoint('zoomtop_operation', { host, component: op.component, operation: op.operation, camera: op.camera }, operationFields(op), at));
  }
  return points.filter((p): p is string => p !== null).map((p) => `${p}\n`).join('');
}

const bool = (value: boolean): FieldValue => ({ kind: 'bool', value });

/** One zoomtop_pi point with whatever the Pi parts know (none on other machines). */
function piPoints(snapshot: Snapshot, host: string): (string | null)[] {
  const pi = snapshot.pi;
  if (!pi) return [];
  const fields: Fields = {};
  if (pi.temperature.state === 'ok') fields['temperature_celsius'] = float(pi.temperature.celsius);
  if (pi.clock.state === 'ok') {
    fields['cpu_clock_hz'] = float(pi.clock.currentHz);
    fields['cpu_clock_max_hz'] = float(pi.clock.maxHz);
  }
  if (pi.throttle.state === 'ok') {
    const { now, sinceBoot } = pi.throttle;
    Object.assign(fields, {
      under_voltage: bool(now.underVoltage),
      arm_frequency_capped: bool(now.armFrequencyCapped),
      throttled: bool(now.throttled),
      soft_temperature_limit: bool(now.softTemperatureLimit),
      under_voltage_since_boot: bool(sinceBoot.underVoltage),
      arm_frequency_capped_since_boot: bool(sinceBoot.armFrequencyCapped),
      throttled_since_boot: bool(sinceBoot.throttled),
      soft_temperature_limit_since_boot: bool(sinceBoot.softTemperatureLimit),
    });
  }
  const model = pi.board.state === 'ok' ? pi.board.model : '';
  return [formatPoint('zoomtop_pi', { host, model }, fields, snapshot.atMs)];
}

/** One zoomtop_target point per --pid / --process target. */
function targetPoints(snapshot: Snapshot, host: string): (string | null)[] {
  return (snapshot.processTargets ?? []).map((t) => {
    const fields: Fields = t.status === 'running'
      ? { status: str(t.status), pid: int(t.pid), cpu_percent: float(t.cpuPercent), rss_bytes: int(t.rssBytes), threads: int(t.threadCount), open_fds: int(t.openFdCount), restarts: int(t.restartCount) }
      : t.status === 'exited'
        ? { status: str(t.status), pid: int(t.pid), restarts: int(t.restartCount) }
        : { status: str(t.status), reason: str(t.reason) };
    return formatPoint('zoomtop_target', { host, target: t.target }, fields, snapshot.atMs);
  });
}
