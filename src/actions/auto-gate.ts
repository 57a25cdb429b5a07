// Auto mode's decision, pure with a clock: which automated action to apply now, or why none.
import type { Clock } from '../app/clock.js';
import { formatElapsed } from '../views/format.js';

export type AutoGateOptions = {
  clock: Pick<Clock, 'now'>;
  /** A suggestion's condition must have held this long; default 30 000 ms. */
  minDurationMs?: number;
  /** At most one action per this period; default 300 000 ms (5 min). */
  cooldownMs?: number;
  /** At most this many actions in any hour; default 6. */
  maxPerHour?: number;
};

/** An action a live suggestion offers, whose planner has something to do. */
export type AutoCandidate = {
  actionId: string;
  /** As in the suggestion table: 1 is the most urgent. */
  priority: number;
  automated: boolean;
  /** When the suggestion's condition started to hold. */
  sinceMs: number;
};

export type AutoDecision = { act: true; actionId: string } | { act: false; reason: string };

const HOUR_MS = 3_600_000;

export class AutoGate {
  private readonly minDurationMs: number;
  private readonly cooldownMs: number;
  private readonly maxPerHour: number;
  private appliedAtMs: number[] = [];
  /** The last applied action and whether it helped: null while its effect is unknown. */
  private last: { actionId: string; helped: boolean | null } | null = null;

  constructor(private readonly options: AutoGateOptions) {
    this.minDurationMs = options.minDurationMs ?? 30_000;
    this.cooldownMs = options.cooldownMs ?? 300_000;
    this.maxPerHour = options.maxPerHour ?? 6;
  }

  /**
   * The highest-priority automated candidate that may go now. Cooldown and the hourly cap hold
   * everything back; the duration and no-repeat rules skip to the next candidate.
   */
  decide(candidates: readonly AutoCandidate[]): AutoDecision {
    const now = this.options.clock.now();
    const automated = candidates.filter((c) => c.automated).sort((a, b) => a.priority - b.priority);
    if (automated.length === 0) return { act: false, reason: 'no automated action is suggested' };
    this.appliedAtMs = this.appliedAtMs.filter((at) => at > now - HOUR_MS);
    const oldest = this.appliedAtMs[0];
    if (this.appliedAtMs.length >= this.maxPerHour && oldest !== undefined) {
      return { act: false, reason: `hourly cap: ${this.appliedAtMs.length} actions in the last hour; next possible in ${wait(oldest + HOUR_MS - now)}` };
    }
    const lastAt = this.appliedAtMs[this.appliedAtMs.length - 1];
    if (lastAt !== undefined && now - lastAt < this.cooldownMs) {
      return { act: false, reason: `cooldown: next action possible in ${wait(lastAt + this.cooldownMs - now)}` };
    }
    const reasons: string[] = [];
    for (const candidate of automated) {
      const heldMs = now - candidate.sinceMs;
      if (heldMs < this.minDurationMs) {
        reasons.push(`${candidate.actionId}: condition held ${formatElapsed(heldMs)} of ${formatElapsed(this.minDurationMs)}`);
      } else if (this.last?.actionId === candidate.actionId && this.last.helped !== true) {
        reasons.push(this.last.helped === null
          ? `${candidate.actionId}: waiting for the effect of the last one before repeating it`
          : `${candidate.actionId}: did not improve the metric last time; not repeating it`);
      } else {
        return { act: true, actionId: candidate.actionId };
      }
    }
    return { act: false, reason: reasons.join('; ') };
  }

  /** Call for every apply, by key or auto, so auto mode counts and spaces them all. */
  recordApplied(actionId: string): void {
    this.appliedAtMs.push(this.options.clock.now());
    this.last = { actionId, helped: null };
  }

  /** The measured effect of an apply; only the last applied action's verdict matters. */
  recordEffect(actionId: string, helped: boolean): void {
    if (this.last?.actionId === actionId) this.last = { actionId, helped };
  }
}

/** A wait rounded up to the second, so it never reads "0s" while still waiting. */
function wait(ms: number): string {
  return formatElapsed(Math.ceil(ms / 1000) * 1000);
}
