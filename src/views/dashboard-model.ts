// Builds the whole screen's model from a snapshot, the rules' outcome and the UI state. Pure.
import type { UiState } from '../app/ui-state.js';
import type { RulesOutcome } from '../rules/rules-engine.js';
import type { Snapshot } from '../store/snapshot.js';
import { toAlertsModel, toSuggestionsModel } from './alerts-model.js';
import { toCpuModel, toGpuModel, toMemoryModel } from './chart-models.js';
import { toDialogModel } from './dialog-model.js';
import { computeLayout } from './layout.js';
import type { DashboardModel } from './model.js';
import { appSummary, toOperationsModel } from './operations-model.js';
import { toStatusLine, type StatusContext } from './status-model.js';

export type ViewContext = StatusContext & {
  /** Window the operation statistics describe, e.g. "last 60 s". */
  windowLabel: string;
  /** Glyph used where text is cut; the console theme needs one its font has. */
  ellipsis: string;
  /** Time zone offset for alert times, minutes east of UTC; local when undefined. */
  offsetMinutes?: number;
};

export function toDashboardModel(
  snapshot: Snapshot,
  rules: RulesOutcome,
  ui: UiState,
  size: { cols: number; rows: number },
  context: ViewContext,
): DashboardModel {
  const { tooSmall, layout } = computeLayout(size.cols, size.rows);
  const inner = (width: number) => Math.max(0, width - 2);
  return {
    cols: size.cols,
    rows: size.rows,
    tooSmall,
    layout,
    cpu: toCpuModel(snapshot),
    memory: toMemoryModel(snapshot),
    gpu: toGpuModel(snapshot),
    operations: toOperationsModel(snapshot.operations, inner(layout.operations.width), context.windowLabel, context.ellipsis, appSummary(snapshot.appFigures)),
    alerts: toAlertsModel(rules.alerts, Math.max(0, layout.alerts.height - 2), context.offsetMinutes),
    suggestions: toSuggestionsModel(rules.suggestions, ui.selectedSuggestion),
    status: toStatusLine(snapshot, context),
    dialog: toDialogModel(ui.dialog),
  };
}
