// The default thresholds and suggestions, as data: the original design's levels, with hysteresis and durations added.
import type { AlertRule, PiMetricId, SuggestionRule } from './types.js';

const MACHINE_ALERT_RULES: readonly AlertRule[] = [
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

const MACHINE_SUGGESTION_RULES: readonly SuggestionRule[] = [
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

/** SoC temperature levels (°C): the Pi firmware caps the ARM clock from about 80 °C and throttles hard at 85 °C. */
export const SOC_TEMPERATURE_WARNING_C = 80;
export const SOC_TEMPERATURE_CRITICAL_C = 85;

/**
 * Raspberry Pi health alerts. Flags read 1 while they hold: above 0.5 raises, back to 0 clears.
 */
export const PI_ALERT_RULES: readonly AlertRule<PiMetricId>[] = [
  flagAlert('pi-under-voltage', 'underVoltageNow', 'critical', 'under-voltage now: the supply cannot hold 5 V'),
  flagAlert('pi-throttled', 'throttledNow', 'warning', 'throttled now: the firmware is slowing the SoC'),
  flagAlert('pi-soft-temperature-limit', 'softTemperatureLimitNow', 'warning', 'soft temperature limit now: the ARM clock is lowered'),
  {
    id: 'soc-temperature-high',
    metric: 'socTemperatureC',
    level: 'warning',
    above: SOC_TEMPERATURE_WARNING_C,
    clearBelow: SOC_TEMPERATURE_WARNING_C - 3,
    minDurationMs: 3000,
    message: 'SoC temperature high: {value}',
  },
  {
    id: 'soc-temperature-critical',
    metric: 'socTemperatureC',
    level: 'critical',
    above: SOC_TEMPERATURE_CRITICAL_C,
    clearBelow: SOC_TEMPERATURE_CRITICAL_C - 3,
    minDurationMs: 3000,
    message: 'SoC temperature critical: {value}',
  },
];

/** Raspberry Pi health suggestions: each says why, and offers the actions that lower the load. */
export const PI_SUGGESTION_RULES: readonly SuggestionRule<PiMetricId>[] = [
  {
    id: 'pi-under-voltage',
    metric: 'underVoltageNow',
    above: 0.5,
    forMs: 0,
    expireAfterMs: 30000,
    text: 'under-voltage: the supply cannot hold 5 V under this load; use the official supply (Pi 4: 5.1 V 3 A, Pi 5: 5.1 V 5 A) or lower the camera load',
    impact: 'high',
    effort: 'low',
    priority: 1,
    // The cure is the supply, which no action can change: the operator decides whether to shed load meanwhile.
    automated: false,
    actionIds: ['lower-resolution', 'lower-fps'],
  },
  {
    id: 'pi-throttled',
    metric: 'throttledNow',
    above: 0.5,
    forMs: 5000,
    expireAfterMs: 30000,
    text: 'throttled: the firmware is slowing the SoC (heat or power); lower the camera load, then check the cooling and the supply',
    impact: 'high',
    effort: 'medium',
    priority: 1,
    automated: true,
    actionIds: ['lower-resolution', 'lower-fps'],
  },
  {
    id: 'pi-soft-temperature-limit',
    metric: 'softTemperatureLimitNow',
    above: 0.5,
    forMs: 5000,
    expireAfterMs: 30000,
    text: 'soft temperature limit: the firmware lowered the ARM clock to cool the SoC; add a heatsink or fan, or lower the camera load',
    impact: 'medium',
    effort: 'medium',
    priority: 2,
    automated: true,
    actionIds: ['lower-resolution', 'lower-fps'],
  },
  {
    id: 'soc-hot',
    metric: 'socTemperatureC',
    above: SOC_TEMPERATURE_WARNING_C,
    forMs: 10000,
    expireAfterMs: 60000,
    text: `SoC above ${SOC_TEMPERATURE_WARNING_C} °C: the firmware throttles from here; improve the cooling (heatsink, fan, airflow) or lower the camera load`,
    impact: 'medium',
    effort: 'medium',
    priority: 2,
    automated: true,
    actionIds: ['lower-resolution', 'lower-fps'],
  },
];

function flagAlert(id: string, metric: PiMetricId, level: AlertRule['level'], message: string): AlertRule<PiMetricId> {
  return { id, metric, level, above: 0.5, clearBelow: 0.5, minDurationMs: 0, message };
}

/** Every default alert rule: the original's machine thresholds, then a Pi's health (silent elsewhere: no readings). */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [...MACHINE_ALERT_RULES, ...PI_ALERT_RULES];

export const DEFAULT_SUGGESTION_RULES: readonly SuggestionRule[] = [...MACHINE_SUGGESTION_RULES, ...PI_SUGGESTION_RULES];
