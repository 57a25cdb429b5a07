// Reads the part of a ZoomCam config the demo pipeline uses (cameras and target fps), with one-line errors.
import { readFileSync } from 'node:fs';
import { yamlLib } from '../config/yaml-lib.js';

export type DemoCamera = {
  /** The key under `cameras:`; becomes the DogStatsD tag `camera:<id>`. */
  id: string;
  width: number;
  height: number;
  enabled: boolean;
  /** Per-camera `fps`, overriding `streaming.target_fps`; null when absent. */
  fps: number | null;
};

export type DemoConfig = {
  /** In file order. */
  cameras: DemoCamera[];
  /** `streaming.target_fps`; 30 when absent. */
  targetFps: number;
};

/** A config that cannot be used; the message is one line naming the file, key, value and fix. */
export class DemoConfigError extends Error {
  override name = 'DemoConfigError';
}

const DEFAULT_TARGET_FPS = 30;
const MAX_FPS = 120;
const MAX_SIDE_PX = 8192;
const MIN_SIDE_PX = 16;
// Ids end up in DogStatsD tags (where , | # : are syntax) and in dotted key paths.
const CAMERA_ID = /^[A-Za-z0-9_-]+$/;

/** The fps a camera runs at: its own `fps`, else the stream's target. */
export function cameraFps(camera: DemoCamera, config: DemoConfig): number {
  return camera.fps ?? config.targetFps;
}

/** Reads and validates a config file; throws DemoConfigError. */
export function readDemoConfig(file: string, readText: (file: string) => string = (f) => readFileSync(f, 'utf8')): DemoConfig {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    throw new DemoConfigError(`${file}: cannot read (${(err as Error).message}); check the path given to --config`);
  }
  return parseDemoConfig(text, file);
}

/** Parses and validates config text; `file` only names the source in errors. Unknown keys are ignored. */
export function parseDemoConfig(text: string, file: string): DemoConfig {
  let doc: unknown;
  try {
    doc = yamlLib().parse(text);
  } catch (err) {
    const first = (err as Error).message.split('\n')[0]?.replace(/:\s*$/, '');
    throw new DemoConfigError(`${file}: invalid YAML: ${first}; fix the syntax at that line`);
  }
  const fail = (key: string, value: unknown, fix: string): never => {
    const shown = value === undefined ? '' : `${JSON.stringify(value) ?? String(value)} `;
    throw new DemoConfigError(`${file}: ${key}: ${shown}${fix}`);
  };
  if (!isMapping(doc)) return fail('(top level)', doc, 'is not a mapping; the file needs a `cameras:` mapping');
  const targetFps = readTargetFps(doc, fail);
  const camerasNode = doc['cameras'];
  if (camerasNode === undefined) return fail('cameras', undefined, 'is missing; add `cameras:` with e.g. `front_door: { resolution: "1280x720" }`');
  if (camerasNode !== null && !isMapping(camerasNode)) return fail('cameras', camerasNode, 'is not a mapping of camera id -> settings');
  const cameras = Object.entries(camerasNode ?? {}).map(([id, node]) => readCamera(id, node, fail));
  return { cameras, targetFps };
}

type Fail = (key: string, value: unknown, fix: string) => never;

function readTargetFps(doc: Record<string, unknown>, fail: Fail): number {
  const streaming = doc['streaming'];
  if (streaming === undefined || streaming === null) return DEFAULT_TARGET_FPS;
  if (!isMapping(streaming)) return fail('streaming', streaming, 'is not a mapping; write `streaming: { target_fps: 30 }`');
  const fps = streaming['target_fps'];
  if (fps === undefined) return DEFAULT_TARGET_FPS;
  return readFps('streaming.target_fps', fps, fail);
}

function readCamera(id: string, node: unknown, fail: Fail): DemoCamera {
  const key = `cameras.${id}`;
  if (!CAMERA_ID.test(id)) return fail(key, id, 'is not a valid camera id; use letters, digits, _ and - only');
  if (!isMapping(node)) return fail(key, node, 'is not a mapping; write e.g. `{ resolution: "1280x720", enabled: true }`');
  const resolution = node['resolution'];
  if (resolution === undefined) return fail(`${key}.resolution`, undefined, 'is missing; add e.g. `resolution: "1280x720"`');
  const match = typeof resolution === 'string' ? /^(\d+)[xX](\d+)$/.exec(resolution.trim()) : null;
  if (!match) return fail(`${key}.resolution`, resolution, 'is not WIDTHxHEIGHT; write e.g. "1280x720"');
  const width = Number(match[1]);
  const height = Number(match[2]);
  if ([width, height].some((side) => side < MIN_SIDE_PX || side > MAX_SIDE_PX)) {
    return fail(`${key}.resolution`, resolution, `is out of range; each side must be ${MIN_SIDE_PX}..${MAX_SIDE_PX} px`);
  }
  const enabled = node['enabled'] ?? true;
  if (typeof enabled !== 'boolean') return fail(`${key}.enabled`, enabled, 'is not a boolean; write true or false');
  const fps = node['fps'] === undefined || node['fps'] === null ? null : readFps(`${key}.fps`, node['fps'], fail);
  return { id, width, height, enabled, fps };
}

function readFps(key: string, value: unknown, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_FPS) {
    return fail(key, value, `is not a frame rate; use a number above 0 and at most ${MAX_FPS}, e.g. 15`);
  }
  return value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
