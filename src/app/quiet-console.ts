// While the dashboard owns the screen, console output and process warnings go to the log instead of over the panels.
import { format } from 'node:util';
import type { Logger } from './log-file.js';

type ConsoleLike = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
type WarningEmitter = { emitWarning: NodeJS.Process['emitWarning'] };

/**
 * Sends console.log/info/debug to log.info or log.debug and console.warn/error and
 * process.emitWarning to log.warn. Returns the function that puts the originals back.
 */
export function redirectConsole(log: Logger, target: ConsoleLike = console, proc: WarningEmitter = process): () => void {
  const original = { log: target.log, info: target.info, warn: target.warn, error: target.error, debug: target.debug, emitWarning: proc.emitWarning };
  const to = (write: (m: string) => void) => (...args: unknown[]) => write(format(...args));
  target.log = to(log.info);
  target.info = to(log.info);
  target.debug = to(log.debug);
  target.warn = to(log.warn);
  target.error = to(log.error);
  proc.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? `${rest[0]}: ` : '';
    log.warn(`${type}${warning instanceof Error ? `${warning.name}: ${warning.message}` : warning}`);
  }) as NodeJS.Process['emitWarning'];
  return () => {
    Object.assign(target, { log: original.log, info: original.info, warn: original.warn, error: original.error, debug: original.debug });
    proc.emitWarning = original.emitWarning;
  };
}
