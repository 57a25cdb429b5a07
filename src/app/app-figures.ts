// The app's own figures (fps, frame time, cameras) from its StatsD gauges, by the documented names.
import type { AppFigures } from '../store/snapshot.js';

export type GaugeReader = { get(name: string): { value: number } | undefined };

/** Gauge names under a prefix (default "zoomcam"): <prefix>.fps, .frame_time_ms, .cameras, .cameras_active. */
export function readAppFigures(gauges: GaugeReader, prefix = 'zoomcam'): AppFigures {
  const read = (name: string) => gauges.get(`${prefix}.${name}`)?.value ?? null;
  return {
    fps: read('fps'),
    frameTimeMs: read('frame_time_ms'),
    cameras: read('cameras'),
    camerasActive: read('cameras_active'),
  };
}
