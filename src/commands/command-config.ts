// zoomtop.yaml for the subcommands, read as the dashboard reads it: --config FILE, else the default file when present.
import { loadZoomtopConfig } from '../config/zoomtop-config.js';
import type { ZoomtopConfig } from '../config/zoomtop-config-defaults.js';
import type { CommandIo } from './command-io.js';

/**
 * The config to plan with, or null after writing every problem as `zoomtop: <line>` (the dashboard's format),
 * so a broken file stops a command before it reads or writes anything, as it stops the dashboard.
 */
export async function loadCommandConfig(given: string | undefined, io: CommandIo): Promise<ZoomtopConfig | null> {
  const loaded = await loadZoomtopConfig({ file: given, env: io.env });
  if (loaded.ok) return loaded.config;
  for (const line of loaded.errors) io.stderr.write(`zoomtop: ${line}\n`);
  return null;
}
