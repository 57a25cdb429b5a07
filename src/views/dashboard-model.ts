// Builds the whole screen's model from a snapshot, the rules' outcome and the UI state. Pure.
import type { UiState } from '../app/ui-state.js';
import type { RulesOutcome } from '../rules/rules-engine.js';
import type { Snapshot } from '../store/snapshot.js';
import type { CameraOperationStats } from '../timing/operation-registry.js';
import { toAlertsModel, toSuggestionsModel } from './alerts-model.js';
import { samplesPerColumn } from './chart-columns.js';
import { toCpuModel, toGpuModel, toMemoryModel } from './chart-models.js';
import { toPiHealthModel } from './pi-health-model.js';
import { toProcessTargetLines } from './process-targets-model.js';
import { toDialogModel } from './dialog-model.js';
import { computeLayout } from './layout.js';
import type { ChartModel, DashboardModel, OperationsOrder } from './model.js';
import { appSummary, coarseWindowLabel, operationKey, toOperationsModel } from './operations-model.js';
import { toStatusLine, type StatusContext } from './status-model.js';

export type ViewContext = StatusContext & {
  /** Window the operation statistics describe, e.g. "last 60 s". */
  windowLabel: string;
  /** Glyph used where text is cut; the console theme needs one its font has. */
  ellipsis: string;
  /** One-cell glyph of the detail overlay's bars. Default '#'. */
  bar?: string;
  /** How often the GPU is sampled, for its graph's time span. Default 5000. */
  gpuIntervalMs?: number;
  /** Per-camera statistics, read only while the operation detail is open. Default none. */
  cameraStats?: readonly CameraOperationStats[];
  /** Time zone offset for alert times, minutes east of UTC; local when undefined. */
  offsetMinutes?: number;
  /** The operation rows' order in the frame before (DashboardModel.operationOrder), so close rows keep their places. */
  operationOrder?: OperationsOrder;
};

export function toDashboardModel(
  snapshot: Snapshot,
  rules: RulesOutcome,
  ui: UiState,
  size: { cols: number; rows: number },
  context: ViewContext,
): DashboardModel {
  const { tooSmall, single, layout } = computeLayout(size.cols, size.rows, ui.zoomed ? ui.focus : null, ui.focus);
  const inner = (width: number) => Math.max(0, width - 2);
  // Columns span about 5 s each, zoomed too: a zoomed graph shows more history, not a different scale.
  const chartScale = (id: 'cpu' | 'memory' | 'gpu', sampleMs: number) => ({
    cols: inner(layout[id].width),
    sampleMs,
    perColumn: samplesPerColumn(sampleMs),
    // On a small terminal the focused graph fills the screen as a zoomed one does, and is drawn as one.
    zoomed: (ui.zoomed || single) && ui.focus === id,
  });
  const cpu = toCpuModel(snapshot, chartScale('cpu', context.intervalMs));
  // On a Pi, its health (temperature, throttling, clock) reads under the CPU figure; elsewhere nothing is added.
  const pi = toPiHealthModel(snapshot.pi, inner(layout.cpu.width));
  if (pi.raspberryPi) cpu.lines.splice(1, 0, pi.line);
  const memory = toMemoryModel(snapshot, chartScale('memory', context.intervalMs));
  const targets = toProcessTargetLines(snapshot.processTargets, context.offsetMinutes);
  // Watched processes stand in for the demo's app line when there is no demo.
  if (targets.length > 0 && !snapshot.app) memory.lines = memory.lines.filter((line) => !line[0]?.text.startsWith('app RSS'));
  memory.lines.push(...targets);
  const [cpuShown, memoryShown, gpuShown] = evenFigureLines([cpu, memory, toGpuModel(snapshot, chartScale('gpu', context.gpuIntervalMs ?? 5000))]);
  const { order: operationOrder, ...operations } = toOperationsModel(snapshot.operations, {
    innerWidth: inner(layout.operations.width),
    // The window the figures really cover (shorter than the full one just after start).
    windowLabel: snapshot.operations[0] ? coarseWindowLabel(snapshot.operations[0].window) : context.windowLabel,
    ellipsis: context.ellipsis,
    appSummary: appSummary(snapshot.appFigures),
    sort: ui.sort,
    filter: ui.filter,
    selectedKey: ui.selectedOperation,
    showSelection: ui.focus === 'operations',
    previousOrder: context.operationOrder,
    statsdAddress: context.statsdAddress,
  });
  return {
    cols: size.cols,
    rows: size.rows,
    tooSmall,
    layout,
    focus: ui.focus,
    cpu: cpuShown,
    memory: memoryShown,
    gpu: gpuShown,
    operations,
    operationOrder,
    alerts: toAlertsModel(rules.alerts, Math.max(0, layout.alerts.height - 2), context.offsetMinutes),
    suggestions: toSuggestionsModel(rules.suggestions, ui.selectedSuggestion),
    status: toStatusLine(snapshot, context, { ...ui, single }, size.cols),
    dialog: toDialogModel(ui.dialog, size.rows, ui.dialog?.kind === 'detail' ? detailInput(snapshot, ui, context, operationOrder.keys) : undefined, size.cols),
  };
}

/**
 * The three graphs side by side get as many figure lines each (blank ones at the end), so their
 * graphs are as tall and their `now` lines on the same row: a panel with one line fewer (no app
 * process to show) otherwise sat one row off its neighbours.
 */
function evenFigureLines(charts: [ChartModel, ChartModel, ChartModel]): [ChartModel, ChartModel, ChartModel] {
  const most = Math.max(...charts.map((c) => c.lines.length));
  const even = (c: ChartModel): ChartModel => (c.lines.length === most ? c : { ...c, lines: [...c.lines, ...Array.from({ length: most - c.lines.length }, () => [])] });
  return [even(charts[0]), even(charts[1]), even(charts[2])];
}

/** The operation the detail shows: the selected one, else the first row as the table shows it. */
function detailInput(snapshot: Snapshot, ui: UiState, context: ViewContext, shownKeys: readonly string[]) {
  const key = ui.selectedOperation ?? shownKeys[0] ?? null;
  const stats = snapshot.operations.find((s) => operationKey(s) === key);
  return { key, stats, cameras: context.cameraStats ?? [], bar: context.bar ?? '#' };
}
