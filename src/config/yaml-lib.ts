// The yaml library, loaded on first use rather than at import: a dashboard that never reads or writes YAML saves its memory.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let loaded: typeof Yaml | undefined;

/**
 * Importing yaml costs about 9 MB of resident memory (issue 8's RSS target is 70 MB). Every module
 * that parses or writes YAML calls this instead of importing it, so the dashboard on StatsD alone
 * never loads it, and `zoomtop plan` or the first action preview loads it once. yaml ships a
 * CommonJS build, so the first call loads it synchronously and no caller has to become async.
 */
export function yamlLib(): typeof Yaml {
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}
