// Parses a subcommand's words with node's parseArgs, turning its errors into one line that says the fix.
import { parseArgs } from 'node:util';

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

export type ParsedArgs = { ok: true; values: Record<string, string | boolean | undefined> } | { ok: false; error: string };

/** Every subcommand takes -h/--help besides its own options; no positionals. */
export function parseCommandArgs(command: string, args: string[], options: Record<string, OptionSpec>): ParsedArgs {
  try {
    const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    return { ok: true, values: values as Record<string, string | boolean | undefined> };
  } catch (error) {
    return { ok: false, error: `${(error as Error).message.split('\n')[0]}; see zoomtop ${command} --help` };
  }
}
