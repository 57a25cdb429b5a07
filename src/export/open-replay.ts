// `zoomtop replay FILE`: reads FILE and its rotated predecessors, oldest first, into a Replay.
import { readRecording, recordingFiles, type SkippedLine } from './read-recording.js';
import { createReplay, type Replay, type ReplayOptions } from './replay.js';

export type OpenedReplay = {
  replay: Replay;
  /** The files read, oldest first (FILE.4 ... FILE.1, FILE). */
  files: string[];
  /** Lines skipped per file (cut by a crash, unknown types); show a count, log the details. */
  skipped: { file: string; lines: SkippedLine[] }[];
};

export type OpenReplayOptions = ReplayOptions & {
  /** Rotated files looked for, FILE included (the recorder's maxFiles). @default 5 */
  maxFiles?: number;
  /** Reads a file. @default fs.readFileSync(file, 'utf8') */
  read?: (file: string) => string;
  exists?: (file: string) => boolean;
};

export function openReplay(file: string, options: OpenReplayOptions = {}): OpenedReplay {
  const { maxFiles = 5, read, exists, ...replayOptions } = options;
  const files = recordingFiles(file, maxFiles, exists);
  // The newest file is what was asked for: a missing one is reported by name, not as "no frames".
  if (!files.includes(file)) files.push(file);
  const skipped: OpenedReplay['skipped'] = [];
  const records = files.flatMap((f) => {
    const recording = readRecording(f, read);
    if (recording.skipped.length > 0) skipped.push({ file: f, lines: recording.skipped });
    return recording.records;
  });
  return { replay: createReplay(records, replayOptions), files, skipped };
}
