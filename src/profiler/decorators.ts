// Timing by declaration: a standard (TC39) method decorator and a function wrapper, for sync and async code.
import type { Recorder } from '../timing/recorder.js';
import { globalProfiler } from './global-profiler.js';

/** Where calls are recorded: a profiler (or any Recorder), or a function returning one at call time. */
export type RecorderTarget = Recorder | (() => Recorder);

function resolve(target: RecorderTarget | undefined): Recorder {
  if (target === undefined) return globalProfiler();
  return typeof target === 'function' ? target() : target;
}

/**
 * Method decorator: every call of the method is timed as component.operation; a throw or a rejected
 * promise is recorded as a failure and rethrown. Records into `target`, default the global profiler
 * (looked up at call time, so decorating a class creates nothing).
 *
 *     class Camera { @monitor('camera_manager', 'capture_frame') async capture() { ... } }
 */
export function monitor(component: string, operation: string, target?: RecorderTarget) {
  return function decorate<This, Args extends unknown[], Return>(
    method: (this: This, ...args: Args) => Return,
    context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Return>,
  ): (this: This, ...args: Args) => Return {
    if (context.kind !== 'method') {
      throw new Error(`@monitor('${component}', '${operation}') decorates methods, not a ${String(context.kind)}`);
    }
    return function monitored(this: This, ...args: Args): Return {
      return resolve(target).timed(component, operation, () => method.apply(this, args));
    };
  };
}

/**
 * Wraps a function so that every call is timed as component.operation (sync or async; failures
 * recorded and rethrown). Returns the wrapper; the function is not called here.
 *
 *     const capture = measure('camera_manager', 'capture_frame', captureFrame);
 */
export function measure<This, Args extends unknown[], Return>(
  component: string,
  operation: string,
  fn: (this: This, ...args: Args) => Return,
  target?: RecorderTarget,
): (this: This, ...args: Args) => Return {
  if (typeof fn !== 'function') {
    throw new Error(`measure('${component}', '${operation}', fn): fn is ${typeof fn}, not a function`);
  }
  return function measured(this: This, ...args: Args): Return {
    return resolve(target).timed(component, operation, () => fn.apply(this, args));
  };
}
