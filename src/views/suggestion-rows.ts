// The Suggestions panel lists one row per action a suggestion offers, so each action can be selected and previewed.
import type { Suggestion } from '../rules/types.js';

/** actionId undefined: advice with no action; `first` marks the row that shows the suggestion's text. */
export type SuggestionRow = { suggestion: Suggestion; actionId: string | undefined; first: boolean };

export function suggestionRows(suggestions: readonly Suggestion[]): SuggestionRow[] {
  return suggestions.flatMap((suggestion): SuggestionRow[] =>
    suggestion.actionIds.length === 0
      ? [{ suggestion, actionId: undefined, first: true }]
      : suggestion.actionIds.map((actionId, i) => ({ suggestion, actionId, first: i === 0 })),
  );
}
