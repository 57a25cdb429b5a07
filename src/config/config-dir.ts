// Where zoomtop looks for its own config (zoomtop.yaml, themes/), by the XDG base directory conventions.
import { homedir } from 'node:os';
import { join } from 'node:path';

export type ConfigDirEnv = { XDG_CONFIG_HOME?: string; HOME?: string };

/** $XDG_CONFIG_HOME/zoomtop, or ~/.config/zoomtop (a relative XDG_CONFIG_HOME is ignored, as the spec says). */
export function configDir(env: ConfigDirEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && xdg.startsWith('/') ? xdg : join(env.HOME || homedir(), '.config');
  return join(base, 'zoomtop');
}

/** The config file zoomtop reads when no --config is given: configDir(env)/zoomtop.yaml. */
export function defaultConfigFile(env: ConfigDirEnv = process.env): string {
  return join(configDir(env), 'zoomtop.yaml');
}
