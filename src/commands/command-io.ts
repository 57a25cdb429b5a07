// The handles a subcommand uses (streams, env, data directory, clock, a question to the operator), injectable for tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Clock } from '../app/clock.js';
import { systemClock } from '../app/clock.js';
import { dataDir } from '../config/data-dir.js';

export type CommandIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** zoomtop's data directory (audit log, the demo's config copy); default dataDir(env). */
  dataDir: string;
  clock: Pick<Clock, 'now'>;
  /** Whether someone can answer a question: stdin and stderr are terminals. */
  interactive: boolean;
  /** Asks one question (on stderr) and resolves with the answer line. */
  ask(question: string): Promise<string>;
};

/** Exit codes of the subcommands; an invalid zoomtop.yaml exits 2, as it does for the dashboard. */
export const EXIT = { done: 0, error: 1, nothingToDo: 2, invalidConfig: 2 } as const;

/** Production handles, with any of them replaced. */
export function commandIo(overrides: Partial<CommandIo> = {}): CommandIo {
  const env = overrides.env ?? process.env;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env,
    dataDir: dataDir(env),
    clock: systemClock,
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    ask: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    ...overrides,
  };
}

/** --app-config as given, else zoomtop.yaml's app_config (`fromConfig`), else the demo's copy in the data directory when it exists. */
export function resolveAppConfigFile(given: string | undefined, io: CommandIo, fromConfig: string | null = null): { ok: true; file: string } | { ok: false; error: string } {
  if (given !== undefined) {
    if (given === '') return { ok: false, error: '--app-config is empty; give the path of the app\'s YAML config' };
    return { ok: true, file: path.resolve(given) };
  }
  if (fromConfig !== null) return { ok: true, file: fromConfig };
  const demoCopy = path.join(io.dataDir, 'zoomcam.yaml');
  if (existsSync(demoCopy)) return { ok: true, file: demoCopy };
  return {
    ok: false,
    error: `no --app-config given, no app_config in zoomtop.yaml, and the demo's copy ${demoCopy} does not exist; pass --app-config FILE, set app_config in zoomtop.yaml, or run zoomtop --demo once`,
  };
}
