// Every way out (quit, signals, crashes) runs the same cleanup once, then exits with the right code.

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131 } as const;
type GuardedSignal = keyof typeof SIGNAL_EXIT_CODES;

export type ExitProcess = Pick<NodeJS.Process, 'on' | 'off' | 'exit'> & {
  stderr: { write(text: string): unknown };
  /** For a hangup, to end by the signal itself (see exit). Without them a hangup exits 129. */
  kill?: (pid: number, signal: NodeJS.Signals) => unknown;
  pid?: number;
  removeAllListeners?: (event: string) => unknown;
};

export type ExitGuardOptions = {
  /** Restores the terminal; must be synchronous so it runs even on the way out of a crash. */
  restoreTerminal: () => void;
  /** Stops children and closes sockets; given at most `stopTimeoutMs` before exit happens anyway. */
  stop: () => Promise<void>;
  /** Default 3000. */
  stopTimeoutMs?: number;
  /**
   * The terminal's input. Its end means the terminal is gone: a hangup. Node does not let a signal
   * keep the process alive, so once the input has closed, the SIGHUP may never be handled and the
   * process would just run out of work, skipping the cleanup. Default: process.stdin when `proc` is
   * the real process, else none.
   */
  input?: { once(event: 'end', listener: () => void): unknown; on?(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown };
  /** Told why zoomtop is leaving, before anything else happens (e.g. to write it to the log). Default: nothing. */
  onExit?: (code: number, reason: string) => void;
  proc?: ExitProcess;
};

export type ExitGuard = {
  /** Cleans up, prints `message` (if any) on the restored screen, and exits with `code`; later calls are ignored. */
  exit(code: number, message?: string, reason?: string): Promise<void>;
};

export function installExitGuard(options: ExitGuardOptions): ExitGuard {
  const proc = options.proc ?? process;
  const stopTimeoutMs = options.stopTimeoutMs ?? 3000;
  let exiting = false;

  const exit = async (code: number, message?: string, reason = message ?? `exit ${code}`, signal?: GuardedSignal): Promise<void> => {
    if (exiting) return;
    exiting = true;
    try {
      options.onExit?.(code, reason);
    } catch {
      // logging must never stand between the user and a usable terminal
    }
    try {
      options.restoreTerminal();
    } catch {
      // The terminal may already be gone (SIGHUP); stopping children still matters.
    }
    // Printed after the restore, so it lands on the normal screen and stays readable.
    try {
      if (message) proc.stderr.write(`${message}\n`);
    } catch {
      // no terminal left to print on
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      // A stop that throws at once must not keep zoomtop from exiting either.
      Promise.resolve().then(options.stop).catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, stopTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (signal === 'SIGHUP' && proc.kill && proc.pid !== undefined && proc.removeAllListeners) {
      // After a hangup the terminal is gone. Node's own exit then puts back the terminal settings it
      // found at start, gets EIO, and aborts on an assertion (exit 134, a core file, text on a dead
      // tty). A hung-up program ends by the signal instead: with no listener left it takes the
      // default action, which ends the process at once (status 129 to a shell) without that reset.
      proc.removeAllListeners('SIGHUP');
      proc.kill(proc.pid, 'SIGHUP');
      // Only reached where the signal did not end the process (a fake one, in tests).
      await new Promise((resolve) => setImmediate(resolve));
    }
    proc.exit(code);
  };

  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as GuardedSignal[]) {
    proc.on(signal, () => void exit(SIGNAL_EXIT_CODES[signal], undefined, signal, signal));
  }
  const input = options.input ?? (proc === process ? process.stdin : undefined);
  input?.once('end', () => void exit(SIGNAL_EXIT_CODES.SIGHUP, undefined, 'the terminal closed (hangup)', 'SIGHUP'));
  // EIO: the terminal is gone, or zoomtop no longer owns it (the shell that started it was killed and
  // took the terminal back). Either way nobody can use this dashboard any more: leave as for a hangup,
  // putting the screen back, instead of reporting a crash over the shell's prompt.
  input?.on?.('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EIO') void exit(SIGNAL_EXIT_CODES.SIGHUP, undefined, 'the terminal is gone (EIO on its input)', 'SIGHUP');
    else void exit(1, `zoomtop: reading the terminal failed: ${error.message}`);
  });
  proc.on('uncaughtException', (error: Error) => void exit(1, `zoomtop crashed: ${error.stack ?? error.message}`));
  proc.on('unhandledRejection', (reason: unknown) => void exit(1, `zoomtop crashed: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  return { exit };
}
