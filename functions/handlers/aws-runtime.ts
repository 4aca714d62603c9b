// Every Lambda entry runs inside a runtime (functions/runtime/scope.ts). On AWS that is the one
// composeAws builds from the environment at the cold start, kept for the container's life. The same
// exports also run in the local stack's workflow runner and in tests, which establish their own
// runtime first; then that one is used.
import { environmentConfig } from '../adapters/config.ts';
import { composeAws } from '../runtime/compose.ts';
import type { Runtime } from '../runtime/ports.ts';
import { currentRuntime, runWith } from '../runtime/scope.ts';

let coldStart: Runtime | undefined;

function awsRuntime(): Runtime {
  coldStart ??= composeAws(environmentConfig());
  return coldStart;
}

/**
 * This container's runtime, built when a handler first reaches for a port: a handler that refuses its
 * input (functions/handlers/task.ts) does so before the settings are read, as it did before there was
 * a composition root, and a bad setting still fails the first call that needs it, naming the variable.
 */
const container: Runtime = new Proxy({} as Runtime, { get: (_target, port) => Reflect.get(awsRuntime(), port) });

/** Wraps a handler: it runs in the runtime already established, or else in this container's AWS one. */
export function lambdaEntry<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => (currentRuntime() ? fn(...args) : runWith(container, () => fn(...args)));
}
