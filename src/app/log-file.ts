// zoomtop's own log: lines appended to a file, because the screen belongs to the dashboard.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Logger = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

export function createFileLogger(file: string, now: () => number = Date.now): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: string, message: string) => {
    try {
      appendFileSync(file, `${new Date(now()).toISOString()} ${level} ${message.replace(/\n/g, '\\n')}\n`);
    } catch {
      // A full disk must not take the dashboard down; the log is a convenience.
    }
  };
  return {
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}
