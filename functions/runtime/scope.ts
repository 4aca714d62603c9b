// Which runtime (ports.ts) the code that runs now uses. Each entry point establishes it explicitly with
// runWith: the Lambda handlers (functions/handlers/aws-runtime.ts), the local stack around its servers,
// timers and workflow runner (infra/local/stack.ts), the tests. Nothing here is a default: code that
// reaches for a port outside runWith fails and says so, instead of silently building AWS clients.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Runtime } from './ports.ts';

const scope = new AsyncLocalStorage<Runtime>();

/** Runs `fn` (and everything it starts, awaits or schedules) with `runtime` as the current runtime. */
export function runWith<T>(runtime: Runtime, fn: () => T): T {
  return scope.run(runtime, fn);
}

/** The runtime of the entry point that is running; throws outside runWith. */
export function runtime(): Runtime {
  const current = scope.getStore();
  if (!current) throw new Error('no runtime: this code runs outside runWith() (functions/runtime/scope.ts); the entry point must establish one');
  return current;
}

/** The current runtime, or undefined outside runWith (for code that also runs in the command line). */
export function currentRuntime(): Runtime | undefined {
  return scope.getStore();
}
