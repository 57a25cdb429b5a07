// Drives a real terminal for end-to-end tests: a private tmux server, a shell in a pane, keys in, screen out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type TmuxPane = {
  /** Types text into the pane; `enter` presses Enter afterwards. */
  type(text: string, enter?: boolean): void;
  /** Sends tmux key names (e.g. 'C-c', 'Escape', 'Up'). */
  keys(...names: string[]): void;
  capture(): string;
  /** Polls the screen until `predicate` holds or `timeoutMs` passes; returns the last screen. */
  waitFor(predicate: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
  resize(cols: number, rows: number): void;
  /** A tmux format about the pane, e.g. '#{cursor_flag}' (1 = cursor visible), '#{alternate_on}'. */
  display(format: string): string;
  /** A scratch directory used as HOME, so zoomtop's data never touches the real one. */
  home: string;
  /** Kills the tmux server, as a dropped SSH connection would: the pane's processes get SIGHUP. HOME is kept. */
  hangUp(): void;
  close(): void;
};

/**
 * zoomtop and demo processes of a pane: children of its shell, or node processes whose arguments
 * name the scratch HOME (an orphaned demo would). `shellPid` is '#{pane_pid}'; pass '' once the pane is gone.
 */
export function paneProcesses(home: string, shellPid: string): { pid: number; args: string }[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, ppid, ...args]) => pid && ((shellPid !== '' && ppid === shellPid) || (args.join(' ').includes(home) && args[0]?.endsWith('node'))))
    .map(([pid, , ...args]) => ({ pid: Number(pid), args: args.join(' ') }));
}

/** Polls `read` until `predicate` holds or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(read: () => T, predicate: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!predicate(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = read();
  }
  return value;
}

export function tmuxAvailable(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function openTmuxPane(options: { cols?: number; rows?: number; term?: string; env?: Record<string, string> } = {}): TmuxPane {
  const socket = `zoomtop-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const home = mkdtempSync(join(tmpdir(), 'zoomtop-home-'));
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const env = { HOME: home, PS1: 'READY$ ', TERM: options.term ?? 'xterm-256color', LANG: 'C.UTF-8', ...options.env };
  const exports = Object.entries(env).map(([k, v]) => `${k}='${v}'`).join(' ');
  tmux('new-session', '-d', '-s', 'main', '-x', String(options.cols ?? 120), '-y', String(options.rows ?? 40), `env -i PATH="${process.env.PATH}" ${exports} bash --norc --noprofile`);
  // tmux sets TERM inside the pane from its own default-terminal; the test's TERM is forced per command instead.
  tmux('set-option', '-g', 'status', 'off');
  const pane: TmuxPane = {
    home,
    type: (text, enter = true) => {
      tmux('send-keys', '-t', 'main', '-l', text);
      if (enter) tmux('send-keys', '-t', 'main', 'Enter');
    },
    keys: (...names) => void tmux('send-keys', '-t', 'main', ...names),
    capture: () => tmux('capture-pane', '-p', '-t', 'main'),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      let screen = pane.capture();
      while (!predicate(screen) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        screen = pane.capture();
      }
      return screen;
    },
    display: (format) => tmux('display-message', '-p', '-t', 'main', format).trim(),
    resize: (cols, rows) => void tmux('resize-window', '-t', 'main', '-x', String(cols), '-y', String(rows)),
    hangUp: () => {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    },
    close: () => {
      pane.hangUp();
      // Processes in the pane may still be writing their logs for a moment.
      try {
        rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        // a leftover scratch directory in /tmp is harmless
      }
    },
  };
  return pane;
}
