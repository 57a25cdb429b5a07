// The records of a zoomtop recording (NDJSON, one per line); each file starts with a header and a keyframe.
import type { AlertEntry, Suggestion } from '../rules/types.js';
import type { OperationStats, StatsWindow } from '../timing/types.js';
import type { HistoryDelta } from './history-delta.js';
import type { SnapshotFigures } from './snapshot-figures.js';

/** Bumped when a record changes meaning; a reader refuses newer versions instead of misreading them. */
export const RECORDING_VERSION = 1;
export const RECORDING_FORMAT = 'zoomtop-recording';

/** An operation row without the window (it is the same for every row of a frame, so it is written once). */
export type OperationRow = Omit<OperationStats, 'window'> & { camera?: string };

/** Identifies a row: [component, operation] or [component, operation, camera]. */
export type OperationKey = [string, string] | [string, string, string];

type Base = { v: typeof RECORDING_VERSION; atMs: number };

export type HeaderRecord = Base & { type: 'header'; format: typeof RECORDING_FORMAT; host: string };

export const HISTORY_NAMES = ['cpu', 'memory', 'gpu', 'temperature'] as const;
/** The chart histories: CPU %, memory %, GPU usage %, SoC temperature (°C). */
export type HistoryName = (typeof HISTORY_NAMES)[number];

/** One snapshot as the operator saw it; keyframe: histories, operations and alerts start from empty. */
export type FrameRecord = Base & {
  type: 'frame';
  keyframe: boolean;
  snapshot: Omit<SnapshotFigures, 'operations'>;
  history: Record<HistoryName, HistoryDelta>;
  suggestions: Suggestion[];
};

/** Operation rows that changed since the previous frame (all of them after a keyframe), and rows that went away. */
export type OperationsRecord = Base & { type: 'operations'; window: StatsWindow; changed: OperationRow[]; removed: OperationKey[] };

/** An alert log entry as it is now (new, merged, or cleared); entries are identified by ruleId and firstAtMs. */
export type AlertRecord = Base & { type: 'alert'; entry: AlertEntry };

/** An optimizer action attempted; ok false carries the error. */
export type ActionRecord = Base & { type: 'action'; actionId: string; summary: string; ok: boolean; trigger?: string; error?: string };

export type RecordingRecord = HeaderRecord | FrameRecord | OperationsRecord | AlertRecord | ActionRecord;
export type RecordType = RecordingRecord['type'];
export const RECORD_TYPES: readonly RecordType[] = ['header', 'frame', 'operations', 'alert', 'action'];
