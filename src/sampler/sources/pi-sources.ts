// The Raspberry Pi health sources together, sharing one root directory, command runner and clock.
import type { Clock } from '../../app/clock.js';
import type { Source } from '../types.js';
import type { CommandRunner } from './command-runner.js';
import { createPiClockSource } from './pi-clock.js';
import { createPiModelSource } from './pi-model.js';
import { createPiThermalSource } from './pi-thermal.js';
import { createPiThrottleSource } from './pi-throttle.js';

export type PiSourcesOptions = {
  /** Where proc/ and sys/ are read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Runs vcgencmd (only where sysfs lacks the figure); default defaultCommandRunner. */
  run?: CommandRunner;
  /** Interval of the temperature, throttle and clock sources; default 2000. The model is read every 60 s. */
  intervalMs?: number;
  /** vcgencmd is spawned at most once per this by any one source; default 5000. */
  commandIntervalMs?: number;
  /** Default systemClock. */
  clock?: Clock;
};

/**
 * pi-model, pi-thermal, pi-throttle and pi-clock. On a machine that is not a Pi each says
 * `unavailable` with its reason (the temperature and clock still read where a PC has them).
 */
export function createPiSources(options: PiSourcesOptions = {}): Source[] {
  const { rootDir, run, clock, intervalMs, commandIntervalMs } = options;
  return [
    createPiModelSource({ rootDir, run, clock }),
    createPiThermalSource({ rootDir, clock, intervalMs }),
    createPiThrottleSource({ rootDir, run, clock, intervalMs, commandIntervalMs }),
    createPiClockSource({ rootDir, clock, intervalMs }),
  ];
}
