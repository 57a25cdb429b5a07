// Pi throttle source: the firmware's get_throttled flags, from sysfs, else from vcgencmd on a slow spacing.
import { systemClock, type Clock } from '../../app/clock.js';
import type { Source, ThrottleFlags, ThrottleSample, UnavailableSample } from '../types.js';
import { CommandError, defaultCommandRunner, type CommandRunner } from './command-runner.js';
import { DEVICE_TREE_MODEL, readDeviceTreeModel } from './pi-model.js';
import { isMissing, procFiles } from './proc-files.js';

export type PiThrottleSourceOptions = {
  /** How often the flags are read; default 2000 (the sysfs node is a cheap read). */
  intervalMs?: number;
  /** Where sys/ and proc/ are read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Runs `vcgencmd get_throttled` where the sysfs node is absent (a Pi 5); default defaultCommandRunner. */
  run?: CommandRunner;
  /** vcgencmd is killed after this long; default 2000. */
  commandTimeoutMs?: number;
  /** vcgencmd is spawned at most once per this; reads in between return no sample. Default 5000. */
  commandIntervalMs?: number;
  /** After finding no flags to read (not a Pi, no vcgencmd), look again after this; default 60000. */
  retryMs?: number;
  /** Default systemClock. */
  clock?: Clock;
};

export const PI_THROTTLE_SOURCE = 'pi-throttle';
/** Where the Pi 4 and earlier kernels expose the firmware's flags (hex, no 0x). */
export const GET_THROTTLED_NODE = 'sys/devices/platform/soc/soc:firmware/get_throttled';

/** One ThrottleSample per read (or none between two vcgencmd spawns); `unavailable` off a Pi. */
export function createPiThrottleSource(options: PiThrottleSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  const run = options.run ?? defaultCommandRunner;
  const commandTimeoutMs = options.commandTimeoutMs ?? 2000;
  const commandIntervalMs = options.commandIntervalMs ?? 5000;
  const retryMs = options.retryMs ?? 60_000;
  let noFlags: { reason: string; retryAtMs: number } | null = null;
  let last: { spawnedAtMs: number; sample: ThrottleSample } | { spawnedAtMs: number; error: unknown } | null = null;

  function unavailable(reason: string): UnavailableSample[] {
    noFlags = { reason, retryAtMs: clock.now() + retryMs };
    return [{ kind: 'unavailable', atMs: clock.now(), source: PI_THROTTLE_SOURCE, reason }];
  }

  async function readSysfs(): Promise<ThrottleSample | null> {
    try {
      const text = await files.readText(GET_THROTTLED_NODE);
      return toSample(parseSysfsThrottled(text, files.where(GET_THROTTLED_NODE)), 'sysfs', clock.now());
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function readVcgencmd(): Promise<(ThrottleSample | UnavailableSample)[]> {
    if (noFlags && clock.now() < noFlags.retryAtMs) {
      return [{ kind: 'unavailable', atMs: clock.now(), source: PI_THROTTLE_SOURCE, reason: noFlags.reason }];
    }
    const model = await readDeviceTreeModel(files);
    if (model === null || !/^Raspberry Pi\b/.test(model)) {
      const why = model === null ? `${files.where(DEVICE_TREE_MODEL)} is absent` : `the board is "${model}"`;
      return unavailable(`not a Raspberry Pi: no firmware throttle flags (${why})`);
    }
    const nowMs = clock.now();
    if (last !== null && nowMs - last.spawnedAtMs < commandIntervalMs) {
      // Too soon to spawn again: repeat the last answer (its own time stamp) or the last failure.
      if ('error' in last) throw last.error;
      return [last.sample];
    }
    let sample: ThrottleSample;
    try {
      const { stdout } = await run('vcgencmd', ['get_throttled'], { timeoutMs: commandTimeoutMs });
      sample = toSample(parseVcgencmdThrottled(stdout), 'vcgencmd', clock.now());
    } catch (error) {
      if (error instanceof CommandError && error.kind === 'not-found') {
        last = null;
        return unavailable(`no throttle flags: ${files.where(GET_THROTTLED_NODE)} is absent and vcgencmd is not installed`);
      }
      last = { spawnedAtMs: nowMs, error };
      throw error;
    }
    noFlags = null;
    last = { spawnedAtMs: nowMs, sample };
    return [sample];
  }

  return {
    name: PI_THROTTLE_SOURCE,
    intervalMs: options.intervalMs ?? 2000,
    timeoutMs: commandTimeoutMs + 1000,
    async read() {
      const fromSysfs = await readSysfs();
      return fromSysfs ? [fromSysfs] : readVcgencmd();
    },
  };
}

/** Bits 0-3: under-voltage, ARM frequency capped, throttled, soft temperature limit, now; bits 16-19: the same since boot. */
export function decodeThrottled(raw: number): { now: ThrottleFlags; sinceBoot: ThrottleFlags } {
  const flags = (shift: number): ThrottleFlags => ({
    underVoltage: (raw >>> shift) % 2 === 1,
    armFrequencyCapped: (raw >>> (shift + 1)) % 2 === 1,
    throttled: (raw >>> (shift + 2)) % 2 === 1,
    softTemperatureLimit: (raw >>> (shift + 3)) % 2 === 1,
  });
  return { now: flags(0), sinceBoot: flags(16) };
}

/** The sysfs node holds the field in hex without "0x", e.g. "50005". */
export function parseSysfsThrottled(text: string, where = GET_THROTTLED_NODE): number {
  const trimmed = text.trim();
  if (!/^[0-9a-f]{1,8}$/i.test(trimmed)) throw new Error(`${where} is "${trimmed.slice(0, 40)}", not a hex bit field such as "50005"`);
  return Number.parseInt(trimmed, 16);
}

/** `vcgencmd get_throttled` prints "throttled=0x50005". */
export function parseVcgencmdThrottled(stdout: string): number {
  const match = /^throttled=0x([0-9a-f]{1,8})$/i.exec(stdout.trim());
  if (!match) throw new Error(`vcgencmd get_throttled printed "${stdout.trim().slice(0, 60)}"; expected "throttled=0x<hex>"`);
  return Number.parseInt(match[1] as string, 16);
}

function toSample(raw: number, via: ThrottleSample['via'], atMs: number): ThrottleSample {
  return { kind: 'pi-throttle', atMs, raw, via, ...decodeThrottled(raw) };
}
