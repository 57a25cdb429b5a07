// ${VAR} and ${VAR:default} in zoomtop.yaml's values, taken from the environment after parsing (so a value can never inject YAML).
import { yamlLib } from './yaml-lib.js';
import type { Document, Node } from 'yaml';
import { displayPath, show } from './zoomtop-config-problems.js';
import type { KeyPath, Problem } from './zoomtop-config-problems.js';

type Env = Record<string, string | undefined>;

/**
 * Replaces references in every string value of `doc` in place. `${VAR:default}` takes the
 * default when VAR is unset or empty; `$${` writes a literal `${`. An unquoted value is read
 * again as YAML after substitution, so `fps_step: ${STEP:5}` is the number 5 and
 * `statsd: ${STATSD:false}` is false; quote it to keep a string. Keys are left alone.
 */
export function substituteEnv(doc: Document, env: Env): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: unknown, path: KeyPath): void => {
    if (yamlLib().isAlias(node)) return; // the anchored node is substituted where it stands
    if (yamlLib().isMap(node)) {
      for (const pair of node.items) walk(pair.value, [...path, yamlLib().isScalar(pair.key) ? String(pair.key.value) : '?']);
    } else if (yamlLib().isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    } else if (yamlLib().isScalar(node) && typeof node.value === 'string' && node.value.includes('$')) {
      const result = substitute(node.value, env);
      const offset = (node as Node).range?.[0] ?? 0;
      if (!result.ok) {
        problems.push({ offset, message: `${displayPath(path)} ${show(node.value)}: ${result.error}` });
        return;
      }
      if (result.text !== node.value) node.value = node.type === yamlLib().Scalar.PLAIN ? reread(result.text) : result.text;
    }
  };
  walk(doc.contents, []);
  return problems;
}

type Substituted = { ok: true; text: string } | { ok: false; error: string };

const REFERENCE = /\$\$\{|\$\{([^}]*)\}|\$\{/g;

/** The text with every reference replaced; the first bad or missing reference is the error. */
export function substitute(text: string, env: Env): Substituted {
  let error: string | null = null;
  const out = text.replace(REFERENCE, (match, inner: string | undefined) => {
    if (match === '$${') return '${';
    if (inner === undefined) {
      error ??= 'has a "${" without its "}"; close it like ${NAME}, or write $${ for a literal ${';
      return match;
    }
    const colon = inner.indexOf(':');
    const name = colon === -1 ? inner : inner.slice(0, colon);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      error ??= `"\${${inner}}" does not name an environment variable; use letters, digits and _, like \${ZOOMCAM_CONFIG}`;
      return match;
    }
    const value = env[name];
    if (colon !== -1 && (value === undefined || value === '')) return inner.slice(colon + 1);
    if (value === undefined) {
      error ??= `environment variable ${name} is not set; set it, or give a default like \${${name}:value}`;
      return match;
    }
    return value;
  });
  return error === null ? { ok: true, text: out } : { ok: false, error };
}

/** A substituted unquoted value as YAML would read it: number, boolean, null, or else the text. */
function reread(text: string): unknown {
  const doc = yamlLib().parseDocument(text);
  if (doc.errors.length > 0 || doc.contents === null) return doc.errors.length > 0 ? text : null;
  return yamlLib().isScalar(doc.contents) ? doc.contents.value : text;
}
