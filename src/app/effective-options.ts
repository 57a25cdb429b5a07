// The options a run uses: the command line wins over zoomtop.yaml, which wins over the defaults.
import type { ZoomtopConfig } from '../config/zoomtop-config-defaults.js';
import type { Options } from './options.js';

export function effectiveOptions(options: Options, config: ZoomtopConfig): Options {
  return {
    ...options,
    intervalMs: options.given.interval ? options.intervalMs : config.intervalMs,
    statsd: options.given.statsd ? options.statsd : config.statsd,
    logLevel: options.given.logLevel ? options.logLevel : config.logLevel,
    // With --demo the demo works on its own copy: a real app config is only edited when named on the command line.
    appConfig: options.appConfig ?? (options.demo ? null : config.appConfig),
    theme: options.theme ?? config.theme,
  };
}
