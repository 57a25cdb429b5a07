// Runs a program with fixed arguments (never through a shell) and a hard timeout; injectable for tests.
import { execFile, type ExecFileException } from 'node:child_process';

export type CommandOutput = { stdout: string; stderr: string };

/**
 * Runs `file` with `args`; resolves with its output when it exits 0, rejects with a CommandError
 * otherwise. The program is killed once `timeoutMs` has passed.
 */
export type CommandRunner = (file: string, args: readonly string[], options: { timeoutMs: number }) => Promise<CommandOutput>;

/** Why a command did not produce output: callers branch on `kind`, never on message text. */
export type CommandFailure = 'not-found' | 'timed-out' | 'exit' | 'other';

export class CommandError extends Error {
  constructor(
    message: string,
    readonly kind: CommandFailure,
    /** Exit code for kind 'exit', else null. */
    readonly exitCode: number | null = null,
    readonly output: CommandOutput = { stdout: '', stderr: '' },
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Output above this is not a status line; cap it so a runaway program cannot fill memory. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

export const defaultCommandRunner: CommandRunner = (file, args, { timeoutMs }) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true, encoding: 'utf8' },
      (error: ExecFileException | null, stdout: string, stderr: string) => {
        if (!error) {
          resolve({ stdout, stderr });
          return;
        }
        reject(toCommandError(error, file, timeoutMs, { stdout, stderr }));
      },
    );
  });

function toCommandError(error: ExecFileException, file: string, timeoutMs: number, output: CommandOutput): CommandError {
  if (error.code === 'ENOENT') {
    return new CommandError(`${file} is not installed (not found on PATH)`, 'not-found', null, output);
  }
  if (error.killed && error.signal === 'SIGKILL') {
    return new CommandError(`${file} timed out after ${timeoutMs} ms`, 'timed-out', null, output);
  }
  if (typeof error.code === 'number') {
    const detail = firstLine(output.stdout) || firstLine(output.stderr);
    const message = `${file} exited with code ${error.code}${detail ? `: ${detail}` : ''}`;
    return new CommandError(message, 'exit', error.code, output);
  }
  return new CommandError(`${file} failed: ${error.message}`, 'other', null, output);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
