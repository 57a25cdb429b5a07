// Headless NDJSON: one self-contained line per snapshot, with the alerts holding then and the active suggestions.
import { hostname } from 'node:os';
import type { AlertEntry, Suggestion } from '../rules/types.js';
import type { Snapshot } from '../store/snapshot.js';
import type { CameraOperationStats } from '../timing/operation-registry.js';
import { toSnapshotFigures, type SnapshotFigures } from './snapshot-figures.js';

/** Bumped when a field changes meaning or goes away; added fields keep the version. See examples/zoomtop-ndjson.schema.json. */
export const NDJSON_VERSION = 1;

/** What one line is made from: the dashboard's Frame fits; from Profiler.current() pass { snapshot, outcome: rules }. */
export type NdjsonFrame = {
  snapshot: Snapshot;
  outcome: { alerts: readonly AlertEntry[]; suggestions: readonly Suggestion[]; raised: readonly string[] };
  cameraStats?: readonly CameraOperationStats[];
};

export type NdjsonLine = {
  version: typeof NDJSON_VERSION;
  type: 'snapshot';
  host: string;
  /** ISO 8601 UTC of snapshot.atMs. */
  at: string;
  snapshot: SnapshotFigures;
  cameraStats: CameraOperationStats[];
  /** Alert log entries not cleared, newest first. */
  alerts: AlertEntry[];
  /** Rule ids raised by this snapshot. */
  raised: string[];
  suggestions: Suggestion[];
};

export type NdjsonWriterOptions = {
  /** Written in every line so lines from a fleet can be mixed. @default os.hostname() */
  host?: string;
};

export type NdjsonWriter = {
  write(frame: NdjsonFrame): void;
  /** Lines written so far. */
  readonly lines: number;
};

export function toNdjsonLine(frame: NdjsonFrame, host: string): NdjsonLine {
  return {
    version: NDJSON_VERSION,
    type: 'snapshot',
    host,
    at: new Date(frame.snapshot.atMs).toISOString(),
    snapshot: toSnapshotFigures(frame.snapshot),
    cameraStats: [...(frame.cameraStats ?? [])],
    alerts: frame.outcome.alerts.filter((a) => a.clearedAtMs === null),
    raised: [...frame.outcome.raised],
    suggestions: [...frame.outcome.suggestions],
  };
}

/** Each write is one complete line in one stream.write, so a reader never sees half a record between writes. */
export function createNdjsonWriter(stream: { write(text: string): unknown }, options: NdjsonWriterOptions = {}): NdjsonWriter {
  const host = options.host ?? hostname();
  let lines = 0;
  return {
    write(frame) {
      stream.write(`${JSON.stringify(toNdjsonLine(frame, host))}\n`);
      lines++;
    },
    get lines() {
      return lines;
    },
  };
}
