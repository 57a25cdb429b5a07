// Orders names by their characters' code points: the same order everywhere, and no ICU collator.

/**
 * A plain ordinal comparison for sorting. localeCompare would load ICU's collation data on first
 * use (about 3 MB of resident memory, issue 8's RSS target), and its order changes with the
 * locale; operation and source names are identifiers, for which code-point order is the natural one.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
