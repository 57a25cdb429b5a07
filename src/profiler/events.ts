// A small typed event emitter: listeners follow the profiler without polling, and one bad listener cannot stop the others.
import type { AlertEntry, Suggestion } from '../rules/types.js';
import type { SnapshotRecord } from './snapshot-record.js';

/** What each event carries. */
export type ProfilerEvents = {
  /** Every new snapshot, once it is in the history and the rules have seen it. */
  snapshot: SnapshotRecord;
  /** An alert raised now (a new log entry, or a repeat merged into one: see `count`). */
  alert: AlertEntry;
  /** A suggestion that became active now. */
  suggestion: Suggestion;
};

export type ProfilerEvent = keyof ProfilerEvents;
export type Listener<E extends ProfilerEvent> = (payload: ProfilerEvents[E]) => void;

const EVENTS: readonly ProfilerEvent[] = ['snapshot', 'alert', 'suggestion'];

export class ProfilerEmitter {
  private readonly listeners = new Map<ProfilerEvent, Set<Listener<never>>>();

  /** @param onListenerError receives what a listener threw; the remaining listeners still run. */
  constructor(private readonly onListenerError: (error: unknown, event: ProfilerEvent) => void) {}

  on<E extends ProfilerEvent>(event: E, listener: Listener<E>): () => void {
    if (!EVENTS.includes(event)) {
      throw new Error(`Profiler.on: unknown event "${String(event)}"; use one of ${EVENTS.join(', ')}`);
    }
    if (typeof listener !== 'function') throw new Error(`Profiler.on("${event}"): the listener is ${typeof listener}, not a function`);
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => this.off(event, listener);
  }

  off<E extends ProfilerEvent>(event: E, listener: Listener<E>): void {
    this.listeners.get(event)?.delete(listener as Listener<never>);
  }

  emit<E extends ProfilerEvent>(event: E, payload: ProfilerEvents[E]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<E>)(payload);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }
}
