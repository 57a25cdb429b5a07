// Reads a recording back: every record in order; a line cut by a crash (usually the last) is skipped and reported.
import { existsSync, readFileSync } from 'node:fs';
import { RECORD_TYPES, RECORDING_VERSION, type RecordingRecord } from './recording-types.js';

export type SkippedLine = { line: number; reason: string };

export type Recording = {
  records: RecordingRecord[];
  /** Lines that were not records (cut by a crash, or of an unknown type), 1-based. */
  skipped: SkippedLine[];
  /** The file ended in the middle of a record (the usual trace of a crash or power loss). */
  truncatedTail: boolean;
};

/** Parses recording text; `where` names it in errors (a file name). */
export function parseRecording(text: string, where: string): Recording {
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n') || text === '';
  const records: RecordingRecord[] = [];
  const skipped: SkippedLine[] = [];
  let truncatedTail = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const isLast = i === lines.length - 1 && !endsClean;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (isLast) truncatedTail = true;
      skipped.push({ line: i + 1, reason: isLast ? 'cut short at the end of the file' : 'not a JSON record (cut short by an earlier crash?)' });
      continue;
    }
    const problem = checkRecord(value, `${where} line ${i + 1}`);
    if (problem === null) records.push(value as RecordingRecord);
    else skipped.push({ line: i + 1, reason: problem });
  }
  return { records, skipped, truncatedTail };
}

export function readRecording(file: string, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): Recording {
  let text: string;
  try {
    text = read(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`recording ${JSON.stringify(file)} cannot be read (${code}); give the file written by zoomtop --record`);
  }
  return parseRecording(text, file);
}

/** FILE and its rotated predecessors that exist, oldest first (FILE.4 ... FILE.1, FILE): read them in this order. */
export function recordingFiles(file: string, maxFiles = 5, exists: (file: string) => boolean = existsSync): string[] {
  const out: string[] = [];
  for (let n = maxFiles - 1; n >= 1; n--) if (exists(`${file}.${n}`)) out.push(`${file}.${n}`);
  if (exists(file)) out.push(file);
  return out;
}

/** null when the value is a record this version reads; else why it is skipped. A newer version is an error. */
function checkRecord(value: unknown, where: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (typeof record['v'] !== 'number') return 'no version field "v"';
  if (record['v'] > RECORDING_VERSION) {
    throw new Error(`${where}: recording version ${record['v']} is newer than this zoomtop reads (${RECORDING_VERSION}); replay it with a newer zoomtop`);
  }
  const type = record['type'];
  if (typeof type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(type)) return `unknown record type ${JSON.stringify(type)}`;
  if (typeof record['atMs'] !== 'number' || !Number.isFinite(record['atMs'])) return `${type} record without a numeric atMs`;
  const missing = REQUIRED[type as RecordingRecord['type']].filter((field) => record[field] === undefined || record[field] === null);
  if (missing.length > 0) return `${type} record without ${missing.join(', ')}`;
  if (type !== 'frame') return null;
  // A replay reads these without further checks, so a frame missing one is skipped here rather than failing later.
  const snapshot = record['snapshot'] as Record<string, unknown>;
  const missingFigures = FRAME_FIGURES.filter((field) => typeof snapshot[field] !== 'object' || snapshot[field] === null);
  return missingFigures.length === 0 ? null : `frame record without snapshot.${missingFigures.join(', snapshot.')}`;
}

const FRAME_FIGURES = ['cpu', 'memory', 'gpu', 'appFigures', 'statsd'];

const REQUIRED: Record<RecordingRecord['type'], string[]> = {
  header: ['format'],
  frame: ['snapshot', 'history', 'suggestions'],
  operations: ['window', 'changed', 'removed'],
  alert: ['entry'],
  action: ['actionId', 'summary', 'ok'],
};
