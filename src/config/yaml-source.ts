// Parses ZoomCam YAML the way its Python reader sees it (YAML 1.1) and turns problems into one-line errors.
import { yamlLib } from './yaml-lib.js';
import type { Document, Node, Pair, YAMLError } from 'yaml';

export type ParsedYaml = { ok: true; doc: Document.Parsed; where: (offset: number) => string } | { ok: false; error: string };

/** What each yaml error code means for the operator, and the fix. */
const FIXES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'a key appears twice in the same mapping; keep one of them',
  MULTIPLE_DOCS: 'the file holds more than one YAML document (---); keep only the config document',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  TAG_RESOLVE_FAILED: 'remove the unknown !tag',
  RESOURCE_EXHAUSTION: 'too many aliases (*name); write the values out',
};

/**
 * "line:col" of `offset` in `text`. An error found at the very end (a bracket never closed) is put on
 * the last line, marked "end of file": the line after the final newline does not exist in an editor.
 */
export function sourcePosition(text: string, offset: number, lineCounter: { linePos(offset: number): { line: number; col: number } }): string {
  if (text.length > 0 && offset >= text.length) {
    const pos = lineCounter.linePos(text.endsWith('\n') ? text.length - 1 : text.length);
    return `${pos.line}:${pos.col} (end of file)`;
  }
  const pos = lineCounter.linePos(offset);
  return `${pos.line}:${pos.col}`;
}

/**
 * Parses `text` as YAML 1.1 (PyYAML reads `yes` as true, `010` as 8), refusing errors and
 * warnings alike: a config the app might read differently from us is not safe to edit.
 */
export function parseYamlSource(file: string, text: string): ParsedYaml {
  const lineCounter = new (yamlLib().LineCounter)();
  const doc = yamlLib().parseDocument(text, { version: '1.1', lineCounter, prettyErrors: false });
  const where = (offset: number): string => `${file}:${sourcePosition(text, offset, lineCounter)}`;
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) {
    const what = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? problem.code;
    const fix = FIXES[problem.code] ?? 'fix the YAML syntax there';
    return { ok: false, error: `${where(problem.pos[0])}: cannot read YAML: ${what}; ${fix}` };
  }
  return { ok: true, doc, where };
}

/** Dotted path for messages: cameras.front_door.resolution. */
export function dottedPath(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/**
 * Pairs of `map` whose key matches `key`: by resolved value or by source text, so the
 * numeric id `1:` answers to both 1 and "1".
 */
export function findPairs(map: Node, key: string | number): Pair[] {
  if (!yamlLib().isMap(map)) return [];
  const want = String(key);
  return map.items.filter((pair) => {
    const k = pair.key;
    if (!yamlLib().isScalar(k)) return false;
    if (k.value !== null && String(k.value) === want) return true;
    return k.source !== undefined && k.source === want;
  });
}

/** Start offset of a node for positions, falling back to 0 when it has none. */
export function nodeStart(node: unknown): number {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range?.[0] ?? 0;
}
