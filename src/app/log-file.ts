// zoomtop's own log: JSON lines appended to a file (pino's line format), because the screen belongs to the dashboard.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Logger = {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
};

/** pino's numbers, so pino-pretty and jq filters written for pino read the file as it is. */
const PINO_LEVEL: Record<LogLevel, number> = { error: 50, warn: 40, info: 30, debug: 20 };

export type FileLoggerOptions = {
  /** Default Date.now. */
  now?: () => number;
  /** Lines below this level are not written. Default 'info'. */
  level?: LogLevel;
  /** At open, a file larger than this is moved to <file>.1 (one old file kept). Default 5 MiB. */
  maxBytes?: number;
  /** Default process.pid. */
  pid?: number;
  /** Default fs.appendFileSync. */
  append?: (file: string, text: string) => void;
};

export function createFileLogger(file: string, options: FileLoggerOptions = {}): Logger {
  const { now = Date.now, level = 'info', maxBytes = 5 * 1024 * 1024, pid = process.pid, append = appendFileSync } = options;
  mkdirSync(dirname(file), { recursive: true });
  try {
    if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
  const threshold = PINO_LEVEL[level];
  const write = (name: LogLevel, msg: string) => {
    if (PINO_LEVEL[name] < threshold) return;
    try {
      append(file, `${JSON.stringify({ level: PINO_LEVEL[name], time: now(), pid, msg })}\n`);
    } catch {
      // A full disk must not take the dashboard down; the log is a convenience.
    }
  };
  return {
    error: (m) => write('error', m),
    warn: (m) => write('warn', m),
    info: (m) => write('info', m),
    debug: (m) => write('debug', m),
  };
}
