// App gauges set through profiler.gauge(): the app's own figures (fps, frame time, cameras), bounded.
import { readAppFigures, type GaugeReader } from '../app/app-figures.js';
import type { AppFigures } from '../store/snapshot.js';

/** The gauge names that fill snapshot fields (the StatsD names without the "zoomcam." prefix). */
export const APP_GAUGES = ['fps', 'frame_time_ms', 'cameras', 'cameras_active'] as const;

const MAX_NAMES = 1000;

export class GaugeStore {
  private readonly values = new Map<string, number>();

  set(name: string, value: number): void {
    if (typeof name !== 'string' || name === '') {
      throw new Error(`Profiler.gauge: name ${JSON.stringify(name)} is not a non-empty string; use e.g. "fps" or "${APP_GAUGES.join('", "')}"`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`Profiler.gauge("${name}"): value ${String(value)} is not a finite number`);
    }
    if (!this.values.has(name) && this.values.size >= MAX_NAMES) {
      throw new Error(`Profiler.gauge("${name}"): ${MAX_NAMES} gauge names are already set; gauges are for a few app figures, not per-event data`);
    }
    this.values.set(name, value);
  }

  /** All gauges, by name. */
  entries(): Record<string, number> {
    return Object.fromEntries(this.values);
  }

  /** App figures: gauge() values first, else the StatsD gauges (zoomcam.fps, ...), else null. */
  appFigures(statsd: GaugeReader | undefined): AppFigures {
    const fromStatsd = statsd ? readAppFigures(statsd) : undefined;
    const pick = (name: (typeof APP_GAUGES)[number], fallback: number | null | undefined) => this.values.get(name) ?? fallback ?? null;
    return {
      fps: pick('fps', fromStatsd?.fps),
      frameTimeMs: pick('frame_time_ms', fromStatsd?.frameTimeMs),
      cameras: pick('cameras', fromStatsd?.cameras),
      camerasActive: pick('cameras_active', fromStatsd?.camerasActive),
    };
  }

  clear(): void {
    this.values.clear();
  }
}
