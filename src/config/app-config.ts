// Reads and validates ZoomCam's own config (cameras, streaming, zoomtop's section) with one-line errors that say the fix.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { yamlLib } from './yaml-lib.js';
import type { Document, Node } from 'yaml';
import { parseResolution } from '../actions/resolution-ladder.js';
import { sha256Hex } from './content-hash.js';
import { dottedPath, findPairs, nodeStart, parseYamlSource } from './yaml-source.js';

export type CameraConfig = {
  /** The key under `cameras`, as a string ("front_door", "1"). */
  id: string;
  name?: string;
  width: number;
  height: number;
  /** The resolution exactly as written, e.g. "1920x1080". */
  resolution: string;
  enabled: boolean;
  /** Present (true) only when the file has no `enabled` key, so the camera is on by the app's default. */
  enabledImplied?: true;
  fps?: number;
  /** `priority`: higher is more important; disable-camera picks the lowest (missing counts as 0). */
  priority?: number;
  /** Key path of the camera mapping, e.g. ['cameras', 'front_door'] or ['cameras', 1]. */
  path: (string | number)[];
};

export type AppConfig = {
  /** In file order. */
  cameras: CameraConfig[];
  streaming: { targetFps?: number };
  /** From the optional `zoomtop: reclaim_memory:` section; absent when the app names no way. */
  reclaimMemory?: ReclaimMemoryConfig;
};

/**
 * How the app frees memory when asked, from its config:
 *
 *     zoomtop:
 *       reclaim_memory:
 *         signal: SIGUSR1              # SIGUSR1, SIGUSR2 or SIGHUP, sent to the pid in pid_file
 *         pid_file: /run/zoomcam.pid   # relative paths are relative to the config file
 *     # or instead of signal + pid_file, a program run without a shell:
 *     #   command: [systemctl, kill, --signal=SIGUSR1, zoomcam]
 */
export type ReclaimMemoryConfig =
  | { kind: 'signal'; signal: ReclaimSignal; pidFile: string }
  | { kind: 'command'; argv: string[] };

export const RECLAIM_SIGNALS = ['SIGUSR1', 'SIGUSR2', 'SIGHUP'] as const;
export type ReclaimSignal = (typeof RECLAIM_SIGNALS)[number];

export type AppConfigFs = {
  readFile(file: string): Promise<Uint8Array>;
  stat(file: string): Promise<{ size: number }>;
};

export type ReadAppConfigOptions = {
  /** File access; default node:fs/promises. */
  fs?: AppConfigFs;
  /** Larger files are refused before parsing; default 1 MiB. */
  maxBytes?: number;
  /** Alias expansions allowed while reading values; default 100. */
  maxAliasCount?: number;
};

export type ReadAppConfigResult =
  | { ok: true; config: AppConfig; text: string; doc: Document.Parsed; sha256: string }
  | { ok: false; error: string };

const nodeFs: AppConfigFs = { readFile: (file) => readFile(file), stat: (file) => stat(file) };

/** Reads `file`, parses it as YAML 1.1 and validates the parts zoomtop edits. */
export async function readAppConfig(file: string, options: ReadAppConfigOptions = {}): Promise<ReadAppConfigResult> {
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  let bytes: Uint8Array;
  try {
    const size = (await fs.stat(file)).size;
    if (size > maxBytes) return { ok: false, error: `${file}: ${size} bytes is over the ${maxBytes}-byte limit for a config; is this the right file?` };
    bytes = await fs.readFile(file);
  } catch (err) {
    return { ok: false, error: `${file}: cannot read (${(err as Error).message}); check the path and permissions` };
  }
  if (bytes.length > maxBytes) return { ok: false, error: `${file}: ${bytes.length} bytes is over the ${maxBytes}-byte limit for a config; is this the right file?` };
  let text: string;
  try {
    // ignoreBOM keeps a leading BOM in the text, so edits write it back unchanged.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, error: `${file}: is not UTF-8 text; save it as UTF-8` };
  }
  const parsed = parseAppConfigText(file, text, options.maxAliasCount ?? 100);
  if (!parsed.ok) return parsed;
  return { ok: true, config: parsed.config, text, doc: parsed.doc, sha256: sha256Hex(bytes) };
}

type Parsed = { ok: true; config: AppConfig; doc: Document.Parsed } | { ok: false; error: string };

