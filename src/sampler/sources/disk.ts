// Disk source: whole-machine read and write bytes per second from /proc/diskstats, over the real time between reads.
import { systemClock, type Clock } from '../../app/clock.js';
import type { DiskSample, Source, UnavailableSample } from '../types.js';
import { CounterRates } from './counter-rates.js';
import { KeptFile } from './kept-file.js';
import { isMissing, procFiles } from './proc-files.js';

export type DiskSourceOptions = {
  /** Default 1000. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** Where proc/diskstats and sys/block are read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Time for sample stamps and elapsed time; default systemClock. */
  clock?: Clock;
};

const NAME = 'disk';
/** /proc/diskstats counts 512-byte sectors whatever the device's real sector size. */
const SECTOR_BYTES = 512;
/** Devices that are not disks (memory, loop files) or sit on other disks (device mapper, RAID): counting them double-counts or lies. */
const VIRTUAL = /^(loop|ram|zram|dm-|md|nbd|sr|fd)\d*/;
/** Partitions, for when /sys/block cannot be listed: sda1, vdb2, nvme0n1p1, mmcblk0p2, mmcblk0boot0. */
const PARTITION = /^((s|h|v|xv)d[a-z]+\d+|(nvme\d+n\d+|mmcblk\d+)p\d+|mmcblk\d+(boot\d+|rpmb))$/;

type DiskCounters = { readBytes: number; writeBytes: number };

/** One DiskSample per read; the first read's rates are null (they need two readings). */
export function createDiskSource(options: DiskSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  const rates = new CounterRates(['readBytes', 'writeBytes'] as const);
  const diskstats = new KeptFile();

  function wholeDisks(): Set<string> | null {
    try {
      return new Set(files.listSync('sys/block'));
    } catch {
      // No sysfs (a container, a test tree without it): fall back on the names.
      return null;
    }
  }

  return {
    name: NAME,
    intervalMs: options.intervalMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read(): Promise<(DiskSample | UnavailableSample)[]> {
      let text: string;
      try {
        text = diskstats.read(files.where('proc/diskstats'));
      } catch (error) {
        if (!isMissing(error)) throw error;
        rates.reset();
        return [{ kind: 'unavailable', atMs: clock.now(), source: NAME, reason: `${files.where('proc/diskstats')} not readable: disk rates need Linux` }];
      }
      const disks = wholeDisks();
      const atMs = clock.now();
      const totals: DiskCounters = { readBytes: 0, writeBytes: 0 };
      const devices: string[] = [];
      for (const [name, counters] of parseDiskstats(text, files.where('proc/diskstats'))) {
        if (VIRTUAL.test(name) || (disks ? !disks.has(name) : PARTITION.test(name))) continue;
        devices.push(name);
        totals.readBytes += counters.readBytes;
        totals.writeBytes += counters.writeBytes;
      }
      const perSec = rates.update(atMs, totals);
      return [{ kind: 'disk', atMs, readBytesPerSec: perSec.readBytes, writeBytesPerSec: perSec.writeBytes, devices }];
    },
    close() {
      rates.reset();
      diskstats.close();
    },
  };
}

/** Device name -> cumulative bytes read and written, from the text of /proc/diskstats. */
export function parseDiskstats(text: string, where = '/proc/diskstats'): Map<string, DiskCounters> {
  const out = new Map<string, DiskCounters>();
  for (const [index, line] of text.split('\n').entries()) {
    const fields = line.trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === '') continue;
    // major minor name reads merged sectors_read ms writes merged sectors_written ...
    const sectorsRead = Number(fields[5]);
    const sectorsWritten = Number(fields[9]);
    if (fields.length < 14 || !Number.isSafeInteger(sectorsRead) || !Number.isSafeInteger(sectorsWritten)) {
      throw new Error(`${where} line ${index + 1} "${line.trim().slice(0, 60)}" is not a diskstats line (major minor name and 11+ counters)`);
    }
    out.set(fields[2] as string, { readBytes: sectorsRead * SECTOR_BYTES, writeBytes: sectorsWritten * SECTOR_BYTES });
  }
  return out;
}
