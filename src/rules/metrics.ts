// Reads the figure a rule watches out of a snapshot; null when it is not known.
import type { PiHealthFigures, Snapshot } from '../store/snapshot.js';
import type { MetricId, PiMetricId } from './types.js';

/** Every metric a rule can name: the core ones and the Raspberry Pi health ones. */
export type AnyMetricId = MetricId | PiMetricId;

export function readMetric(snapshot: Snapshot, metric: AnyMetricId): number | null {
  switch (metric) {
    case 'cpuPercent':
      return snapshot.cpu.percent;
    case 'memoryPercent':
      return snapshot.memory.percent;
    case 'appFps':
      return snapshot.appFigures.fps;
    case 'diskWriteBytesPerSec':
      return snapshot.disk?.writeBytesPerSec ?? null;
    default:
      return readPiMetric(snapshot.pi, metric);
  }
}

/** Temperature in °C; a throttle flag as 1 while it holds now, 0 when not; null when not measured. */
export function readPiMetric(pi: PiHealthFigures | undefined, metric: PiMetricId): number | null {
  if (metric === 'socTemperatureC') return pi?.temperature.state === 'ok' ? pi.temperature.celsius : null;
  if (pi?.throttle.state !== 'ok') return null;
  const now = pi.throttle.now;
  const flag = {
    underVoltageNow: now.underVoltage,
    throttledNow: now.throttled,
    softTemperatureLimitNow: now.softTemperatureLimit,
    armFrequencyCappedNow: now.armFrequencyCapped,
  }[metric];
  return flag ? 1 : 0;
}

/** How a metric's value reads in an alert message. */
export function formatMetric(metric: AnyMetricId, value: number): string {
  switch (metric) {
    case 'cpuPercent':
    case 'memoryPercent':
      return `${value.toFixed(1)} %`;
    case 'appFps':
      return `${value.toFixed(1)} fps`;
    case 'diskWriteBytesPerSec':
      // The same unit as the rule's threshold (50 MiB/s by default).
      return `${(value / 1024 ** 2).toFixed(1)} MiB/s`;
    case 'socTemperatureC':
      return `${value.toFixed(1)} °C`;
    default:
      return value >= 0.5 ? 'yes' : 'no';
  }
}

/** What a metric is called in sentences shown to the operator. */
export function metricLabel(metric: AnyMetricId): string {
  switch (metric) {
    case 'cpuPercent':
      return 'machine CPU';
    case 'memoryPercent':
      return 'used memory';
    case 'appFps':
      return 'app frame rate';
    case 'diskWriteBytesPerSec':
      return 'disk writes';
    case 'socTemperatureC':
      return 'SoC temperature';
    case 'underVoltageNow':
      return 'under-voltage now';
    case 'throttledNow':
      return 'throttled now';
    case 'softTemperatureLimitNow':
      return 'soft temperature limit now';
    case 'armFrequencyCappedNow':
      return 'ARM frequency capped now';
  }
}
