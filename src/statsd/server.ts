// A UDP StatsD listener: binds, raises its receive buffer, hands each datagram on; bind failures become one-line errors.
import dgram from 'node:dgram';
import { isIP } from 'node:net';

export type DatagramHandler = (datagram: Buffer, from: { address: string; port: number }) => void;

export type StatsdServerOptions = {
  /** Address to listen on. @default '127.0.0.1' */
  host?: string;
  /** UDP port; 0 picks a free one. @default 8125 */
  port?: number;
  /** Called for every datagram; a throw is counted in handlerErrors, never propagated. */
  onDatagram: DatagramHandler;
  /** Receive buffer to ask for, bytes; the kernel may grant less (or report double). @default 4 MiB */
  receiveBufferBytes?: number;
  /** Called for socket errors after binding (the socket stays open). @default ignore (counted) */
  onError?: (error: Error) => void;
  /** Socket factory, injectable for tests. @default dgram.createSocket */
  createSocket?: (type: 'udp4' | 'udp6') => dgram.Socket;
};

export type StatsdServer = {
  address: { host: string; port: number };
  /** The receive buffer size the kernel reports after the attempt to raise it; null if unreadable. */
  receiveBufferBytes: number | null;
  /** Datagrams received, handler throws and socket errors so far. */
  readonly stats: { datagrams: number; handlerErrors: number; socketErrors: number };
  close(): Promise<void>;
};

export function startStatsdServer(options: StatsdServerOptions): Promise<StatsdServer> {
  const { host = '127.0.0.1', port = 8125, onDatagram, receiveBufferBytes = 4 * 1024 * 1024 } = options;
  const createSocket = options.createSocket ?? ((type: 'udp4' | 'udp6') => dgram.createSocket(type));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(new Error(`StatsD port ${port} is not a UDP port (0-65535); pass --statsd HOST:PORT, e.g. 127.0.0.1:8125`));
  }
  const socket = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4');
  const stats = { datagrams: 0, handlerErrors: 0, socketErrors: 0 };
  return new Promise((resolve, reject) => {
    const onBindError = (error: NodeJS.ErrnoException): void => {
      closeQuietly(socket);
      reject(new Error(bindErrorMessage(error, host, port)));
    };
    socket.once('error', onBindError);
    socket.bind(port, host, () => {
      socket.off('error', onBindError);
      socket.on('error', (error) => {
        stats.socketErrors++;
        options.onError?.(error);
      });
      socket.on('message', (datagram, from) => {
        stats.datagrams++;
        try {
          // rinfo already has address and port: no copy per datagram.
          onDatagram(datagram, from);
        } catch {
          stats.handlerErrors++;
        }
      });
      const bound = socket.address();
      let closing: Promise<void> | undefined;
      resolve({
        address: { host: bound.address, port: bound.port },
        receiveBufferBytes: raiseReceiveBuffer(socket, receiveBufferBytes),
        stats,
        close: () => (closing ??= new Promise<void>((done) => closeQuietly(socket, done))),
      });
    });
  });
}

function closeQuietly(socket: dgram.Socket, done: () => void = () => {}): void {
  try {
    socket.close(done);
  } catch {
    // Already closed: nothing left to release.
    done();
  }
}

/** A larger buffer absorbs bursts while the event loop is busy drawing; failure only costs drops. */
function raiseReceiveBuffer(socket: dgram.Socket, bytes: number): number | null {
  try {
    socket.setRecvBufferSize(bytes);
  } catch {
    // Capped by net.core.rmem_max or unsupported: keep what the kernel gave.
  }
  try {
    return socket.getRecvBufferSize();
  } catch {
    return null;
  }
}

function bindErrorMessage(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const fix = 'pass --statsd HOST:PORT or --no-statsd';
  switch (error.code) {
    case 'EADDRINUSE':
      return `StatsD port ${where} is in use; ${fix}`;
    case 'EACCES':
      return `StatsD port ${where} needs privileges (ports below 1024 need root); ${fix}`;
    case 'EADDRNOTAVAIL':
      return `StatsD address ${where} is not an address of this machine; ${fix}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `StatsD host ${host} cannot be resolved; ${fix}`;
    default:
      return `StatsD cannot listen on ${where}: ${error.code ?? error.message}; ${fix}`;
  }
}
