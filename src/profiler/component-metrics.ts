// Per-component view of the registry's statistics: totals since start or clear, distribution over one stated window.
import type { OperationStats } from '../timing/types.js';

/** One operation: count and errors are totals; every distribution field describes `window`, the same for all. */
export type OperationMetrics = Omit<OperationStats, 'component' | 'operation'>;

export type ComponentMetrics = {
  component: string;
  /** ISO time when any of its operations was last seen changing (to within one sampling tick); null if unknown. */
  lastUpdate: string | null;
  operations: Record<string, OperationMetrics>;
};

/** The component's metrics out of all stats, or undefined when it has no operation. */
export function toComponentMetrics(
  component: string,
  stats: readonly OperationStats[],
  lastUpdateMs: (operation: string) => number | null,
): ComponentMetrics | undefined {
  const own = stats.filter((s) => s.component === component);
  if (own.length === 0) return undefined;
  let latest: number | null = null;
  const entries = own.map((s): [string, OperationMetrics] => {
    const { component: _c, operation, ...rest } = s;
    const updated = lastUpdateMs(operation);
    if (updated !== null && (latest === null || updated > latest)) latest = updated;
    return [operation, { ...rest, window: { ...rest.window } }];
  });
  return {
    component,
    lastUpdate: latest === null ? null : new Date(latest).toISOString(),
    // fromEntries defines own properties, so an operation named "__proto__" stays an ordinary key.
    operations: Object.fromEntries(entries),
  };
}
