// The Alerts log and the Suggestions list as lines of text with tones.
import type { AlertEntry, AlertLevel, Suggestion } from '../rules/types.js';
import { formatClock } from './format.js';
import { suggestionRows } from './suggestion-rows.js';
import type { Line, ListModel, Tone } from './model.js';

const LEVEL_TONE: Record<AlertLevel, Tone> = { info: 'muted', warning: 'warning', critical: 'critical' };
const LEVEL_LABEL: Record<AlertLevel, string> = { info: 'INFO', warning: 'WARN', critical: 'CRIT' };

/** Alerts newest first: time, level, message, and a repeat count when merged. */
export function toAlertsModel(alerts: readonly AlertEntry[], maxLines: number, offsetMinutes?: number): ListModel {
  const lines: Line[] = alerts.slice(0, Math.max(0, maxLines)).map((a) => [
    { text: `${formatClock(a.lastAtMs, offsetMinutes)} `, tone: 'muted' },
    { text: `${LEVEL_LABEL[a.level]} `, tone: LEVEL_TONE[a.level] },
    { text: a.message, tone: 'normal' },
    { text: a.count > 1 ? ` x${a.count}` : '', tone: 'careful' },
    { text: a.clearedAtMs === null ? '' : ` (cleared ${formatClock(a.clearedAtMs, offsetMinutes)})`, tone: 'ok' },
  ]);
  // Continuation rows start under the message: "12:00:00 WARN " is 14 cells.
  return { title: 'Alerts', lines, selectedIndex: -1, empty: 'no alerts', wrapIndent: 14 };
}

/** Suggestions with impact, effort and priority; the selected one is marked by the widget. */
export function toSuggestionsModel(suggestions: readonly Suggestion[], selectedIndex: number): ListModel {
  const rows = suggestionRows(suggestions);
  const lines: Line[] = rows.map(({ suggestion: s, actionId, first }): Line => {
    // The action comes before impact and effort: on a narrow panel it is what the operator must see.
    const action = { text: actionId ? ` [a: ${actionId}]` : ' (advice only)', tone: actionId ? ('ok' as const) : ('muted' as const) };
    if (!first) return [{ text: '   or', tone: 'muted' }, action];
    return [
      { text: `P${s.priority} `, tone: s.priority <= 1 ? 'warning' : 'careful' },
      { text: s.text, tone: 'normal' },
      action,
      { text: ` impact ${s.impact}, effort ${s.effort}`, tone: 'muted' },
    ];
  });
  const selected = rows.length === 0 ? -1 : Math.min(Math.max(0, selectedIndex), rows.length - 1);
  // Continuation rows start under the text, past "P1 ".
  return { title: 'Suggestions', lines, selectedIndex: selected, empty: 'no suggestions: nothing to fix right now', wrapIndent: 3 };
}