/** The pure half of readAppConfig: text in, validated config or one-line error out. */
export function parseAppConfigText(file: string, text: string, maxAliasCount = 100): Parsed {
  const source = parseYamlSource(file, text);
  if (!source.ok) return source;
  const { doc, where } = source;
  const fail = (node: unknown, message: string): Parsed => ({ ok: false, error: `${where(nodeStart(node))}: ${message}` });
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount });
  } catch (err) {
    return { ok: false, error: `${file}: ${(err as Error).message}; write the values out instead of aliasing them` };
  }
  const camerasPair = findPairs(doc.contents as Node, 'cameras')[0];
  const camerasNode = deref(doc, camerasPair?.value);
  if (!yamlLib().isMap(camerasNode)) {
    return fail(camerasPair ?? doc.contents, 'no "cameras" mapping; add "cameras:" with one entry per camera, e.g. "front_door: {resolution: 1280x720}"');
  }
  const cameras: CameraConfig[] = [];
  const jsCameras = (root as { cameras: Record<string, unknown> }).cameras;
  for (const pair of camerasNode.items) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    if (typeof key !== 'string' && typeof key !== 'number') {
      return fail(pair.key, 'cameras has a key that is not a name or number; name each camera like "front_door:"');
    }
    if (cameras.some((c) => c.id === String(key))) {
      return fail(pair.key, `cameras.${key} appears twice (once quoted, once not); keep one of them`);
    }
    const camera = readCamera(key, jsCameras[String(key)], (field) => {
      const node = deref(doc, pair.value);
      const fieldPair = field === undefined ? undefined : findPairs(node as Node, field)[0];
      return nodeStart(fieldPair?.value ?? fieldPair?.key ?? pair.value ?? pair.key);
    });
    if (!camera.ok) return { ok: false, error: `${where(camera.offset)}: ${camera.message}` };
    cameras.push(camera.camera);
  }
  const streaming = readStreaming((root as { streaming?: unknown }).streaming);
  if (!streaming.ok) {
    const streamingPair = findPairs(doc.contents as Node, 'streaming')[0];
    const pair = findPairs(deref(doc, streamingPair?.value) as Node, 'target_fps')[0];
    return fail(pair?.value ?? streamingPair?.value, streaming.message);
  }
  const config: AppConfig = { cameras, streaming: streaming.value };
  const reclaim = readReclaimMemory(file, (root as { zoomtop?: unknown } | null)?.zoomtop);
  if (!reclaim.ok) {
    const sectionPair = findPairs(doc.contents as Node, 'zoomtop')[0];
    const reclaimPair = findPairs(deref(doc, sectionPair?.value) as Node, 'reclaim_memory')[0];
    const fieldPair = reclaim.field === undefined ? undefined : findPairs(deref(doc, reclaimPair?.value) as Node, reclaim.field)[0];
    return fail(fieldPair?.value ?? reclaimPair?.value ?? sectionPair?.value, reclaim.message);
  }
  if (reclaim.value !== undefined) config.reclaimMemory = reclaim.value;
  return { ok: true, config, doc };
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  return yamlLib().isAlias(node) ? node.resolve(doc) : node;
}

type CameraRead = { ok: true; camera: CameraConfig } | { ok: false; offset: number; message: string };

/** Validates one camera's values; `offsetOf(field)` places an error on that field's text. */
function readCamera(key: string | number, value: unknown, offsetOf: (field?: string) => number): CameraRead {
  const at = dottedPath(['cameras', key]);
  const bad = (field: string | undefined, message: string): CameraRead => ({ ok: false, offset: offsetOf(field), message });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return bad(undefined, `${at} is ${show(value)}, not a mapping; write it like "${key}: {resolution: 1280x720}"`);
  }
  const fields = value as Record<string, unknown>;
  const resolution = fields.resolution;
  if (resolution === undefined) return bad(undefined, `${at} has no resolution; add "resolution: 1920x1080" (ZoomCam's default)`);
  const size = typeof resolution === 'string' ? parseResolution(resolution) : null;
  if (typeof resolution !== 'string' || size === null) {
    return bad('resolution', `${at}.resolution ${show(resolution)} is not WIDTHxHEIGHT; write it like "1280x720"`);
  }
  const enabled = fields.enabled ?? true;
  if (typeof enabled !== 'boolean') return bad('enabled', `${at}.enabled ${show(enabled)} is not true or false; write "enabled: true"`);
  const camera: CameraConfig = { id: String(key), ...size, resolution, enabled, path: ['cameras', key] };
  if (fields.enabled === undefined || fields.enabled === null) camera.enabledImplied = true;
  if (fields.name !== undefined && fields.name !== null) {
    if (typeof fields.name !== 'string' && typeof fields.name !== 'number') return bad('name', `${at}.name ${show(fields.name)} is not text; write it like name: "Front door"`);
    camera.name = String(fields.name);
  }
  if (fields.fps !== undefined && fields.fps !== null) {
    if (!isPositive(fields.fps)) return bad('fps', `${at}.fps ${show(fields.fps)} is not a positive number; write it like "fps: 30"`);
    camera.fps = fields.fps;
  }
  if (fields.priority !== undefined && fields.priority !== null) {
    if (typeof fields.priority !== 'number' || !Number.isFinite(fields.priority)) {
      return bad('priority', `${at}.priority ${show(fields.priority)} is not a number; write it like "priority: 10" (higher is more important)`);
    }
    camera.priority = fields.priority;
  }
  return { ok: true, camera };
}

