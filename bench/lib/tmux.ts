// A private tmux server for the dashboard bench: one session per tool, output counted with pipe-pane, screen read with capture-pane.
import { execFileSync } from 'node:child_process';

export type BenchTmux = {
  /**
   * Starts `command` (a shell command line) in a new cols x rows session, held until start(): the
   * pane's output is piped to `outputFile` first, so the count includes the tool's very first byte.
   */
  open(session: string, command: string, outputFile: string, cols: number, rows: number): { pid: number };
  /** Releases a session opened with open(): its command starts now. */
  start(session: string): void;
  capture(session: string): string;
  kill(session: string): void;
  close(): void;
};

export { tmuxAvailable } from '../../test/helpers/tmux.js';

/** Quotes one word for sh. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function openBenchTmux(): BenchTmux {
  const socket = `zoomtop-bench-${process.pid}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // A session that outlives the tools': the server would otherwise exit with the last tool's
  // session and race the next new-session (and forget its options).
  tmux('new-session', '-d', '-s', 'keeper', 'cat');
  tmux('set-option', '-g', 'status', 'off');
  return {
    open(session, command, outputFile, cols, rows) {
      // `read` holds the tool until start(), so pipe-pane is in place before it writes anything.
      const held = `sh -c ${shellQuote(`read _ && exec ${command}`)}`;
      tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), held);
      tmux('pipe-pane', '-O', '-t', session, `cat > ${shellQuote(outputFile)}`);
      const [pid, size] = tmux('display-message', '-p', '-t', session, '#{pane_pid} #{pane_width}x#{pane_height}').trim().split(' ');
      if (size !== `${cols}x${rows}`) throw new Error(`tmux pane ${session} is ${size}, not ${cols}x${rows}; is the tmux version older than 2.9?`);
      return { pid: Number(pid) };
    },
    start(session) {
      tmux('send-keys', '-t', session, 'Enter');
    },
    capture(session) {
      return tmux('capture-pane', '-p', '-t', session);
    },
    kill(session) {
      try {
        tmux('kill-session', '-t', session);
      } catch {
        // already gone
      }
    },
    close() {
      try {
        tmux('kill-server');
      } catch {
        // no sessions left: the server has exited by itself
      }
    },
  };
}
