// A Recorder that sends timings, gauges and counters to a StatsD server in batched UDP datagrams, never throwing into the app.
import dgram from 'node:dgram';
import { isIP } from 'node:net';
import { systemClock, type Clock, type TimerHandle } from '../app/clock.js';
import type { EndTimer, Recorder } from '../timing/recorder.js';
import { startTimerWith, timedWith, type Stopwatch } from '../timing/timer.js';
import { formatTags, formatValue, normalizePrefix, sanitizeName } from './line-format.js';
import { MAX_DATAGRAM_BYTES } from './metric.js';

/** The part of a dgram socket the reporter uses. */
export type StatsdSocket = {
  send(datagram: Buffer, port: number, host: string, callback: (error: Error | null) => void): void;
  close(callback?: () => void): void;
};

export type StatsdReporterOptions = {
  /** StatsD server host. @default '127.0.0.1' */
  host?: string;
  /** StatsD server UDP port. @default 8125 */
  port?: number;
  /** Prepended to every name, joined with a dot ('zoomcam' -> 'zoomcam.camera.capture'). @default '' */
  prefix?: string;
  /** Most time a line waits before it is sent, ms. @default 100 */
  flushIntervalMs?: number;
  /** Largest datagram, bytes; 1432 fits a 1500-byte MTU with headers. @default 1432 */
  maxDatagramBytes?: number;
  /** Socket to send with (the reporter closes it). @default an unref'd dgram socket created on first send */
  socket?: StatsdSocket;
  /** Schedules the flush timer. @default systemClock (unref'd timers) */
  clock?: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  /** Monotonic ms reading for startTimer/timed. @default performance.now() */
  stopwatch?: Stopwatch;
};

export type StatsdTagMap = Readonly<Record<string, string>>;

export class StatsdReporter implements Recorder {
  /** lines queued, datagrams sent, send failures, lines dropped (invalid value, oversized, after close). */
  readonly stats = { lines: 0, datagrams: 0, sendErrors: 0, droppedLines: 0 };
  private readonly host: string;
  private readonly port: number;
  private readonly prefix: string;
  private readonly flushIntervalMs: number;
  private readonly maxDatagramBytes: number;
  private readonly clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  private readonly stopwatch: Stopwatch | undefined;
  private readonly boundRecord = this.record.bind(this);
  private socket: StatsdSocket | undefined;
  private pending = '';
  private pendingBytes = 0;
  private timer: TimerHandle | null = null;
  private inFlight = 0;
  private onDrained: (() => void) | null = null;
  private closing: Promise<void> | null = null;

