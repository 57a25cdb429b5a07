// The zoomtop library: instrumentation an app embeds. Importing it starts nothing and samples nothing.
export { record, recordForCamera, startTimer, timed, defaultRegistry, configureDefaultRegistry } from './timing/default-registry.js';
export { OperationRegistry, type OperationRegistryOptions, type CameraCost } from './timing/operation-registry.js';
export { StatsdReporter, type StatsdReporterOptions } from './statsd/reporter.js';
export type { Recorder, EndTimer } from './timing/recorder.js';
export type { OperationStats, StatsWindow } from './timing/types.js';
