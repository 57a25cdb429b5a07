// A process-wide registry created on first use, with record/startTimer/timed bound to it (importing creates nothing).
import type { EndTimer } from './recorder.js';
import { OperationRegistry, type OperationRegistryOptions } from './operation-registry.js';

let instance: OperationRegistry | undefined;

/** The default registry, created with default options on the first call. */
export function defaultRegistry(): OperationRegistry {
  return (instance ??= new OperationRegistry());
}

/** The default registry if something already created it, without creating one. */
export function peekDefaultRegistry(): OperationRegistry | undefined {
  return instance;
}

/**
 * Replaces the default registry (e.g. one with a startMs from the app's clock) and returns it.
 * Calls already bound to the old one through series() handles keep going to the old one.
 */
export function configureDefaultRegistry(options: OperationRegistryOptions = {}): OperationRegistry {
  instance = new OperationRegistry(options);
  return instance;
}

export function record(component: string, operation: string, durationMs: number, success = true): void {
  defaultRegistry().record(component, operation, durationMs, success);
}

export function recordForCamera(
  component: string,
  operation: string,
  camera: string,
  durationMs: number,
  success = true,
): void {
  defaultRegistry().recordForCamera(component, operation, camera, durationMs, success);
}

export function startTimer(component: string, operation: string): EndTimer {
  return defaultRegistry().startTimer(component, operation);
}

export function timed<T>(component: string, operation: string, fn: () => T): T {
  return defaultRegistry().timed(component, operation, fn);
}
