// zoomtop apply: previews an action, asks (or takes --yes), writes it atomically with a backup, and records it.
import { ACTION_IDS } from '../actions/action-table.js';
import { applyPlan } from '../actions/apply-plan.js';
import { AuditLog, auditLogFile } from '../actions/audit-log.js';
import { preparePlan } from '../actions/prepare-plan.js';
import { parseCommandArgs } from './command-args.js';
import { loadCommandConfig } from './command-config.js';
import { EXIT, resolveAppConfigFile } from './command-io.js';
import type { CommandIo } from './command-io.js';
import { describePrepared } from './plan-command.js';

export const APPLY_USAGE = `Usage: zoomtop apply --action ID [--app-config FILE] [--config FILE] [--yes]

Shows the change, asks y/N (or takes --yes), then writes it atomically, keeping a backup, and
records it in the audit log. Without --yes and without a terminal to ask on, nothing is written.
Actions: ${ACTION_IDS.join(', ')}.
zoomtop.yaml (--config FILE, else ~/.config/zoomtop/zoomtop.yaml when present) gives the app
config when --app-config is not given (else the demo's copy) and the
action settings (resolution ladder, fps step, floor, ceiling), as for the dashboard.
Exit codes: 0 applied, 1 error or not confirmed, 2 nothing to do or zoomtop.yaml invalid (nothing written).
`;

export async function applyCommand(args: string[], io: CommandIo): Promise<number> {
  const fail = (error: string): number => {
    io.stderr.write(`zoomtop apply: ${error}\n`);
    return EXIT.error;
  };
  const parsed = parseCommandArgs('apply', args, { 'app-config': { type: 'string' }, config: { type: 'string' }, action: { type: 'string' }, yes: { type: 'boolean', short: 'y' } });
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.values.help) {
    io.stdout.write(APPLY_USAGE);
    return EXIT.done;
  }
  const actionId = parsed.values.action as string | undefined;
  if (actionId === undefined) return fail(`--action ID is required; one of ${ACTION_IDS.join(', ')} (zoomtop plan shows what the first useful one would do)`);
  const config = await loadCommandConfig(parsed.values.config as string | undefined, io);
  if (config === null) return EXIT.invalidConfig;
  const resolved = resolveAppConfigFile(parsed.values['app-config'] as string | undefined, io, config.appConfig);
  if (!resolved.ok) return fail(resolved.error);
  const prepared = await preparePlan({ file: resolved.file, actionId, settings: config.actions });
  if (!prepared.ok) {
    io.stderr.write(`zoomtop apply: ${prepared.error}\n`);
    return prepared.nothingToDo ? EXIT.nothingToDo : EXIT.error;
  }
  io.stdout.write(describePrepared(prepared));
  if (parsed.values.yes !== true) {
    if (!io.interactive) return fail('not applied: there is no terminal to ask on; add --yes to apply without asking');
    const answer = await io.ask(`Apply this change to ${resolved.file}? [y/N] `);
    if (!/^\s*y(es)?\s*$/i.test(answer)) return fail('not applied (the answer was not y)');
  }
  const audit = new AuditLog({ file: auditLogFile(io.dataDir) });
  const result = await applyPlan({ ...prepared, trigger: 'cli', evidence: 'zoomtop apply on the command line', audit, clock: io.clock });
  if (!result.ok) return fail(result.error);
  io.stdout.write(`applied ${prepared.plan.actionId}: ${prepared.plan.summary}\n${result.detail}\n`);
  if (result.auditError) io.stderr.write(`zoomtop apply: warning: ${result.auditError}\n`);
  return EXIT.done;
}
