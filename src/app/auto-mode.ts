// Auto mode: on each snapshot, asks the auto gate whether an automated action may go, then previews and applies it.
import type { AutoGate } from '../actions/auto-gate.js';
import type { Suggestion } from '../rules/types.js';
import type { ActionController } from './action-controller.js';
import type { Logger } from './log-file.js';

export type AutoModeDeps = {
  gate: Pick<AutoGate, 'decide' | 'recordApplied'>;
  actions: Pick<ActionController, 'preview' | 'apply' | 'readOnly'>;
  log: Pick<Logger, 'info' | 'warn'>;
  isOn: () => boolean;
  /** Auto mode never acts under an open dialog: the operator is looking at something. */
  onDialogFree: () => boolean;
};

export function createAutoMode(deps: AutoModeDeps) {
  let busy = false;
  let lastReason = '';
  return {
    /** Applies at most one action; resolves with what it did, for tests and the log. */
    async consider(suggestions: readonly Suggestion[]): Promise<string | null> {
      if (busy || !deps.isOn() || deps.actions.readOnly || !deps.onDialogFree()) return null;
      const candidates = suggestions.flatMap((s) => s.actionIds.map((actionId) => ({ actionId, priority: s.priority, automated: s.automated, sinceMs: s.sinceMs, suggestion: s })));
      const decision = deps.gate.decide(candidates);
      if (!decision.act) {
        // Said once per new reason, so the log is not a line per second.
        if (decision.reason !== lastReason) deps.log.info(`auto mode waits: ${decision.reason}`);
        lastReason = decision.reason;
        return null;
      }
      const suggestion = candidates.find((c) => c.actionId === decision.actionId)?.suggestion;
      busy = true;
      try {
        const preview = await deps.actions.preview(suggestion, decision.actionId);
        if (preview.kind !== 'confirm') {
          deps.log.warn(`auto mode: ${decision.actionId} not applied: ${preview.kind === 'message' ? preview.lines[0] : preview.kind}`);
          // Counted as an attempt, so a planner with nothing to do is not retried every second.
          deps.gate.recordApplied(decision.actionId);
          return null;
        }
        const result = await deps.actions.apply(preview, { trigger: 'auto' });
        deps.gate.recordApplied(decision.actionId);
        const done = `auto mode applied ${decision.actionId}: ${preview.plan.summary} (${result.kind === 'message' ? result.title : result.kind})`;
        deps.log.info(done);
        return done;
      } finally {
        busy = false;
      }
    },
  };
}
