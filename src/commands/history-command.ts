// zoomtop history: every applied and undone action from the audit log, oldest first, with its measured effect.
import { AuditLog, auditLogFile } from '../actions/audit-log.js';
import { formatHistoryEntry, joinHistory } from '../actions/audit-records.js';
import { parseCommandArgs } from './command-args.js';
import { loadCommandConfig } from './command-config.js';
import { EXIT } from './command-io.js';
import type { CommandIo } from './command-io.js';

export const HISTORY_USAGE = `Usage: zoomtop history [--config FILE]

Lists every applied and undone optimizer action from zoomtop's audit log, oldest first:
time, what, the change, its measured effect, the file. Damaged lines are skipped with a note.
zoomtop.yaml (--config FILE, else ~/.config/zoomtop/zoomtop.yaml when present) is checked as the
dashboard checks it.
Exit codes: 0 listed, 1 error, 2 zoomtop.yaml invalid.
`;

export async function historyCommand(args: string[], io: CommandIo): Promise<number> {
  const fail = (error: string): number => {
    io.stderr.write(`zoomtop history: ${error}\n`);
    return EXIT.error;
  };
  const parsed = parseCommandArgs('history', args, { config: { type: 'string' } });
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.values.help) {
    io.stdout.write(HISTORY_USAGE);
    return EXIT.done;
  }
  // Nothing in zoomtop.yaml changes the history, but a broken file is reported here as everywhere else.
  if ((await loadCommandConfig(parsed.values.config as string | undefined, io)) === null) return EXIT.invalidConfig;
  const audit = new AuditLog({ file: auditLogFile(io.dataDir) });
  let read;
  try {
    read = await audit.read();
  } catch (err) {
    return fail(`${audit.file}: cannot read the audit log (${(err as Error).message}); check its permissions`);
  }
  for (const problem of read.problems) io.stderr.write(`zoomtop history: warning: ${problem}\n`);
  const entries = joinHistory(read.records);
  if (entries.length === 0) {
    io.stdout.write(`no actions recorded yet in ${audit.file}\n`);
    return EXIT.done;
  }
  for (const entry of entries) io.stdout.write(`${formatHistoryEntry(entry)}\n`);
  return EXIT.done;
}
