// Finds, reads and validates zoomtop.yaml: every problem at once, one line each (file:line:col, key, value, fix).
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import { yamlLib } from './yaml-lib.js';
import { sourcePosition } from './yaml-source.js';
import type { Document, YAMLError } from 'yaml';
import { defaultConfigFile } from './config-dir.js';
import { checkZoomtopConfig } from './zoomtop-config-checks.js';
import { DEFAULT_ZOOMTOP_CONFIG } from './zoomtop-config-defaults.js';
import type { ZoomtopConfig } from './zoomtop-config-defaults.js';
import { substituteEnv } from './zoomtop-config-env.js';
import { schemaProblems } from './zoomtop-config-errors.js';
import { toZoomtopConfig } from './zoomtop-config-map.js';
import { displayPath, keyPathAt, offsetOf } from './zoomtop-config-problems.js';
import type { Problem } from './zoomtop-config-problems.js';
import type { RawZoomtopConfig } from './zoomtop-config-raw.js';
import { ZOOMTOP_SCHEMA } from './zoomtop-config-schema.js';

export type ZoomtopConfigEnv = Record<string, string | undefined>;

export type ZoomtopConfigFs = { readFile(file: string): Promise<Uint8Array> };

export type LoadZoomtopConfigOptions = {
  /** From --config: this file, which must exist. Default: $XDG_CONFIG_HOME/zoomtop/zoomtop.yaml when it exists, else the defaults. */
  file?: string;
  /** For ${VAR}, XDG_CONFIG_HOME and HOME; default process.env. */
  env?: ZoomtopConfigEnv;
  /** File access; default node:fs/promises. */
  fs?: ZoomtopConfigFs;
  /** Larger files are refused before parsing; default 1 MiB. */
  maxBytes?: number;
};

export type LoadZoomtopConfigResult = { ok: true; config: ZoomtopConfig; file: string | null } | { ok: false; errors: string[] };

const nodeFs: ZoomtopConfigFs = { readFile: (file) => readFile(file) };

/** The config to run with: from --config, else the XDG file if present, else every default (file: null). */
export async function loadZoomtopConfig(options: LoadZoomtopConfigOptions = {}): Promise<LoadZoomtopConfigResult> {
  const env = options.env ?? process.env;
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const given = options.file !== undefined;
  if (given && options.file === '') return { ok: false, errors: ['--config is empty; give the path of a zoomtop.yaml (zoomtop init --config FILE writes one)'] };
  const file = given ? path.resolve(options.file!) : defaultConfigFile(env);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !given) return { ok: true, config: structuredClone(DEFAULT_ZOOMTOP_CONFIG), file: null };
    if (code === 'ENOENT') return { ok: false, errors: [`${file}: no such file (from --config); check the path, or write one with "zoomtop init --config ${file}"`] };
    return { ok: false, errors: [`${file}: cannot read (${(err as Error).message}); check the path and permissions`] };
  }
  if (bytes.length > maxBytes) return { ok: false, errors: [`${file}: ${bytes.length} bytes is over the ${maxBytes}-byte limit for zoomtop.yaml; is this the right file?`] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, errors: [`${file}: is not UTF-8 text; save it as UTF-8`] };
  }
  return parseZoomtopConfig(file, text, env);
}

const YAML_FIXES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'appears twice in the same mapping; keep one of them',
  MULTIPLE_DOCS: 'the file holds more than one YAML document (---); keep one',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  RESOURCE_EXHAUSTION: 'too many aliases (*name); write the values out',
};

/** The pure half of loadZoomtopConfig: the text of `file` in, the config or every problem out. */
export function parseZoomtopConfig(file: string, text: string, env: ZoomtopConfigEnv = {}): LoadZoomtopConfigResult {
  const lineCounter = new (yamlLib().LineCounter)();
  const doc = yamlLib().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (problems: Problem[]): LoadZoomtopConfigResult => ({ ok: false, errors: toLines(file, problems, (offset) => sourcePosition(text, offset, lineCounter)) });
  const problems = [...doc.errors, ...doc.warnings].map((e) => yamlProblem(doc, e));
  // Duplicate keys leave a whole document to check; other syntax errors may not.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return fail(problems);
  const envProblems = substituteEnv(doc, env);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    return fail([...problems, { offset: 0, message: `${(err as Error).message}; write the values out instead of aliasing them` }]);
  }
  const validate = validator();
  const found: Problem[] = validate(data) ? [] : schemaProblems(validate.errors ?? [], doc);
  for (const p of checkZoomtopConfig(data)) found.push({ offset: offsetOf(doc, p.path), message: p.message });
  // A value whose ${VAR} failed is reported once, for the variable, not again for its shape.
  const envOffsets = new Set(envProblems.map((p) => p.offset));
  problems.push(...envProblems, ...found.filter((p) => !envOffsets.has(p.offset)));
  if (problems.length > 0) return fail(problems);
  const home = env.HOME || homedir();
  return { ok: true, config: toZoomtopConfig(data as RawZoomtopConfig, { file, home }), file };
}

let compiled: ValidateFunction | null = null;

/** Compiled on first use: a dashboard without a config file never pays for it. */
/** ajv is loaded only when a zoomtop.yaml is read: importing it costs about 10 MB of resident memory. */
function validator(): ValidateFunction {
  if (!compiled) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
    compiled = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(ZOOMTOP_SCHEMA);
  }
  return compiled;
}

function yamlProblem(doc: Document, error: YAMLError): Problem {
  const what = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
  if (error.code === 'DUPLICATE_KEY') {
    const keyPath = keyPathAt(doc, error.pos[0]);
    if (keyPath) return { offset: error.pos[0], message: `${displayPath(keyPath)}: key ${YAML_FIXES.DUPLICATE_KEY}` };
  }
  return { offset: error.pos[0], message: `cannot read YAML: ${what}; ${YAML_FIXES[error.code] ?? 'fix the YAML syntax there'}` };
}

/** file:line:col: message, in file order. */
function toLines(file: string, problems: Problem[], position: (offset: number) => string): string[] {
  return [...problems].sort((a, b) => a.offset - b.offset).map((p) => `${file}:${position(p.offset)}: ${p.message}`);
}
