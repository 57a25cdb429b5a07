// Dashboard models built by the real views from plausible data, in every state the screen can be in.
import { initialUiState, type UiState } from '../../src/app/ui-state.js';
import { DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES } from '../../src/rules/default-rules.js';
import { RulesEngine, type RulesOutcome } from '../../src/rules/rules-engine.js';
import type { Snapshot } from '../../src/store/snapshot.js';
import { toDashboardModel, type ViewContext } from '../../src/views/dashboard-model.js';
import type { DashboardModel } from '../../src/views/model.js';
import { buildSnapshot, buildStats } from './snapshot-builder.js';

/** A snapshot with history, a GPU, operations (one with errors) and a busy CPU. */
export function busySnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  const wave = Array.from({ length: 300 }, (_, i) => (i % 23 === 7 ? null : 50 + 49 * Math.sin(i / 5)));
  return buildSnapshot({
    cpu: { percent: 97.5, history: wave },
    memory: { percent: 62, usedBytes: 5 * 1024 ** 3, totalBytes: 8 * 1024 ** 3, history: wave.map((v) => (v === null ? null : v / 2)) },
    gpu: { state: 'ok', name: 'VideoCore VI', usagePercent: 41, memoryUsedBytes: 76 * 1024 ** 2, memoryTotalBytes: 256 * 1024 ** 2, history: wave.slice(0, 60) },
    operations: [
      buildStats('camera_manager', 'capture_frame', { p95Ms: 35.1 }),
      buildStats('encoder', 'encode', { p95Ms: 140.2, errors: 4 }),
      buildStats('motion_detector', 'detect', { p95Ms: 4.3 }),
      buildStats('uploader', 'send', { p95Ms: null, avgMs: null, p50Ms: null, p99Ms: null, minMs: null, maxMs: null, windowCount: 0 }),
    ],
    ...overrides,
  });
}

let cachedRules: RulesOutcome | null = null;

/** Alerts and suggestions as the real rules raise them: CPU at 99 % for 40 s. Computed once; treat as read-only. */
export function busyRules(): RulesOutcome {
  if (cachedRules) return cachedRules;
  const rules = new RulesEngine(DEFAULT_ALERT_RULES, DEFAULT_SUGGESTION_RULES);
  let outcome = rules.current();
  for (let s = 0; s <= 40; s++) {
    const atMs = 1_000_000 + s * 1000;
    outcome = rules.evaluate(busySnapshot({ atMs, cpu: { percent: 99, history: [99] }, memory: { percent: 97, usedBytes: 1, totalBytes: 1, history: [97] } }));
  }
  cachedRules = outcome;
  return outcome;
}

export const CONTEXT: ViewContext = {
  host: 'zoomcam-pi',
  intervalMs: 1000,
  statsdAddress: '127.0.0.1:8125',
  windowLabel: 'last 60 s',
  ellipsis: '…',
  bar: '#',
  offsetMinutes: 0,
  cameraStats: [
    { ...buildStats('encoder', 'encode', { p95Ms: 150 }), camera: 'front_door' },
    { ...buildStats('encoder', 'encode', { p95Ms: 90, errors: 4 }), camera: 'driveway' },
  ],
};

const CONFIRM: UiState['dialog'] = {
  kind: 'confirm',
  plan: { actionId: 'lower-resolution', file: '/etc/zoomcam/config.yaml', patches: [{ path: ['cameras', 'front_door', 'resolution'], from: '1920x1080', to: '1280x720', reason: 'cpu' }], summary: 'front_door 1920x1080 -> 1280x720' },
  diff: '--- a\n+++ b\n@@ -3 +3 @@\n-    resolution: "1920x1080"\n+    resolution: "1280x720"\n',
  evidence: 'machine CPU 98.7 % for 12s',
  newText: '',
  expectedHash: 'h',
} as UiState['dialog'];

/** Named UI states that together draw every kind of text the dashboard has. */
export const UI_STATES: Record<string, UiState> = {
  plain: initialUiState,
  'suggestions focused': { ...initialUiState, focus: 'suggestions' },
  paused: { ...initialUiState, paused: true },
  'typing a filter': { ...initialUiState, editingFilter: true, filter: 'enc' },
  'filter matches nothing': { ...initialUiState, filter: 'zzz' },
  'sorted by errors': { ...initialUiState, sort: 'errors' },
  help: { ...initialUiState, dialog: { kind: 'help', offset: 0 } },
  detail: { ...initialUiState, dialog: { kind: 'detail' }, selectedOperation: 'encoder.encode' },
  'detail of an idle operation': { ...initialUiState, dialog: { kind: 'detail' }, selectedOperation: 'uploader.send' },
  confirm: { ...initialUiState, dialog: CONFIRM },
  message: { ...initialUiState, dialog: { kind: 'message', title: 'Snapshot exported', tone: 'ok', lines: ['/home/pi/.local/share/zoomtop/zoomtop-snapshot-20260101-120000.json', '', 'any key closes this'] } },
  'cpu zoomed': { ...initialUiState, focus: 'cpu', zoomed: true },
  'operations zoomed': { ...initialUiState, zoomed: true },
};

export function stateModel(state: UiState, cols: number, rows: number, snapshot = busySnapshot(), rules = busyRules(), context: ViewContext = CONTEXT): DashboardModel {
  return toDashboardModel(snapshot, rules, state, { cols, rows }, context);
}
