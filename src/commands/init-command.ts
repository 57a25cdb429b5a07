// zoomtop init: writes zoomtop.yaml with every setting at its default, commented, for the operator to edit.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultConfigFile } from '../config/config-dir.js';
import { PUBLISHED_SCHEMA_FILE } from '../config/zoomtop-config-schema.js';
import { renderZoomtopYaml } from '../config/zoomtop-config-template.js';
import { parseCommandArgs } from './command-args.js';
import { EXIT } from './command-io.js';
import type { CommandIo } from './command-io.js';

export const INIT_USAGE = `Usage: zoomtop init [--config FILE] [--force]

Writes zoomtop's own config with every setting at its default, each explained in a comment,
to FILE or else $XDG_CONFIG_HOME/zoomtop/zoomtop.yaml (~/.config/zoomtop/zoomtop.yaml), where
zoomtop finds it without --config. An existing file is kept unless --force is given.
Exit codes: 0 written, 1 error or the file exists.
`;

export async function initCommand(args: string[], io: CommandIo): Promise<number> {
  const fail = (error: string): number => {
    io.stderr.write(`zoomtop init: ${error}\n`);
    return EXIT.error;
  };
  const parsed = parseCommandArgs('init', args, { config: { type: 'string' }, force: { type: 'boolean' } });
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.values.help) {
    io.stdout.write(INIT_USAGE);
    return EXIT.done;
  }
  const given = parsed.values.config as string | undefined;
  if (given === '') return fail('--config is empty; give the path to write, e.g. --config ./zoomtop.yaml');
  const file = given === undefined ? defaultConfigFile(io.env) : path.resolve(given);
  const text = renderZoomtopYaml({ schemaRef: pathToFileURL(PUBLISHED_SCHEMA_FILE).href });
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (err) {
    // mkdir says EEXIST when a file stands where a folder should: not "the config exists".
    return fail(`${path.dirname(file)}: cannot create the folder (${(err as Error).message}); check the path and permissions`);
  }
  try {
    if (parsed.values.force) replaceFile(file, text);
    else createFile(file, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return fail(`${file} already exists; edit it, or pass --force to replace it with the defaults`);
    return fail(`${file}: cannot write (${(err as Error).message}); check the path and permissions`);
  }
  const start = given === undefined ? 'zoomtop' : `zoomtop --config ${file}`;
  io.stdout.write(`wrote ${file}: every setting at its default, with comments; edit it, then start ${start}\n`);
  return EXIT.done;
}

/** Creates `file`, failing with EEXIST when it is there: no check-then-write race. */
function createFile(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `file` atomically: a reader sees the old file or the new one, never half of one. */
function replaceFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    createFile(temp, text);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
