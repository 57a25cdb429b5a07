// Every way out (quit, signals, crashes) runs the same cleanup once, then exits with the right code.

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131 } as const;
type GuardedSignal = keyof typeof SIGNAL_EXIT_CODES;

export type ExitProcess = Pick<NodeJS.Process, 'on' | 'off' | 'exit'> & { stderr: { write(text: string): unknown } };

export type ExitGuardOptions = {
  /** Restores the terminal; must be synchronous so it runs even on the way out of a crash. */
  restoreTerminal: () => void;
  /** Stops children and closes sockets; given at most `stopTimeoutMs` before exit happens anyway. */
  stop: () => Promise<void>;
  /** Default 3000. */
  stopTimeoutMs?: number;
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

  const exit = async (code: number, message?: string, reason = message ?? `exit ${code}`): Promise<void> => {
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
    proc.exit(code);
  };

  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as GuardedSignal[]) {
    proc.on(signal, () => void exit(SIGNAL_EXIT_CODES[signal], undefined, signal));
  }
  proc.on('uncaughtException', (error: Error) => void exit(1, `zoomtop crashed: ${error.stack ?? error.message}`));
  proc.on('unhandledRejection', (reason: unknown) => void exit(1, `zoomtop crashed: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  return { exit };
}
