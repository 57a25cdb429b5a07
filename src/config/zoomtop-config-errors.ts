// ajv's errors for zoomtop.yaml -> one problem each, placed on its YAML node, with the fix from the schema's titles and examples.
import type { ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import { DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES } from '../rules/default-rules.js';
import { didYouMean, displayPath, exampleLine, offsetOf, show, showAt } from './zoomtop-config-problems.js';
import type { Problem } from './zoomtop-config-problems.js';
import { ZOOMTOP_SCHEMA } from './zoomtop-config-schema.js';

type SchemaNode = { title?: string; examples?: unknown[]; properties?: Record<string, SchemaNode>; enum?: unknown[]; required?: string[] };

/** Problems for ajv's errors (from allErrors and verbose) on the data of `doc`. */
export function schemaProblems(errors: readonly ErrorObject[], doc: Document): Problem[] {
  // `if` only says its `then` failed, and anyOf's branches only say why each failed: the
  // errors of `then` and of anyOf itself say it better.
  const relevant = errors.filter((e) => e.keyword !== 'if' && !e.schemaPath.includes('/anyOf/'));
  const isNewRule = (e: ErrorObject) => e.schemaPath.endsWith('/then/required');
  const problems: Problem[] = [];
  for (const error of relevant) {
    if (!isNewRule(error)) problems.push(schemaProblem(error, doc));
    else if (relevant.find((e) => isNewRule(e) && e.instancePath === error.instancePath) === error) {
      // One line per new rule, naming every field it lacks.
      problems.push(newRuleProblem(relevant.filter((e) => isNewRule(e) && e.instancePath === error.instancePath), doc));
    }
  }
  return problems;
}

/** A rule whose id is not a default's lacks fields a new rule needs. */
function newRuleProblem(group: readonly ErrorObject[], doc: Document): Problem {
  const first = group[0]!;
  const path = pointerPath(first.instancePath);
  const owner = schemaAt(first.schemaPath.replace(/\/then\/required$/, ''));
  const missing = group.map((e) => String(e.params.missingProperty));
  const adds = missing.map((key) => exampleLine([key], owner.properties?.[key]?.examples?.[0] ?? '')).join(', ');
  const required = ((first.parentSchema ?? {}) as SchemaNode).required ?? [];
  const ids = (path[0] === 'alerts' ? DEFAULT_ALERT_RULES : DEFAULT_SUGGESTION_RULES).map((r) => r.id);
  const id = (first.data as { id?: unknown } | null)?.id;
  const guess = typeof id === 'string' ? didYouMean(id, ids) : null;
  const what = typeof id === 'string' ? `id "${id}" is not a default rule's${guess === null ? '' : ` (did you mean "${guess}"?)`}` : 'it has no id';
  return { offset: offsetOf(doc, path), message: `${displayPath(path)} has no ${orList(missing)}; ${what}, and a new rule needs ${required.join(', ')}: add ${adds}` };
}

function schemaProblem(error: ErrorObject, doc: Document): Problem {
  const path = pointerPath(error.instancePath);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const at = displayPath(path);
  const value = showAt(doc, path, error.data);
  const fix = schema.examples?.[0] === undefined ? '' : `; write it like ${exampleLine(path, schema.examples[0])}`;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(schema.properties ?? {});
      const guess = didYouMean(key, known);
      const hint = guess === null ? `remove it, or use one of ${known.join(', ')}` : `did you mean "${guess}"?`;
      return { offset: offsetOf(doc, [...path, key], 'key'), message: `${displayPath([...path, key])}: unknown key; ${hint}` };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      const example = schemaAt(error.schemaPath.replace(/\/required$/, '')).properties?.[key]?.examples?.[0];
      return { offset: offsetOf(doc, path), message: `${at} has no ${key}; add ${example === undefined ? `"${key}:"` : exampleLine([key], example)}` };
    }
    case 'enum': {
      const allowed = (schema.enum ?? []).map(String);
      const guess = typeof error.data === 'string' ? didYouMean(error.data, allowed) : null;
      const hint = guess === null ? `use one of ${allowed.join(', ')}` : `did you mean "${guess}"? (one of ${allowed.join(', ')})`;
      return { offset: offsetOf(doc, path), message: `${at} ${value} is not ${schema.title ?? 'allowed'}; ${hint}` };
    }
    case 'minItems':
      return { offset: offsetOf(doc, path), message: `${at} is empty; list at least one, like ${exampleLine(path, schema.examples?.[0])}` };
    case 'uniqueItems': {
      // ajv names both copies; the later one is the one to remove.
      const index = Math.max(Number(error.params.i), Number(error.params.j));
      const item = (error.data as unknown[])[index];
      return { offset: offsetOf(doc, [...path, index]), message: `${displayPath([...path, index])} ${show(item)} is listed twice in ${at}; keep one` };
    }
    case 'type':
      if (path.length === 0) return { offset: offsetOf(doc, path), message: `the file holds ${kind(error.data)}, not a mapping of settings; write settings one per line, like "interval: 1s"` };
      return { offset: offsetOf(doc, path), message: `${at} ${value} is not ${schema.title ?? 'valid'}${fix}` };
    default:
      return { offset: offsetOf(doc, path), message: `${at} ${value} is not ${schema.title ?? 'valid'}${fix}` };
  }
}

/** "/alerts/0/above" -> ['alerts', 0, 'above']; numeric segments are list indexes. */
function pointerPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/** The schema node at a "#/properties/..." schema path. */
function schemaAt(schemaPath: string): SchemaNode {
  let node: unknown = ZOOMTOP_SCHEMA;
  for (const seg of schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[seg];
  return (node ?? {}) as SchemaNode;
}

/** "a", "a or b", "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function kind(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'string' ? `the text ${show(value)}` : `the value ${show(value)}`;
}