type StreamingRead = { ok: true; value: AppConfig['streaming'] } | { ok: false; message: string };

function readStreaming(value: unknown): StreamingRead {
  if (value === undefined || value === null) return { ok: true, value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: `streaming ${show(value)} is not a mapping; write it like "streaming: {target_fps: 30}"` };
  const targetFps = (value as { target_fps?: unknown }).target_fps;
  if (targetFps === undefined || targetFps === null) return { ok: true, value: {} };
  if (!isPositive(targetFps)) return { ok: false, message: `streaming.target_fps ${show(targetFps)} is not a positive number; write it like "target_fps: 30"` };
  return { ok: true, value: { targetFps } };
}

type ReclaimRead = { ok: true; value?: ReclaimMemoryConfig } | { ok: false; field?: string; message: string };

const RECLAIM_EXAMPLE = 'write it like "reclaim_memory: {signal: SIGUSR1, pid_file: /run/zoomcam.pid}" or "reclaim_memory: {command: [systemctl, kill, --signal=SIGUSR1, zoomcam]}"';

/** The optional `zoomtop.reclaim_memory` section: a signal for a pid file, or a command. */
function readReclaimMemory(file: string, section: unknown): ReclaimRead {
  if (section === undefined || section === null) return { ok: true };
  if (typeof section !== 'object' || Array.isArray(section)) return { ok: false, message: `zoomtop ${show(section)} is not a mapping; write it like "zoomtop: {reclaim_memory: {...}}"` };
  const value = (section as { reclaim_memory?: unknown }).reclaim_memory;
  if (value === undefined || value === null) return { ok: true };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: `zoomtop.reclaim_memory ${show(value)} is not a mapping; ${RECLAIM_EXAMPLE}` };
  const { signal, pid_file: pidFile, command } = value as Record<string, unknown>;
  if (command !== undefined && (signal !== undefined || pidFile !== undefined)) {
    return { ok: false, field: 'command', message: 'zoomtop.reclaim_memory has both command and signal/pid_file; keep one way' };
  }
  if (command !== undefined) {
    if (!Array.isArray(command) || command.length === 0 || !command.every((word) => typeof word === 'string' && word.length > 0)) {
      return { ok: false, field: 'command', message: `zoomtop.reclaim_memory.command ${show(command)} is not a list of words; write it like [systemctl, kill, --signal=SIGUSR1, zoomcam] (it runs without a shell)` };
    }
    return { ok: true, value: { kind: 'command', argv: command as string[] } };
  }
  if (signal === undefined) return { ok: false, message: `zoomtop.reclaim_memory names neither signal nor command; ${RECLAIM_EXAMPLE}` };
  const name = typeof signal === 'string' ? (signal.toUpperCase().startsWith('SIG') ? signal.toUpperCase() : `SIG${signal.toUpperCase()}`) : '';
  if (!(RECLAIM_SIGNALS as readonly string[]).includes(name)) {
    return { ok: false, field: 'signal', message: `zoomtop.reclaim_memory.signal ${show(signal)} is not one zoomtop sends to reclaim memory; use ${RECLAIM_SIGNALS.join(', ')}` };
  }
  if (typeof pidFile !== 'string' || pidFile.length === 0) {
    return { ok: false, field: pidFile === undefined ? 'signal' : 'pid_file', message: `zoomtop.reclaim_memory.pid_file ${show(pidFile)} is not a path; add "pid_file: /run/zoomcam.pid" (the file holding the app's pid)` };
  }
  return { ok: true, value: { kind: 'signal', signal: name as ReclaimSignal, pidFile: path.resolve(path.dirname(file), pidFile) } };
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** A value as it would read in the file, cut short so the error stays one line. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'missing' : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
