// Thermal source: the SoC temperature from the kernel's thermal zones (no program spawned, unlike systeminformation).
import { systemClock, type Clock } from '../../app/clock.js';
import type { Source, ThermalSample, UnavailableSample } from '../types.js';
import { isMissing, procFiles, type ProcFiles } from './proc-files.js';

export type PiThermalSourceOptions = {
  /** Default 2000. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** Where sys/class/thermal is read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Default systemClock. */
  clock?: Clock;
};

export const PI_THERMAL_SOURCE = 'pi-thermal';
const THERMAL_DIR = 'sys/class/thermal';
/** Zone types that measure the SoC or CPU package: a Pi's "cpu-thermal", a PC's "x86_pkg_temp". */
const SOC_ZONE = /^(cpu|soc)[-_]thermal$|^x86_pkg_temp$|^cpu/i;

type Zone = { zone: string; zoneType: string };

/** One ThermalSample per read, from the SoC zone (else the first zone); `unavailable` with no zone. */
export function createPiThermalSource(options: PiThermalSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  // Zones do not come and go while the machine runs: choose once, choose again only if it vanishes.
  let chosen: Zone | null = null;

  return {
    name: PI_THERMAL_SOURCE,
    intervalMs: options.intervalMs ?? 2000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read(): Promise<(ThermalSample | UnavailableSample)[]> {
      chosen ??= await chooseZone(files);
      if (chosen === null) {
        const reason = `no thermal zone: ${files.where(THERMAL_DIR)} has no thermal_zone* (a container or VM?)`;
        return [{ kind: 'unavailable', atMs: clock.now(), source: PI_THERMAL_SOURCE, reason }];
      }
      const path = `${THERMAL_DIR}/${chosen.zone}/temp`;
      let text: string;
      try {
        text = await files.readText(path);
      } catch (error) {
        if (isMissing(error)) chosen = null;
        throw error;
      }
      return [{ kind: 'thermal', atMs: clock.now(), ...chosen, temperatureC: parseMillidegrees(text, files.where(path)) }];
    },
  };
}

async function chooseZone(files: ProcFiles): Promise<Zone | null> {
  let entries: string[];
  try {
    entries = await files.list(THERMAL_DIR);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const zones = entries.filter((name) => /^thermal_zone\d+$/.test(name)).sort((a, b) => zoneNumber(a) - zoneNumber(b));
  const typed: Zone[] = [];
  for (const zone of zones) {
    const zoneType = await files.readText(`${THERMAL_DIR}/${zone}/type`).then((text) => text.trim(), () => '');
    typed.push({ zone, zoneType });
  }
  return typed.find((zone) => SOC_ZONE.test(zone.zoneType)) ?? typed[0] ?? null;
}

function zoneNumber(name: string): number {
  return Number(name.slice('thermal_zone'.length));
}

/** A zone's `temp` file: integer millidegrees Celsius, e.g. "52350". */
export function parseMillidegrees(text: string, where = 'temp'): number {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) throw new Error(`${where} is "${trimmed.slice(0, 40)}", not millidegrees Celsius (an integer)`);
  return Number(trimmed) / 1000;
}
