// A small JSON Schema validator for the keywords examples/zoomtop-ndjson.schema.json uses (no dependency needed).
import { readFileSync } from 'node:fs';

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema', '$id', '$defs', '$ref', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties',
  'items', 'enum', 'const', 'oneOf', 'allOf', 'minimum', 'maximum', 'minItems', 'maxItems',
]);

export function loadSchema(file: string): Schema {
  return JSON.parse(readFileSync(file, 'utf8')) as Schema;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  return typeOf(value) === type;
}

/** Problems found, each "path: what"; empty when valid. Unknown keywords are an error, so nothing is silently unchecked. */
export function validate(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) return [`${path}: schema keyword ${key} is not supported by the test validator`];
  if (typeof schema['$ref'] === 'string') {
    const name = (schema['$ref'] as string).replace('#/$defs/', '');
    const target = (root['$defs'] as Record<string, Schema>)[name];
    if (!target) return [`${path}: unresolved $ref ${String(schema['$ref'])}`];
    return validate(value, target, root, path);
  }
  const errors: string[] = [];
  const type = schema['type'];
  if (type !== undefined) {
    const types = Array.isArray(type) ? (type as string[]) : [type as string];
    if (!types.some((t) => matchesType(value, t))) return [`${path}: ${JSON.stringify(value)} is not ${types.join(' or ')}`];
  }
  if ('const' in schema && value !== schema['const']) errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema['enum'])}`);
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) errors.push(`${path}: ${value} < ${schema['minimum']}`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) errors.push(`${path}: ${value} > ${schema['maximum']}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) errors.push(`${path}: fewer than ${schema['minItems']} items`);
    if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) errors.push(`${path}: more than ${schema['maxItems']} items`);
    if (schema['items']) value.forEach((item, i) => errors.push(...validate(item, schema['items'] as Schema, root, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') errors.push(...validateObject(value as Record<string, unknown>, schema, root, path));
  if (Array.isArray(schema['allOf'])) for (const part of schema['allOf'] as Schema[]) errors.push(...validate(value, part, root, path));
  if (Array.isArray(schema['oneOf'])) {
    const results = (schema['oneOf'] as Schema[]).map((option) => validate(value, option, root, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf (want 1): ${results.map((r) => r[0] ?? 'ok').join(' | ')}`);
  }
  return errors;
}

function validateObject(value: Record<string, unknown>, schema: Schema, root: Schema, path: string): string[] {
  const errors: string[] = [];
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  for (const name of (schema['required'] ?? []) as string[]) if (!(name in value)) errors.push(`${path}: missing ${name}`);
  for (const [name, item] of Object.entries(value)) {
    const rule = properties[name];
    if (rule) errors.push(...validate(item, rule, root, `${path}.${name}`));
    else if (schema['additionalProperties'] === false) errors.push(`${path}: unexpected field ${name}`);
  }
  return errors;
}
