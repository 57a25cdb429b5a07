// zoomtop undo: restores the app config from the backup of its last applied action, if nothing changed it since.
import { AuditLog, auditLogFile } from '../actions/audit-log.js';
import { undoLast } from '../actions/undo.js';
import { parseCommandArgs } from './command-args.js';
import { loadCommandConfig } from './command-config.js';
import { EXIT, resolveAppConfigFile } from './command-io.js';
import type { CommandIo } from './command-io.js';

export const UNDO_USAGE = `Usage: zoomtop undo [--app-config FILE] [--config FILE]

Puts back, byte for byte, the app config as it was before its last applied action (from the
dashboard, auto mode or zoomtop apply). Refused when the file changed on disk since.
zoomtop.yaml (--config FILE, else ~/.config/zoomtop/zoomtop.yaml when present) gives the app
config when --app-config is not given (else the demo's copy).
Exit codes: 0 undone, 1 error or refused, 2 nothing to undo or zoomtop.yaml invalid (nothing written).
`;

export async function undoCommand(args: string[], io: CommandIo): Promise<number> {
  const fail = (error: string): number => {
    io.stderr.write(`zoomtop undo: ${error}\n`);
    return EXIT.error;
  };
  const parsed = parseCommandArgs('undo', args, { 'app-config': { type: 'string' }, config: { type: 'string' } });
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.values.help) {
    io.stdout.write(UNDO_USAGE);
    return EXIT.done;
  }
  const config = await loadCommandConfig(parsed.values.config as string | undefined, io);
  if (config === null) return EXIT.invalidConfig;
  const resolved = resolveAppConfigFile(parsed.values['app-config'] as string | undefined, io, config.appConfig);
  if (!resolved.ok) return fail(resolved.error);
  const audit = new AuditLog({ file: auditLogFile(io.dataDir) });
  const result = await undoLast({ file: resolved.file, audit, clock: io.clock, trigger: 'cli' });
  if (!result.ok) {
    io.stderr.write(`zoomtop undo: ${result.error}\n`);
    return result.nothingToDo ? EXIT.nothingToDo : EXIT.error;
  }
  const changes = result.record.changes.map((c) => `${c.key} ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`).join(', ');
  io.stdout.write(`undone ${result.apply.action} (applied ${result.apply.time}): ${changes}\n`);
  io.stdout.write(`${result.record.file} restored byte for byte from ${result.apply.backup}; the undone version is kept as ${result.record.backup}\n`);
  if (result.auditError) io.stderr.write(`zoomtop undo: warning: ${result.auditError}\n`);
  return EXIT.done;
}
