// The app's config as a plain object (ZoomCam's YAML shape): validated into an AppConfig, read and written by key path.
import type { AppConfig, CameraConfig } from '../config/app-config.js';
import { parseResolution } from '../actions/resolution-ladder.js';

/** ZoomCam's config as the app holds it in memory: the same keys as its YAML file. */
export type ZoomcamConfig = {
  cameras?: Record<string, { resolution?: unknown; enabled?: unknown; fps?: unknown; [key: string]: unknown }>;
  streaming?: { target_fps?: unknown; [key: string]: unknown };
  [key: string]: unknown;
};

export type ConfigValue = string | number | boolean;

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'missing' : String(JSON.stringify(value)));

/** Validates the parts the optimizer reads; throws one line naming the key, the value and the fix. */
export function toAppConfig(config: ZoomcamConfig, where = 'config'): AppConfig {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new Error(`${where} is ${show(config)}, not an object like { cameras: { front_door: { resolution: '1920x1080' } } }`);
  }
  const cameras: CameraConfig[] = [];
  const rawCameras = config.cameras ?? {};
  if (typeof rawCameras !== 'object' || Array.isArray(rawCameras)) {
    throw new Error(`${where}.cameras is ${show(rawCameras)}, not a mapping of camera id to settings`);
  }
  for (const [id, camera] of Object.entries(rawCameras)) {
    const at = `${where}.cameras.${id}`;
    if (camera === null || typeof camera !== 'object') throw new Error(`${at} is ${show(camera)}, not a mapping like { resolution: '1280x720' }`);
    const size = typeof camera.resolution === 'string' ? parseResolution(camera.resolution) : null;
    if (size === null) throw new Error(`${at}.resolution ${show(camera.resolution)} is not WIDTHxHEIGHT; write it like "1280x720"`);
    const enabled = camera.enabled ?? true;
    if (typeof enabled !== 'boolean') throw new Error(`${at}.enabled ${show(enabled)} is not true or false`);
    const entry: CameraConfig = { id, ...size, resolution: camera.resolution as string, enabled, path: ['cameras', id] };
    if (camera.fps !== undefined && camera.fps !== null) {
      if (!isPositive(camera.fps)) throw new Error(`${at}.fps ${show(camera.fps)} is not a positive number`);
      entry.fps = camera.fps;
    }
    cameras.push(entry);
  }
  const targetFps = config.streaming?.target_fps;
  if (targetFps !== undefined && targetFps !== null && !isPositive(targetFps)) {
    throw new Error(`${where}.streaming.target_fps ${show(targetFps)} is not a positive number; write it like target_fps: 30`);
  }
  return { cameras, streaming: isPositive(targetFps) ? { targetFps } : {} };
}

/** The value at a key path, or undefined when any step is missing. */
export function getAt(config: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = config;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, String(key))) return undefined;
    node = (node as Record<string, unknown>)[String(key)];
  }
  return node;
}

/** Sets a value at a key path of a (copied) config; the parents must exist. */
export function setAt(config: Record<string, unknown>, path: readonly (string | number)[], value: ConfigValue): void {
  const parent = getAt(config, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent === null || typeof parent !== 'object' || last === undefined) {
    throw new Error(`config has no ${path.slice(0, -1).join('.')} to set ${path.join('.')} in`);
  }
  // defineProperty: a key such as "__proto__" stays an ordinary own key.
  Object.defineProperty(parent, String(last), { value, writable: true, enumerable: true, configurable: true });
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
