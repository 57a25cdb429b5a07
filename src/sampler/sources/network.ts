// Network source: whole-machine received and sent bytes per second from /proc/net/dev, over the real time between reads.
import { systemClock, type Clock } from '../../app/clock.js';
import type { NetworkSample, Source, UnavailableSample } from '../types.js';
import { CounterRates } from './counter-rates.js';
import { KeptFile } from './kept-file.js';
import { isMissing, procFiles } from './proc-files.js';

export type NetworkSourceOptions = {
  /** Default 1000. */
  intervalMs?: number;
  /** Default 2000. */
  timeoutMs?: number;
  /** Where proc/net/dev is read from; default "/" (tests point it at a fixture tree). */
  rootDir?: string;
  /** Count the loopback interface "lo" too; default false (local traffic such as StatsD is not network load). */
  includeLoopback?: boolean;
  /** Time for sample stamps and elapsed time; default systemClock. */
  clock?: Clock;
};

const NAME = 'network';

type NetCounters = { receivedBytes: number; sentBytes: number };

/** One NetworkSample per read; the first read's rates are null (they need two readings). */
export function createNetworkSource(options: NetworkSourceOptions = {}): Source {
  const files = procFiles(options.rootDir);
  const clock = options.clock ?? systemClock;
  const includeLoopback = options.includeLoopback ?? false;
  const rates = new CounterRates(['receivedBytes', 'sentBytes'] as const);
  const netDev = new KeptFile();

  return {
    name: NAME,
    intervalMs: options.intervalMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 2000,
    async read(): Promise<(NetworkSample | UnavailableSample)[]> {
      let text: string;
      try {
        text = netDev.read(files.where('proc/net/dev'));
      } catch (error) {
        if (!isMissing(error)) throw error;
        rates.reset();
        return [{ kind: 'unavailable', atMs: clock.now(), source: NAME, reason: `${files.where('proc/net/dev')} not readable: network rates need Linux` }];
      }
      const atMs = clock.now();
      const totals: NetCounters = { receivedBytes: 0, sentBytes: 0 };
      const interfaces: string[] = [];
      for (const [name, counters] of parseNetDev(text, files.where('proc/net/dev'))) {
        if (name === 'lo' && !includeLoopback) continue;
        interfaces.push(name);
        totals.receivedBytes += counters.receivedBytes;
        totals.sentBytes += counters.sentBytes;
      }
      const perSec = rates.update(atMs, totals);
      return [{ kind: 'network', atMs, receivedBytesPerSec: perSec.receivedBytes, sentBytesPerSec: perSec.sentBytes, interfaces }];
    },
    close() {
      rates.reset();
      netDev.close();
    },
  };
}

/** Interface -> cumulative bytes received and sent, from the text of /proc/net/dev. */
export function parseNetDev(text: string, where = '/proc/net/dev'): Map<string, NetCounters> {
  const out = new Map<string, NetCounters>();
  for (const [index, line] of text.split('\n').entries()) {
    // Two header lines ("Inter-|   Receive ...", " face |bytes ..."), then "  eth0: rx_bytes rx_packets ... tx_bytes ...".
    const colon = line.indexOf(':');
    if (colon < 0 || line.includes('|')) continue;
    const name = line.slice(0, colon).trim();
    const fields = line.slice(colon + 1).trim().split(/\s+/);
    const receivedBytes = Number(fields[0]);
    const sentBytes = Number(fields[8]);
    if (name === '' || fields.length < 16 || !Number.isSafeInteger(receivedBytes) || !Number.isSafeInteger(sentBytes)) {
      throw new Error(`${where} line ${index + 1} "${line.trim().slice(0, 60)}" is not an interface line (name: 8 receive and 8 transmit counters)`);
    }
    out.set(name, { receivedBytes, sentBytes });
  }
  return out;
}
