// Reads the figure a rule watches out of a snapshot; null when it is not known.
import type { Snapshot } from '../store/snapshot.js';
import type { MetricId } from './types.js';

export function readMetric(snapshot: Snapshot, metric: MetricId): number | null {
  switch (metric) {
    case 'cpuPercent':
      return snapshot.cpu.percent;
    case 'memoryPercent':
      return snapshot.memory.percent;
    case 'appFps':
      return snapshot.appFigures.fps;
    case 'diskWriteBytesPerSec':
      return snapshot.disk?.writeBytesPerSec ?? null;
  }
}

/** How a metric's value reads in an alert message. */
export function formatMetric(metric: MetricId, value: number): string {
  switch (metric) {
    case 'cpuPercent':
    case 'memoryPercent':
      return `${value.toFixed(1)} %`;
    case 'appFps':
      return `${value.toFixed(1)} fps`;
    case 'diskWriteBytesPerSec':
      return `${(value / 1e6).toFixed(1)} MB/s`;
  }
}

/** What a metric is called in sentences shown to the operator. */
export function metricLabel(metric: MetricId): string {
  switch (metric) {
    case 'cpuPercent':
      return 'machine CPU';
    case 'memoryPercent':
      return 'used memory';
    case 'appFps':
      return 'app frame rate';
    case 'diskWriteBytesPerSec':
      return 'disk writes';
  }
}
