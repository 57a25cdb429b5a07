// The default thresholds and suggestions, as data: the original design's levels, with hysteresis and durations added.
import type { AlertRule, SuggestionRule } from './types.js';

export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  {
    id: 'cpu-high',
    metric: 'cpuPercent',
    level: 'warning',
    above: 85,
    clearBelow: 80,
    minDurationMs: 3000,
    message: 'machine CPU high: {value}',
  },
  {
    id: 'memory-high',
    metric: 'memoryPercent',
    level: 'warning',
    above: 85,
    clearBelow: 80,
    minDurationMs: 3000,
    message: 'memory high: {value}',
  },
  {
    // The original's 50 "MB/s" compared MiB; 50 MiB/s keeps its level, now as a real rate.
    id: 'disk-write-high',
    metric: 'diskWriteBytesPerSec',
    level: 'info',
    above: 50 * 1024 * 1024,
    clearBelow: 40 * 1024 * 1024,
    minDurationMs: 0,
    message: 'disk writes high: {value}',
  },
];

export const DEFAULT_SUGGESTION_RULES: readonly SuggestionRule[] = [
  {
    id: 'cpu-saturated',
    metric: 'cpuPercent',
    above: 95,
    forMs: 5000,
    expireAfterMs: 30000,
    text: 'lower camera resolution',
    impact: 'high',
    effort: 'medium',
    priority: 1,
    automated: true,
    // Two separate actions (the original matched words of the text and so never lowered the frame rate).
    actionIds: ['lower-resolution', 'lower-fps'],
  },
  {
    id: 'memory-exhausted',
    metric: 'memoryPercent',
    above: 95,
    forMs: 5000,
    expireAfterMs: 30000,
    text: 'free memory: clear caches, reduce buffers, restart components',
    impact: 'high',
    effort: 'low',
    priority: 1,
    automated: false,
    actionIds: [],
  },
];
