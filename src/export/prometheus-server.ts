// Serves /metrics over node:http for Prometheus to scrape; loopback unless an address is given.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text.js';

export type PrometheusServerOptions = {
  /** Address to listen on; anything but loopback exposes the figures to the network, so it must be asked for. @default '127.0.0.1' */
  host?: string;
  /** TCP port; 0 picks a free one. Prometheus exporters conventionally use 9100-9999. */
  port: number;
  /** Produces the scrape body (e.g. () => renderPrometheus(...)); a throw answers 500 and is counted. */
  render: () => string;
  /** Told of a render failure (e.g. to log it). @default none */
  onError?: (error: unknown) => void;
};

export type PrometheusServer = {
  address: { host: string; port: number };
  /** Scrapes answered, render failures, other requests refused. */
  readonly stats: { scrapes: number; renderErrors: number; refused: number };
  close(): Promise<void>;
};

export function startPrometheusServer(options: PrometheusServerOptions): Promise<PrometheusServer> {
  const { host = '127.0.0.1', port, render } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(new Error(`Prometheus port ${port} is not a TCP port (0-65535); pass --prometheus HOST:PORT, e.g. 127.0.0.1:9464`));
  }
  const stats = { scrapes: 0, renderErrors: 0, refused: 0 };
  const server = createServer((request, response) => answer(request, response, options, stats));
  // A scraper that never reads must not hold sockets open forever.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    const onListenError = (error: NodeJS.ErrnoException): void => reject(new Error(listenErrorMessage(error, host, port)));
    server.once('error', onListenError);
    server.listen(port, host, () => {
      server.off('error', onListenError);
      const bound = server.address();
      const actualPort = typeof bound === 'object' && bound !== null ? bound.port : port;
      let closing: Promise<void> | undefined;
      resolve({ address: { host, port: actualPort }, stats, close: () => (closing ??= closeServer(server)) });
    });
  });
}

function answer(request: IncomingMessage, response: ServerResponse, options: PrometheusServerOptions, stats: PrometheusServer['stats']): void {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== '/metrics') {
    stats.refused++;
    return send(response, 404, 'not found: Prometheus metrics are at /metrics\n');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    stats.refused++;
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, 405, `method ${request.method} not allowed: use GET /metrics\n`);
  }
  let body: string;
  try {
    body = options.render();
  } catch (error) {
    stats.renderErrors++;
    options.onError?.(error);
    return send(response, 500, `zoomtop could not render the metrics: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
  }
  stats.scrapes++;
  // Encoded once: the length and the body come from the same bytes.
  const bytes = Buffer.from(body, 'utf8');
  response.writeHead(200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Content-Length': bytes.length });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive scrapers would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}

function listenErrorMessage(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const fix = 'pass --prometheus HOST:PORT with a free port, e.g. 127.0.0.1:9464';
  switch (error.code) {
    case 'EADDRINUSE':
      return `Prometheus port ${where} is in use; ${fix}`;
    case 'EACCES':
      return `Prometheus port ${where} needs privileges (ports below 1024 need root); ${fix}`;
    case 'EADDRNOTAVAIL':
      return `Prometheus address ${where} is not an address of this machine; ${fix}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Prometheus host ${host} cannot be resolved; ${fix}`;
    default:
      return `Prometheus cannot listen on ${where}: ${error.code ?? error.message}; ${fix}`;
  }
}
