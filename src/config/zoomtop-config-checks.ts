// What the schema cannot say about zoomtop.yaml: ranges of durations, hysteresis against the merged rule, unique ids.
import { parseResolution } from '../actions/resolution-ladder.js';
import { parseHostPort } from '../app/options.js';
import { parseDuration } from '../views/format.js';
import { DEFAULT_ZOOMTOP_CONFIG } from './zoomtop-config-defaults.js';
import { displayPath, show } from './zoomtop-config-problems.js';
import type { KeyPath } from './zoomtop-config-problems.js';

/** A problem found by key path; the loader places it on that node. */
export type PathProblem = { path: KeyPath; message: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Checks the parts of `data` that have the right types; parts with the wrong ones are the schema's to report. */
export function checkZoomtopConfig(data: unknown): PathProblem[] {
  if (!isObj(data)) return [];
  const problems: PathProblem[] = [];
  const at = (path: KeyPath, value: unknown, text: string) => problems.push({ path, message: `${displayPath(path)} ${show(value)} ${text}` });
  durationRange(data.interval, ['interval'], 100, 3_600_000, 'write it like "interval: 1s"', at);
  if (typeof data.statsd === 'string' && /:\d{1,5}$/.test(data.statsd) && parseHostPort(data.statsd) === null) {
    at(['statsd'], data.statsd, 'has a port over 65535; write it like "statsd: 127.0.0.1:8125"');
  }
  if (isObj(data.actions)) checkActions(data.actions, at);
  checkRules(data.alerts, 'alerts', at);
  checkRules(data.suggestions, 'suggestions', at);
  return problems;
}

type At = (path: KeyPath, value: unknown, text: string) => void;

function durationRange(value: unknown, path: KeyPath, minMs: number, maxMs: number, fix: string, at: At): void {
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  if (ms !== null && (ms < minMs || ms > maxMs)) at(path, value, `is not between ${minMs}ms and ${maxMs / 3_600_000}h; ${fix}`);
}

function checkActions(actions: Obj, at: At): void {
  if (Array.isArray(actions.ladder)) {
    actions.ladder.forEach((step, index) => {
      if (typeof step === 'string' && /^\d{1,5}[xX]\d{1,5}$/.test(step) && parseResolution(step) === null) {
        at(['actions', 'ladder', index], step, 'has a side of 0 or over 16384 pixels; write it like "- 1280x720"');
      }
    });
  }
  durationRange(actions.settle_period, ['actions', 'settle_period'], 1000, 3_600_000, 'write it like "settle_period: 15s"', at);
  const floor = num(actions.fps_floor) ?? DEFAULT_ZOOMTOP_CONFIG.actions.fpsFloor;
  const ceiling = num(actions.fps_ceiling) ?? DEFAULT_ZOOMTOP_CONFIG.actions.fpsCeiling;
  if (floor > ceiling) {
    if (num(actions.fps_floor) !== undefined) at(['actions', 'fps_floor'], floor, `is above fps_ceiling ${ceiling}; make the floor at most the ceiling, e.g. "fps_floor: ${ceiling}"`);
    else at(['actions', 'fps_ceiling'], ceiling, `is below the default fps_floor ${floor}; raise it, or add "fps_floor: ${ceiling}"`);
  }
}

/** Unique ids, and for alerts a clear level at most the raise level once merged with the default rule. */
function checkRules(list: unknown, section: 'alerts' | 'suggestions', at: At): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((rule, index) => {
    if (!isObj(rule) || typeof rule.id !== 'string') return;
    const first = seen.get(rule.id);
    if (first !== undefined) at([section, index, 'id'], rule.id, `is also the id of ${section}[${first}]; merge the two entries or rename one`);
    else seen.set(rule.id, index);
    if (section !== 'alerts') return;
    const base = DEFAULT_ZOOMTOP_CONFIG.alerts.find((r) => r.id === rule.id);
    const above = num(rule.above) ?? base?.above;
    const given = num(rule.clear_below);
    const clearBelow = given ?? base?.clearBelow;
    if (above === undefined || clearBelow === undefined || clearBelow <= above) return;
    // Keeps the default rule's gap between raise and clear levels in the example fix.
    const example = Math.max(0, base === undefined ? above : above - (base.above - base.clearBelow));
    if (given !== undefined) at([section, index, 'clear_below'], given, `is above the raise level ${above}; make it at most that, e.g. "clear_below: ${example}"`);
    else at([section, index, 'above'], above, `is below the default clear_below ${clearBelow}; add "clear_below: ${example}" (at most above)`);
  });
}
