// A scripted command runner: answers by "file arg arg", records every call.
import { CommandError, type CommandRunner } from '../../../src/sampler/sources/command-runner.js';

export type Call = { file: string; args: readonly string[]; timeoutMs: number };

/** Answers map "vcgencmd get_throttled" -> stdout or a CommandError; anything unscripted fails the test loudly. */
export function fakeRunner(answers: Record<string, string | CommandError>) {
  const calls: Call[] = [];
  const run: CommandRunner = async (file, args, { timeoutMs }) => {
    calls.push({ file, args, timeoutMs });
    const answer = answers[[file, ...args].join(' ')];
    if (answer === undefined) throw new Error(`unscripted command: ${[file, ...args].join(' ')}`);
    if (answer instanceof CommandError) throw answer;
    return { stdout: answer, stderr: '' };
  };
  return { run, calls };
}

export const notInstalled = (file: string) => new CommandError(`${file} is not installed (not found on PATH)`, 'not-found');
