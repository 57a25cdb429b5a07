// Everything the profiler knows as one plain document (ISO times, units in key names), written as JSON or YAML.
import { yamlLib } from '../config/yaml-lib.js';
import type { AlertEntry, Suggestion } from '../rules/types.js';
import type { ComponentMetrics, OperationMetrics } from './component-metrics.js';
import type { MetricFigures, SnapshotRecord } from './snapshot-record.js';
import type { ProfilerSummary } from './summary.js';

export type ExportFormat = 'json' | 'yaml';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'yaml'];

export type ExportedSnapshot = MetricFigures & { at: string };
export type ExportedOperation = Omit<OperationMetrics, 'window'> & { window: { label: string; start: string; end: string } };

export type ExportData = {
  exportedAt: string;
  running: boolean;
  intervalMs: number | null;
  baseline: ExportedSnapshot | null;
  snapshots: ExportedSnapshot[];
  components: Record<string, { lastUpdate: string | null; operations: Record<string, ExportedOperation> }>;
  suggestions: (Omit<Suggestion, 'sinceMs'> & { since: string })[];
  alerts: (Omit<AlertEntry, 'firstAtMs' | 'lastAtMs' | 'lastSeenMs'> & { firstAt: string; lastAt: string; lastSeen: string })[];
  gauges: Record<string, number>;
  summary: (Omit<ProfilerSummary, 'fromMs' | 'toMs' | 'current'> & { from: string; to: string; current: ExportedSnapshot }) | null;
};

export type ExportInputs = {
  nowMs: number;
  running: boolean;
  intervalMs: number | null;
  baseline: SnapshotRecord | undefined;
  snapshots: readonly SnapshotRecord[];
  components: readonly ComponentMetrics[];
  suggestions: readonly Suggestion[];
  alerts: readonly AlertEntry[];
  gauges: Record<string, number>;
  summary: ProfilerSummary | undefined;
};

const iso = (ms: number): string => new Date(ms).toISOString();

function exportSnapshot(record: SnapshotRecord): ExportedSnapshot {
  const { atMs, ...figures } = record;
  return { at: iso(atMs), ...figures };
}

export function toExportData(inputs: ExportInputs): ExportData {
  const components: ExportData['components'] = {};
  for (const c of inputs.components) {
    const operations = Object.entries(c.operations).map(([name, op]): [string, ExportedOperation] => [
      name,
      { ...op, window: { label: op.window.label, start: iso(op.window.startMs), end: iso(op.window.endMs) } },
    ]);
    components[c.component] = { lastUpdate: c.lastUpdate, operations: Object.fromEntries(operations) };
  }
  const summary = inputs.summary;
  return {
    exportedAt: iso(inputs.nowMs),
    running: inputs.running,
    intervalMs: inputs.intervalMs,
    baseline: inputs.baseline ? exportSnapshot(inputs.baseline) : null,
    snapshots: inputs.snapshots.map(exportSnapshot),
    components,
    suggestions: inputs.suggestions.map(({ sinceMs, ...s }) => ({ ...s, actionIds: [...s.actionIds], since: iso(sinceMs) })),
    alerts: inputs.alerts.map(({ firstAtMs, lastAtMs, lastSeenMs, ...a }) => ({
      ...a,
      firstAt: iso(firstAtMs),
      lastAt: iso(lastAtMs),
      lastSeen: iso(lastSeenMs),
    })),
    gauges: { ...inputs.gauges },
    summary: summary
      ? (({ fromMs, toMs, current, ...rest }) => ({ ...rest, from: iso(fromMs), to: iso(toMs), current: exportSnapshot(current) }))(summary)
      : null,
  };
}

/** JSON (2-space indented) or YAML text; any other format is an error, never a silent string. */
export function serializeExport(data: ExportData, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(data, null, 2)}\n`;
    case 'yaml':
      return yamlLib().stringify(data, { lineWidth: 0 });
    default:
      throw new Error(`Profiler.exportMetrics: format ${JSON.stringify(format)} is not supported; use "json" or "yaml"`);
  }
}
