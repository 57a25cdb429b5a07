// Command line of the demo child: `--config FILE --statsd HOST:PORT`, with one-line errors.
import { parseArgs } from 'node:util';

export type DemoArgs = { configFile: string; statsdHost: string; statsdPort: number };

const USAGE = 'usage: node dist/src/demo/main.js --config FILE --statsd HOST:PORT';

/** Parses argv (without node and the script); throws an Error whose message is one line. */
export function parseDemoArgs(argv: string[]): DemoArgs {
  let values: { config?: string | undefined; statsd?: string | undefined };
  try {
    ({ values } = parseArgs({ args: argv, options: { config: { type: 'string' }, statsd: { type: 'string' } }, strict: true }));
  } catch (err) {
    throw new Error(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  if (!values.config) throw new Error(`--config: missing; ${USAGE}`);
  if (!values.statsd) throw new Error(`--statsd: missing; ${USAGE}`);
  return { configFile: values.config, ...parseStatsdAddress(values.statsd) };
}

/** "HOST:PORT" or "[IPv6]:PORT" -> host and port. */
export function parseStatsdAddress(address: string): { statsdHost: string; statsdPort: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(address);
  const port = match ? Number(match[3]) : NaN;
  if (!match || !(port >= 1 && port <= 65535)) {
    throw new Error(`--statsd: "${address}" is not HOST:PORT; write e.g. 127.0.0.1:8125`);
  }
  return { statsdHost: match[1] ?? match[2] ?? '', statsdPort: port };
}
