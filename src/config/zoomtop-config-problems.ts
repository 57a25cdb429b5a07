// One problem of zoomtop.yaml: where it is (a key path and the YAML node's offset) and one line of text.
import { yamlLib } from './yaml-lib.js';
import type { Document, Node } from 'yaml';

export type KeyPath = readonly (string | number)[];

/** A problem at a text offset; the loader turns the offset into file:line:col. */
export type Problem = { offset: number; message: string };

/** alerts[0].clear_below; the empty path reads "the file". */
export function displayPath(path: KeyPath): string {
  if (path.length === 0) return 'the file';
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/** A value as it reads in the file, cut short so the line stays one line. */
export function show(value: unknown): string {
  const text = value === undefined ? 'missing' : typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The value at `path` as show() writes it, plus how YAML read it where that differs from the text (0x480 is 1152). */
export function showAt(doc: Document, path: KeyPath, value: unknown): string {
  const node = nodeAt(doc, path);
  const source = yamlLib().isScalar(node) ? (node as { source?: unknown }).source : undefined;
  if (typeof value !== 'number' || typeof source !== 'string' || source === String(value)) return show(value);
  return `${source} (which YAML reads as the number ${value}; quote it for text)`;
}

/** An example as the fix writes it: "key: value", or "- value" for a list item. */
export function exampleLine(path: KeyPath, example: unknown): string {
  const value = yamlLib().stringify(example, { collectionStyle: 'flow', lineWidth: 0 }).trim();
  const last = path[path.length - 1];
  return `"${last === undefined ? value : typeof last === 'number' ? `- ${value}` : `${last}: ${value}`}"`;
}

/**
 * The node at `path` in the document and the offset to report: the value's start, or its key's
 * with `at: 'key'`. Where the path leaves the document, the deepest node found stands in.
 */
export function offsetOf(doc: Document, path: KeyPath, at: 'value' | 'key' = 'value'): number {
  const found = descend(doc, path);
  return start(at === 'key' && found.keyNode !== null ? found.keyNode : found.node);
}

/** The node at `path`, or null where the path leaves the document. */
function nodeAt(doc: Document, path: KeyPath): unknown {
  const found = descend(doc, path);
  return found.depth === path.length ? found.node : null;
}

function descend(doc: Document, path: KeyPath): { node: unknown; keyNode: unknown; depth: number } {
  let node: unknown = doc.contents;
  let keyNode: unknown = null;
  let depth = 0;
  for (const seg of path) {
    if (yamlLib().isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (yamlLib().isMap(node)) {
      // The last of duplicate keys, as it is the one whose value the data holds.
      const pair = node.items.filter((p) => yamlLib().isScalar(p.key) && String(p.key.value) === String(seg)).pop();
      keyNode = pair?.key ?? null;
      next = pair === undefined ? undefined : (pair.value ?? pair.key);
    } else if (yamlLib().isSeq(node) && typeof seg === 'number') {
      keyNode = null;
      next = node.items[seg];
    }
    if (next === undefined || next === null) break;
    node = next;
    depth++;
  }
  return { node, keyNode, depth };
}

function start(node: unknown): number {
  return (node as Node | null)?.range?.[0] ?? 0;
}

/** The closest of `candidates` to a misspelt `word` (typo, case, camelCase for snake_case), or null. */
export function didYouMean(word: string, candidates: readonly string[]): string | null {
  const norm = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = Math.min(editDistance(word, candidate), editDistance(norm(word), norm(candidate)));
    if (best === null || distance < best.distance) best = { candidate, distance };
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== null && best.distance <= limit && best.candidate !== word ? best.candidate : null;
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The key path of the mapping key that starts at `offset` (for yaml's own errors), or null. */
export function keyPathAt(doc: Document, offset: number): (string | number)[] | null {
  const walk = (node: unknown, path: (string | number)[]): (string | number)[] | null => {
    if (yamlLib().isMap(node)) {
      for (const pair of node.items) {
        const key = yamlLib().isScalar(pair.key) ? String(pair.key.value) : '?';
        if (start(pair.key) === offset && pair.key !== null) return [...path, key];
        const found = walk(pair.value, [...path, key]);
        if (found) return found;
      }
    } else if (yamlLib().isSeq(node)) {
      for (const [index, item] of node.items.entries()) {
        const found = walk(item, [...path, index]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(doc.contents, []);
}
