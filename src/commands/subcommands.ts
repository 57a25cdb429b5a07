// The command-line face of the optimizer: plan, apply, undo, history (for SSH, cron and scripts), and init for zoomtop.yaml.
import { applyCommand } from './apply-command.js';
import { commandIo } from './command-io.js';
import type { CommandIo } from './command-io.js';
import { historyCommand } from './history-command.js';
import { initCommand } from './init-command.js';
import { planCommand } from './plan-command.js';
import { undoCommand } from './undo-command.js';

const COMMANDS: Record<string, (args: string[], io: CommandIo) => Promise<number>> = {
  plan: planCommand,
  apply: applyCommand,
  undo: undoCommand,
  history: historyCommand,
  init: initCommand,
};

export const SUBCOMMAND_USAGE = `Commands (each takes --help):
  zoomtop plan  [--app-config FILE] [--action ID]   print the planned change as a diff; writes nothing
  zoomtop apply --action ID [--app-config FILE] [--yes]
  zoomtop undo  [--app-config FILE]                 restore the config from its last apply's backup
  zoomtop history                                   applied and undone actions, with their effects
  (plan, apply, undo and history also take --config FILE: zoomtop.yaml, as for the dashboard)
  zoomtop init  [--config FILE] [--force]           write zoomtop.yaml with every default, commented
  zoomtop replay FILE [--speed N]                   play a --record recording in the dashboard
Exit codes: 0 done, 1 error, 2 nothing to do or zoomtop.yaml invalid.
`;

export function isSubcommand(word: string | undefined): boolean {
  return word !== undefined && Object.hasOwn(COMMANDS, word);
}

/** Runs `argv[0]` with the rest of argv; resolves with the exit code. */
export async function runSubcommand(argv: readonly string[], io: Partial<CommandIo> = {}): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  const handles = commandIo(io);
  if (command === undefined) {
    handles.stderr.write(`zoomtop: unknown command "${name ?? ''}"\n${SUBCOMMAND_USAGE}`);
    return 1;
  }
  return command(args, handles);
}
