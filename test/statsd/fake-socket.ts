// A recording stand-in for a dgram socket: keeps what was sent, can fail sends, completes them when told.
import type { StatsdSocket } from '../../src/statsd/reporter.js';

export class FakeSocket implements StatsdSocket {
  readonly sent: { text: string; port: number; host: string }[] = [];
  closed = false;
  /** When set, send() throws this synchronously. */
  throwOnSend: Error | null = null;
  /** When set, the send callback gets this error. */
  failWith: Error | null = null;
  /** When false, callbacks wait for completeSends(). */
  autoComplete = true;
  private waiting: (() => void)[] = [];

  send(datagram: Buffer, port: number, host: string, callback: (error: Error | null) => void): void {
    if (this.throwOnSend) throw this.throwOnSend;
    this.sent.push({ text: datagram.toString('utf8'), port, host });
    const done = (): void => callback(this.failWith);
    if (this.autoComplete) done();
    else this.waiting.push(done);
  }

  completeSends(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const done of waiting) done();
  }

  close(callback?: () => void): void {
    this.closed = true;
    callback?.();
  }

  lines(): string[] {
    return this.sent.flatMap((d) => d.text.split('\n'));
  }
}
