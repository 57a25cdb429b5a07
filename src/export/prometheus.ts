// Renders zoomtop's state as a Prometheus scrape: system gauges in base units, cumulative operation histograms, alerts, actions, StatsD drops.
import type { AlertEntry, AlertRule } from '../rules/types.js';
import { REJECT_REASONS } from '../statsd/metric.js';
import type { IngestCounts } from '../statsd/ingest.js';
import type { Snapshot } from '../store/snapshot.js';
import { DURATION_BOUNDS_SECONDS } from '../timing/cumulative-histogram.js';
import type { OperationRegistry, OperationTotals } from '../timing/operation-registry.js';
import { writePi, writeTargets } from './prometheus-pi.js';
import { ExpositionBuilder, escapeLabelValue, formatSampleValue, ratio } from './prometheus-text.js';

export type PrometheusInputs = {
  /** The latest snapshot; null before the first one (then only counters are written). */
  snapshot: Snapshot | null;
  /** Operation histograms and the registry's drop counters. @default none */
  registry?: Pick<OperationRegistry, 'totals' | 'droppedSeries' | 'invalidRecords'>;
  /** The alert log (RulesEngine.log.list()), newest first. @default [] */
  alerts?: readonly AlertEntry[];
  /** Rules whose state is always written (0 until raised); when given, only these rules are written. @default the rules in `alerts` */
  alertRules?: readonly Pick<AlertRule, 'id' | 'level'>[];
  /** Optimizer actions applied since start, by action id. @default {} */
  actionsApplied?: Readonly<Record<string, number>>;
  /** StatsdIngest.counts; null or omitted when StatsD is off. */
  statsdCounts?: IngestCounts | null;
};

const LE_LABELS = [...DURATION_BOUNDS_SECONDS.map(formatSampleValue), '+Inf'];
const DURATION = 'zoomtop_operation_duration_seconds';

/** The whole scrape body. Pure: reads its inputs, keeps nothing. */
export function renderPrometheus(inputs: PrometheusInputs): string {
  const out = new ExpositionBuilder();
  if (inputs.snapshot) {
    writeSystem(out, inputs.snapshot);
    writePi(out, inputs.snapshot.pi);
    writeTargets(out, inputs.snapshot.processTargets ?? []);
  }
  if (inputs.registry) writeOperations(out, inputs.registry);
  writeAlerts(out, inputs.alerts ?? [], inputs.alertRules);
  writeActions(out, inputs.actionsApplied ?? {});
  if (inputs.statsdCounts) writeStatsd(out, inputs.statsdCounts);
  return out.text();
}

const seconds = (ms: number | null | undefined): number | null => (ms === null || ms === undefined ? null : Number((ms / 1000).toPrecision(15)));

function writeSystem(out: ExpositionBuilder, s: Snapshot): void {
  out
    .gauge('zoomtop_start_time_seconds', 'When zoomtop started, seconds since the epoch.', s.startedAtMs / 1000)
    .gauge('zoomtop_snapshot_timestamp_seconds', 'When the figures below were taken, seconds since the epoch.', s.atMs / 1000)
    .gauge('zoomtop_cpu_usage_ratio', 'Busy share of all CPU cores, 0-1.', ratio(s.cpu.percent))
    .gauge('zoomtop_memory_usage_ratio', 'Used share of memory, 0-1.', ratio(s.memory.percent))
    .gauge('zoomtop_memory_used_bytes', 'Memory in use, bytes.', s.memory.usedBytes)
    .gauge('zoomtop_memory_total_bytes', 'Memory installed, bytes.', s.memory.totalBytes);
  if (s.gpu.state !== 'pending') out.gauge('zoomtop_gpu_up', '1 when the GPU can be read, 0 when it cannot.', s.gpu.state === 'ok' ? 1 : 0);
  if (s.gpu.state === 'ok') {
    out
      .gauge('zoomtop_gpu_usage_ratio', 'Busy share of the first GPU, 0-1.', ratio(s.gpu.usagePercent))
      .gauge('zoomtop_gpu_memory_used_bytes', 'GPU memory in use, bytes.', s.gpu.memoryUsedBytes)
      .gauge('zoomtop_gpu_memory_total_bytes', 'GPU memory installed, bytes.', s.gpu.memoryTotalBytes);
  }
  const processes = [
    { role: 'self', figures: s.self },
    { role: 'app', figures: s.app },
  ].filter((p) => p.figures !== null);
  writeByRole(out, 'zoomtop_process_cpu_usage_ratio', 'CPU time per second of one core (above 1 when several cores work), by role.', processes.map((p) => [p.role, ratio(p.figures?.cpuPercent)]));
  writeByRole(out, 'zoomtop_process_resident_memory_bytes', 'Resident memory of a process, bytes, by role.', processes.map((p) => [p.role, p.figures?.rssBytes ?? null]));
  out
    .gauge('zoomtop_disk_read_bytes_per_second', 'Bytes read from all disks per second.', s.disk?.readBytesPerSec)
    .gauge('zoomtop_disk_write_bytes_per_second', 'Bytes written to all disks per second.', s.disk?.writeBytesPerSec)
    .gauge('zoomtop_network_receive_bytes_per_second', 'Bytes received on all interfaces per second.', s.network?.receivedBytesPerSec)
    .gauge('zoomtop_network_transmit_bytes_per_second', 'Bytes sent on all interfaces per second.', s.network?.sentBytesPerSec)
    .gauge('zoomtop_system_processes', 'Processes on the machine.', s.processCounts?.processCount)
    .gauge('zoomtop_system_threads', 'Threads on the machine.', s.processCounts?.systemThreadCount)
    .gauge('zoomtop_app_threads', 'Threads of the watched app process.', s.processCounts?.threadCount)
    .gauge('zoomtop_app_frames_per_second', 'Frames per second the app reports.', s.appFigures.fps)
    .gauge('zoomtop_app_frame_time_seconds', 'Frame time the app reports, seconds.', seconds(s.appFigures.frameTimeMs))
    .gauge('zoomtop_app_cameras', 'Cameras the app has configured.', s.appFigures.cameras)
    .gauge('zoomtop_app_cameras_active', 'Cameras the app is streaming.', s.appFigures.camerasActive);
}

