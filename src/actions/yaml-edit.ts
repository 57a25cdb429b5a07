// Applies ConfigPatch[] to YAML text by splicing only each edited value's source; every other byte stays.
import { isDeepStrictEqual } from 'node:util';
import { yamlLib } from '../config/yaml-lib.js';
import type { Document, Node, Scalar } from 'yaml';
import { dottedPath, findPairs, nodeStart, parseYamlSource } from '../config/yaml-source.js';
import type { ConfigPatch } from './types.js';
import { formatScalar } from './yaml-scalar.js';
import type { ScalarStyle } from './yaml-scalar.js';

export type ApplyPatchesOptions = {
  /** Name used in error messages; default "config". */
  file?: string;
};

export type EditResult = { ok: true; text: string } | { ok: false; error: string };

/**
 * Applies patches in order; all or nothing. Refuses aliases, values shared through anchors,
 * block scalars, explicit non-string tags, missing paths and values that differ from
 * `patch.from` (the file changed since planning).
 */
export function applyPatches(text: string, patches: readonly ConfigPatch[], options: ApplyPatchesOptions = {}): EditResult {
  const file = options.file ?? 'config';
  let current = text;
  for (const patch of patches) {
    const result = applyPatch(file, current, patch);
    if (!result.ok) return result;
    current = result.text;
  }
  return { ok: true, text: current };
}

type Located = { ok: true; node: Scalar; ancestors: Node[] } | { ok: false; offset: number; message: string };

function applyPatch(file: string, text: string, patch: ConfigPatch): EditResult {
  const at = dottedPath(patch.path);
  const before = parseYamlSource(file, text);
  if (!before.ok) return before;
  const fail = (offset: number, message: string): EditResult => ({ ok: false, error: `${before.where(offset)}: ${message}` });
  const found = locate(before.doc, patch.path);
  if (!found.ok) return fail(found.offset, found.message);
  const { node, ancestors } = found;
  const start = nodeStart(node);
  const shared = sharedAnchor(before.doc, [...ancestors, node]);
  if (shared !== null) {
    return fail(start, `${at} is under &${shared}, which *${shared} reuses elsewhere; changing it would change those too, so edit it by hand`);
  }
  const style = node.type;
  if (style !== 'PLAIN' && style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE') {
    return fail(start, `${at} is a block scalar (| or >); write it on one line, e.g. "resolution: 1280x720", then re-plan`);
  }
  if (node.tag !== undefined && !(node.tag === 'tag:yaml.org,2002:str' && typeof patch.to === 'string')) {
    return fail(start, `${at} has an explicit tag (${node.tag}); remove the tag or edit it by hand`);
  }
  if (node.value !== patch.from) {
    return fail(start, `${at} is ${show(node.value)} now, not ${show(patch.from)} as planned; the file changed, re-plan`);
  }
  const written = formatScalar(patch.to, style as ScalarStyle);
  if (!written.ok) return fail(start, `${at}: ${written.error}`);
  const range = node.range as [number, number, number];
  const after = text.slice(0, range[0]) + written.source + text.slice(range[1]);
  return checkEdit(file, before.doc, node, after, patch, () => fail(start, `${at}: writing ${written.source} would not read back as ${show(patch.to)}; edit it by hand`));
}

/** Walks key by key; numeric ids match by number or string. */
function locate(doc: Document.Parsed, path: readonly (string | number)[]): Located {
  if (path.length === 0) return { ok: false, offset: 0, message: 'patch has an empty path; name the key to change' };
  let node: unknown = doc.contents;
  const ancestors: Node[] = [];
  for (const [index, key] of path.entries()) {
    const prefix = dottedPath(path.slice(0, index)) || 'the document';
    const offset = nodeStart(node);
    if (yamlLib().isAlias(node)) {
      return { ok: false, offset, message: `${prefix} is an alias (*${node.source}); edit the anchored value (&${node.source}) by hand` };
    }
    if (!yamlLib().isMap(node)) {
      return { ok: false, offset, message: `${prefix} is not a mapping, so ${dottedPath(path)} does not exist; re-plan` };
    }
    ancestors.push(node);
    const pairs = findPairs(node, key);
    if (pairs.length > 1) {
      return { ok: false, offset: nodeStart(pairs[1]?.key), message: `${dottedPath(path.slice(0, index + 1))} matches more than one key; make the keys distinct` };
    }
    const pair = pairs[0];
    if (pair === undefined) {
      const merged = findPairs(node, '<<').length > 0;
      const why = merged ? 'is not written here (it may come from a merge key <<); edit it by hand' : 'does not exist in the file; re-plan';
      return { ok: false, offset, message: `${dottedPath(path.slice(0, index + 1))} ${why}` };
    }
    node = pair.value;
    if (node === null || node === undefined) {
      return { ok: false, offset: nodeStart(pair.key), message: `${dottedPath(path.slice(0, index + 1))} has no value; re-plan` };
    }
  }
  const at = dottedPath(path);
  if (yamlLib().isAlias(node)) {
    return { ok: false, offset: nodeStart(node), message: `${at} is an alias (*${node.source}); edit the anchored value (&${node.source}) by hand` };
  }
  if (!yamlLib().isScalar(node)) {
    const kind = yamlLib().isMap(node) ? 'a mapping' : yamlLib().isSeq(node) ? 'a list' : 'not a value';
    return { ok: false, offset: nodeStart(node), message: `${at} is ${kind}, not a single value; re-plan` };
  }
  return { ok: true, node, ancestors };
}

/** The first anchor on `nodes` that some alias in the document refers to, else null. */
function sharedAnchor(doc: Document.Parsed, nodes: readonly Node[]): string | null {
  const aliased = new Set<string>();
  yamlLib().visit(doc, { Alias: (_key, alias) => void aliased.add(alias.source) });
  for (const node of nodes) {
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined && aliased.has(anchor)) return anchor;
  }
  return null;
}

/**
 * Proves the edit: the new text parses cleanly and reads as the old document with only
 * this one value changed. Guards against any quoting or context mistake above.
 */
function checkEdit(file: string, doc: Document.Parsed, node: Scalar, after: string, patch: ConfigPatch, onMismatch: () => EditResult): EditResult {
  const reparsed = parseYamlSource(file, after);
  if (!reparsed.ok) return onMismatch();
  try {
    node.value = patch.to;
    if (!isDeepStrictEqual(reparsed.doc.toJS(), doc.toJS())) return onMismatch();
  } catch (err) {
    return { ok: false, error: `${file}: ${(err as Error).message}; write the values out instead of aliasing them` };
  }
  return { ok: true, text: after };
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
