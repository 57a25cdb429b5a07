// The demo's app config lives in the data directory: copied from examples/ on first run, then the operator's.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** examples/zoomcam.yaml in the installed package (dist/src/config -> package root). */
export const EXAMPLE_APP_CONFIG = fileURLToPath(new URL('../../../examples/zoomcam.yaml', import.meta.url));

/** Returns the demo config path, creating it from the example when it does not exist yet. */
export function ensureDemoConfig(dir: string, example = EXAMPLE_APP_CONFIG): { file: string; created: boolean } {
  const file = join(dir, 'zoomcam.yaml');
  if (existsSync(file)) return { file, created: false };
  mkdirSync(dir, { recursive: true });
  copyFileSync(example, file);
  return { file, created: true };
}
