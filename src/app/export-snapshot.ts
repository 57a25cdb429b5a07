// The `e` key: the screen's data as one JSON document in the data directory, never overwriting an earlier one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RulesOutcome } from '../rules/rules-engine.js';
import type { Snapshot } from '../store/snapshot.js';
import type { CameraOperationStats } from '../timing/operation-registry.js';

export type ExportInput = {
  snapshot: Snapshot;
  rules: RulesOutcome;
  cameraStats: readonly CameraOperationStats[];
  host: string;
  intervalMs: number;
};

/** The exported document: units in the key names, times as ISO strings beside the epoch milliseconds. */
export function snapshotDocument(input: ExportInput): Record<string, unknown> {
  const { snapshot, rules } = input;
  return {
    format: 'zoomtop-snapshot/1',
    host: input.host,
    at: new Date(snapshot.atMs).toISOString(),
    atMs: snapshot.atMs,
    startedAt: new Date(snapshot.startedAtMs).toISOString(),
    intervalMs: input.intervalMs,
    snapshot,
    cameraStats: input.cameraStats,
    alerts: rules.alerts.map((a) => ({ ...a, firstAt: new Date(a.firstAtMs).toISOString(), lastAt: new Date(a.lastAtMs).toISOString() })),
    suggestions: rules.suggestions,
  };
}

export type ExportFs = {
  /** Default: fs.mkdirSync. */
  mkdir?: (dir: string, options: { recursive: true }) => unknown;
  /** Must fail when the file exists (flag 'wx'). Default: fs.writeFileSync. */
  writeFile?: (file: string, text: string, options: { flag: 'wx' }) => void;
};

/** "zoomtop-snapshot-20260101-120000.json" in local time; -2, -3 ... when one already has that name. */
export function exportSnapshot(dir: string, input: ExportInput, fs: ExportFs = {}): string {
  const mkdir = fs.mkdir ?? mkdirSync;
  const writeFile = fs.writeFile ?? writeFileSync;
  mkdir(dir, { recursive: true });
  const text = `${JSON.stringify(snapshotDocument(input), null, 2)}\n`;
  const stamp = fileStamp(input.snapshot.atMs);
  for (let n = 1; ; n++) {
    const file = join(dir, `zoomtop-snapshot-${stamp}${n === 1 ? '' : `-${n}`}.json`);
    try {
      writeFile(file, text, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error;
    }
  }
}

function fileStamp(atMs: number): string {
  const d = new Date(atMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}