function writeByRole(out: ExpositionBuilder, name: string, help: string, values: [string, number | null][]): void {
  const known = values.filter((v): v is [string, number] => v[1] !== null && Number.isFinite(v[1]));
  if (known.length === 0) return;
  out.family(name, 'gauge', help);
  for (const [role, value] of known) out.sample(name, { role }, value);
}

/** The fixed text of one series' lines, escaped once per series rather than on every scrape. */
type SeriesText = { key: string; buckets: string[]; sum: string; count: string; errors: string };

/** Keyed by the series' histogram, which lives as long as the series: a cleared series is forgotten with it. */
const textCache = new WeakMap<object, SeriesText>();

function seriesText(t: OperationTotals): SeriesText {
  const key = `${t.component}\u0000${t.operation}\u0000${t.camera ?? ''}`;
  const cached = textCache.get(t.histogram);
  if (cached?.key === key) return cached;
  const base = `component="${escapeLabelValue(t.component)}",operation="${escapeLabelValue(t.operation)}"${
    t.camera === null ? '' : `,camera="${escapeLabelValue(t.camera)}"`
  }`;
  const text: SeriesText = {
    key,
    buckets: LE_LABELS.map((le) => `${DURATION}_bucket{${base},le="${le}"} `),
    sum: `${DURATION}_sum{${base}} `,
    count: `${DURATION}_count{${base}} `,
    errors: `zoomtop_operation_errors_total{${base}} `,
  };
  textCache.set(t.histogram, text);
  return text;
}

function writeOperations(out: ExpositionBuilder, registry: NonNullable<PrometheusInputs['registry']>): void {
  const totals = registry.totals();
  out.family(DURATION, 'histogram', 'Duration of timed operations since start; the camera label splits tagged calls (camera="" is every call).');
  let lines = '';
  let errorLines = '';
  for (const t of totals) {
    // 18 lines per series, and a scrape of 1000 series must stay cheap: only the numbers are formatted here.
    const text = seriesText(t);
    const { counts, count, sumMs } = t.histogram;
    let cumulative = 0;
    for (let i = 0; i < text.buckets.length; i++) {
      cumulative += counts[i] ?? 0;
      lines += `${text.buckets[i]}${cumulative}\n`;
    }
    lines += `${text.sum}${formatSampleValue(sumMs / 1000)}\n${text.count}${count}\n`;
    errorLines += `${text.errors}${t.errors}\n`;
  }
  out.raw(lines);
  out.family('zoomtop_operation_errors_total', 'counter', 'Failed operation calls since start.').raw(errorLines);
  out.family('zoomtop_operation_series_dropped_total', 'counter', 'Timings dropped because the series cap was reached.').sample('zoomtop_operation_series_dropped_total', {}, registry.droppedSeries);
  out.family('zoomtop_operation_invalid_records_total', 'counter', 'Timings dropped for a negative, NaN or infinite duration.').sample('zoomtop_operation_invalid_records_total', {}, registry.invalidRecords);
}

function writeAlerts(out: ExpositionBuilder, alerts: readonly AlertEntry[], rules: PrometheusInputs['alertRules']): void {
  const levels = new Map<string, string>();
  for (const rule of rules ?? []) levels.set(rule.id, rule.level);
  if (!rules) for (const entry of [...alerts].reverse()) levels.set(entry.ruleId, entry.level);
  if (levels.size === 0) return;
  out.family('zoomtop_alert_active', 'gauge', '1 while an alert rule holds (raised and not cleared), else 0.');
  for (const [rule, level] of [...levels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // The log is newest first: the first entry of a rule is its current state.
    const latest = alerts.find((a) => a.ruleId === rule);
    out.sample('zoomtop_alert_active', { rule, level }, latest !== undefined && latest.clearedAtMs === null ? 1 : 0);
  }
}

function writeActions(out: ExpositionBuilder, applied: Readonly<Record<string, number>>): void {
  const name = 'zoomtop_actions_applied_total';
  out.family(name, 'counter', 'Optimizer actions applied since start, by action id.');
  for (const action of Object.keys(applied).sort()) out.sample(name, { action }, applied[action] ?? 0);
}

function writeStatsd(out: ExpositionBuilder, counts: IngestCounts): void {
  const counter = (name: string, help: string, value: number): void => void out.family(name, 'counter', help).sample(name, {}, value);
  counter('zoomtop_statsd_datagrams_total', 'StatsD datagrams received.', counts.datagrams);
  counter('zoomtop_statsd_lines_total', 'StatsD lines received, accepted or not.', counts.lines);
  counter('zoomtop_statsd_metrics_total', 'StatsD lines accepted.', counts.metrics);
  out.family('zoomtop_statsd_rejected_lines_total', 'counter', 'StatsD lines rejected, by reason.');
  for (const reason of REJECT_REASONS) out.sample('zoomtop_statsd_rejected_lines_total', { reason }, counts.rejectsByReason[reason] ?? 0);
  counter('zoomtop_statsd_dropped_names_total', 'StatsD counter, gauge and set updates dropped because the name cap was reached.', counts.droppedNames);
}
