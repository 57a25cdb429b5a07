// The zoomtop library: instrumentation an app embeds. Importing it starts nothing and samples nothing.
export { record, recordForCamera, startTimer, timed, defaultRegistry, configureDefaultRegistry } from './timing/default-registry.js';
export { OperationRegistry, type OperationRegistryOptions, type CameraCost } from './timing/operation-registry.js';
export { StatsdReporter, type StatsdReporterOptions } from './statsd/reporter.js';
export type { Recorder, EndTimer } from './timing/recorder.js';
export type { OperationStats, StatsWindow } from './timing/types.js';
export { Profiler, type StartOptions } from './profiler/profiler.js';
export { createDefaultSources, type ProfilerOptions, type SourceContext } from './profiler/profiler-options.js';
export type { SnapshotRecord, SnapshotMetric, MetricFigures } from './profiler/snapshot-record.js';
export { SNAPSHOT_METRICS } from './profiler/snapshot-record.js';
export type { ProfilerSummary } from './profiler/summary.js';
export type { ComponentMetrics, OperationMetrics } from './profiler/component-metrics.js';
export type { ExportData, ExportFormat } from './profiler/export.js';
export type { ProfilerEvent, ProfilerEvents, Listener } from './profiler/events.js';
export type { MemorySnapshot, AllocationSite, HeapProfilerPort } from './profiler/memory-tracking.js';
export { monitor, measure, type RecorderTarget } from './profiler/decorators.js';
export { ResourceMonitor, type ResourceMonitorOptions, type ResourceSummary } from './profiler/resource-monitor.js';
export {
  Optimizer,
  type OptimizerOptions,
  type OptimizationPlan,
  type PlannedChange,
  type SkippedAction,
  type HistoryEntry,
  type ApplyOutcome,
} from './profiler/optimizer.js';
export type { ZoomcamConfig } from './profiler/optimizer-config.js';
export {
  globalProfiler,
  configureGlobalProfiler,
  startGlobalProfiling,
  stopGlobalProfiling,
  getPerformanceSummary,
  recordOperation,
} from './profiler/global-profiler.js';
export type { AlertEntry, AlertRule, Suggestion, SuggestionRule } from './rules/types.js';
export { DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES } from './rules/default-rules.js';