  constructor(options: StatsdReporterOptions = {}) {
    const { host = '127.0.0.1', port = 8125, prefix = '', flushIntervalMs = 100, maxDatagramBytes = 1432 } = options;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`StatsdReporter: port must be 1-65535, got ${port}; StatsD listens on 8125 by default`);
    }
    if (!(flushIntervalMs > 0 && flushIntervalMs < Infinity)) {
      throw new Error(`StatsdReporter: flushIntervalMs must be a positive number of ms, got ${flushIntervalMs}; the default is 100`);
    }
    if (!Number.isInteger(maxDatagramBytes) || maxDatagramBytes < 64 || maxDatagramBytes > MAX_DATAGRAM_BYTES) {
      throw new Error(`StatsdReporter: maxDatagramBytes must be 64-${MAX_DATAGRAM_BYTES}, got ${maxDatagramBytes}; the default 1432 fits one Ethernet frame`);
    }
    this.host = host;
    this.port = port;
    this.prefix = normalizePrefix(prefix);
    this.flushIntervalMs = flushIntervalMs;
    this.maxDatagramBytes = maxDatagramBytes;
    this.socket = options.socket;
    this.clock = options.clock ?? systemClock;
    this.stopwatch = options.stopwatch;
  }

  record(component: string, operation: string, durationMs: number, success = true): void {
    this.timing(component, operation, durationMs, success, '');
  }

  /** Like record, tagged `|#camera:<camera>` so a receiver can split the cost per camera. */
  recordForCamera(component: string, operation: string, camera: string, durationMs: number, success = true): void {
    this.timing(component, operation, durationMs, success, formatTags({ camera }));
  }

  /** Sets a gauge; a negative value is sent as `0|g` then `-N|g`, since a bare `-N|g` means "decrease by N". */
  gauge(name: string, value: number, tags?: StatsdTagMap): void {
    if (!Number.isFinite(value)) return this.drop();
    const metric = this.prefix + sanitizeName(name);
    const tail = `|g${formatTags(tags)}`;
    const line = `${metric}:${formatValue(value)}${tail}`;
    this.queue(value < 0 ? `${metric}:0${tail}\n${line}` : line);
  }

  increment(name: string, n = 1, tags?: StatsdTagMap): void {
    if (!Number.isFinite(n)) return this.drop();
    this.queue(`${this.prefix}${sanitizeName(name)}:${formatValue(n)}|c${formatTags(tags)}`);
  }

  startTimer(component: string, operation: string): EndTimer {
    return startTimerWith(this.boundRecord, component, operation, this.stopwatch);
  }

  timed<T>(component: string, operation: string, fn: () => T): T {
    return timedWith(this.boundRecord, component, operation, fn, this.stopwatch);
  }

  /** Sends whatever is queued now. */
  flush(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pendingBytes > 0) this.sendPending();
  }

  /** Flushes, waits for sends in flight, closes the socket; later calls are dropped. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.flush();
      const finish = (): void => {
        try {
          this.socket?.close();
        } catch {
          // Already closed by someone else.
        }
        resolve();
      };
      if (this.inFlight === 0) finish();
      else this.onDrained = finish;
    });
    return this.closing;
  }

  private timing(component: string, operation: string, durationMs: number, success: boolean, tags: string): void {
    if (!(durationMs >= 0 && durationMs < Infinity)) return this.drop();
    const name = `${this.prefix}${sanitizeName(component)}.${sanitizeName(operation)}`;
    this.queue(`${name}:${formatValue(durationMs)}|ms${tags}`);
    if (!success) this.queue(`${name}.errors:1|c${tags}`);
  }

  private drop(): void {
    this.stats.droppedLines++;
  }

  /** Adds one line (or an inseparable pair) to the current datagram, sending it first when it would overflow. */
  private queue(line: string): void {
    if (this.closing) return this.drop();
    const bytes = Buffer.byteLength(line);
    if (bytes > MAX_DATAGRAM_BYTES) return this.drop();
    if (this.pendingBytes > 0 && this.pendingBytes + 1 + bytes > this.maxDatagramBytes) this.sendPending();
    this.pending = this.pendingBytes === 0 ? line : `${this.pending}\n${line}`;
    this.pendingBytes += this.pendingBytes === 0 ? bytes : bytes + 1;
    this.stats.lines++;
    // A single line longer than the limit goes alone rather than being lost.
    if (this.pendingBytes >= this.maxDatagramBytes) this.flush();
    else if (this.timer === null) this.timer = this.clock.setTimeout(() => this.onTimer(), this.flushIntervalMs);
  }

  private onTimer(): void {
    this.timer = null;
    this.flush();
  }

  private sendPending(): void {
    const datagram = Buffer.from(this.pending);
    this.pending = '';
    this.pendingBytes = 0;
    this.inFlight++;
    this.stats.datagrams++;
    try {
      (this.socket ??= this.createSocket()).send(datagram, this.port, this.host, (error) => this.sent(error));
    } catch {
      this.sent(new Error('send threw'));
    }
  }

  private sent(error: Error | null): void {
    this.inFlight--;
    if (error) this.stats.sendErrors++;
    if (this.inFlight === 0 && this.onDrained) {
      const drained = this.onDrained;
      this.onDrained = null;
      drained();
    }
  }

  private createSocket(): StatsdSocket {
    const socket = dgram.createSocket(isIP(this.host) === 6 ? 'udp6' : 'udp4');
    // An unhandled 'error' event would crash the app; failures are already counted through send callbacks.
    socket.on('error', () => {
      this.stats.sendErrors++;
    });
    socket.unref();
    return socket;
  }
}
