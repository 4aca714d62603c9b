// Runs workflows/submission.asl.json in-process with aws-local-stepfunctions, each Task bound by state
// name to the handler the Lambda runs. Executions are recorded in the table; after a restart the
// unfinished ones run again from the start, which is safe because every task is idempotent.
// Long waits: the interpreter sleeps with one setTimeout, which cannot wait longer than 24.8 days,
// while the follow-up waits a month and more (GDPR, CCPA deadlines). The runner therefore runs each
// `Wait` with `SecondsPath` itself (see localDefinition): in steps of at most 20 days of the clock,
// until the whole wait has passed. The workflow file keeps one Wait per turn, so AWS pays no extra
// turns; a restart during a wait resumes the execution, whose next follow-up turn plans the rest.
import './node20.ts';
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { TASK_HANDLERS } from '../../functions/handlers/tasks-by-state.ts';
import { FAILURE_STATES } from '../cdk/asl.ts';
import { clock } from '../../functions/adapters/clock.ts';
import { createExecution, type ExecutionRecord, getExecution, listExecutions, updateExecution } from '../../functions/data/executions.ts';

export type { ExecutionRecord } from '../../functions/data/executions.ts';

export const ASL_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'workflows', 'submission.asl.json');

/** Loads the ASL with every ${...FunctionArn} placeholder replaced, as CDK's definitionSubstitutions do. */
function loadDefinition(file = ASL_FILE): StateMachineDefinition {
  const text = readFileSync(file, 'utf8').replace(
    /\$\{(\w+)FunctionArn\}/g,
    (_match, state: string) => `arn:aws:lambda:us-east-1:000000000000:function:optout-${state}`,
  );
  return JSON.parse(text) as StateMachineDefinition;
}

/** The longest single timer the runner sets for a Wait: 20 days of the clock (setTimeout's limit is 24.8 days). */
export const MAX_TIMER_MS = 20 * 86_400_000;

/**
 * The longest real time one local Wait runs: the interpreter gives every Task a timeout (60 s unless
 * the state says otherwise) and sets it with one setTimeout, so the Task standing in for a Wait gets
 * LOCAL_WAIT_TIMEOUT_SECONDS, and the wait returns before it. The FollowUp turn after an early return
 * finds its step not yet due and plans the rest (functions/app/followup.ts), as after a restart.
 */
export const MAX_REAL_WAIT_MS = 22 * 86_400_000;
export const LOCAL_WAIT_TIMEOUT_SECONDS = 24 * 86_400;

/** A Task state without its own TimeoutSeconds runs locally for at most as long as a Lambda function can. */
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;

const LOCAL_WAIT_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:optout-local-wait-';

type StateNode = Record<string, unknown> & {
  Type?: string;
  States?: Record<string, StateNode>;
  ItemProcessor?: StateNode;
  Iterator?: StateNode;
  Branches?: StateNode[];
};

/**
 * The definition the local interpreter runs: the ASL file, with every `Wait` that takes its seconds
 * from the state (`SecondsPath`) run by the runner (a local Task of the same name that passes its
 * input through, as a Wait does). Returns the definition and the SecondsPath of each such state.
 * History events and transitions are still counted as for a Wait (estimateHistoryEvents).
 */
export function localDefinition(file = ASL_FILE): { definition: StateMachineDefinition; waits: Map<string, string> } {
  const definition = loadDefinition(file) as unknown as StateNode;
  const waits = new Map<string, string>();
  const walk = (machine: StateNode | undefined) => {
    for (const [name, state] of Object.entries(machine?.States ?? {})) {
      // Step Functions gives a Task no timeout of its own (the Lambda's ends it); the interpreter gives 60 s.
      if (state.Type === 'Task' && state.TimeoutSeconds === undefined) state.TimeoutSeconds = LAMBDA_MAX_TIMEOUT_SECONDS;
      if (state.Type === 'Wait' && typeof state.SecondsPath === 'string') {
        waits.set(name, state.SecondsPath);
        const { SecondsPath: _path, Type: _type, ...rest } = state;
        machine!.States![name] = {
          ...rest,
          Type: 'Task',
          Resource: `${LOCAL_WAIT_ARN}${name}`,
          ResultPath: null,
          TimeoutSeconds: LOCAL_WAIT_TIMEOUT_SECONDS,
        };
      }
      walk(state.ItemProcessor ?? state.Iterator);
      for (const branch of state.Branches ?? []) walk(branch);
    }
  };
  walk(definition);
  return { definition: definition as unknown as StateMachineDefinition, waits };
}

/** The value of a simple JSONPath ($.a.b) in a state's input. */
function valueAt(input: unknown, path: string): unknown {
  return path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], input);
}

/** Real ms for `ms` of the clock (which may run faster than real time in demos and tests). */
function realMs(ms: number): number {
  return Math.max(1, Math.ceil(ms / clock().speed));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Sleeps `clockMs` of the clock, or until `signal` aborts. The default sets one real timer, scaled to the clock's speed. */
export interface WaitTimer {
  sleep(clockMs: number, signal: AbortSignal): Promise<void>;
}

const realTimer: WaitTimer = { sleep: (clockMs, signal) => sleep(realMs(clockMs), signal) };

/**
 * Waits `seconds` of the clock, in timers of at most MAX_TIMER_MS each, until the whole time has
 * passed (measured on the clock, so a slow timer or a clock jump never ends it early). Reports each
 * timer it sets to `onTimer` (tests and the bench count them). Ends early only when aborted, or
 * after `realBudgetMs` of real time (see MAX_REAL_WAIT_MS: the next FollowUp turn waits the rest).
 */
export async function waitLong(
  seconds: number,
  signal: AbortSignal,
  onTimer?: (clockMs: number) => void,
  timer: WaitTimer = realTimer,
  realBudgetMs = MAX_REAL_WAIT_MS,
): Promise<void> {
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`Wait needs a number of seconds >= 0, got ${String(seconds)}`);
  const until = clock().now().getTime() + seconds * 1000;
  const realEnd = Date.now() + realBudgetMs;
  for (;;) {
    const left = until - clock().now().getTime();
    const realLeft = realEnd - Date.now();
    if (left <= 0 || realLeft <= 0 || signal.aborted) return;
    const step = Math.min(left, MAX_TIMER_MS, realLeft * clock().speed);
    onTimer?.(step);
    await timer.sleep(step, signal);
  }
}

/** What a Task state gets: the ids (see functions/handlers/task.ts). */
export interface TaskInput {
  submissionId?: string;
  requestId?: string;
}

/**
 * Tests only: decides for each Task call whether it fails with a permanent error, thrown 'before' its
 * handler runs or 'after' the handler did its work (a lost response). Passed in code by a test, never
 * read from the environment: `npm start` and the Lambda functions have no way to set it.
 */
export type FaultPlan = (state: string, input: TaskInput) => 'before' | 'after' | undefined;

/** The injected error: its name is in no Retry's ErrorEquals, so only a Catch (States.ALL) takes it. */
export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

const REQUEST_FAILED = new Set<string>(FAILURE_STATES.requestFailed);
const UNRECORDED = new Set<string>(FAILURE_STATES.unrecorded);

/**
 * The local counterpart of the RequestsFailed and RequestFailuresUnrecorded alarms: one structured
 * error line when an execution enters a failure state.
 */
function logFailureState(execution: string, entry: { type: string; state?: { name: string; input?: unknown } }): void {
  if (entry.type !== 'StateEntered' || !entry.state) return;
  const { name } = entry.state;
  if (!REQUEST_FAILED.has(name) && !UNRECORDED.has(name)) return;
  const input = (entry.state.input ?? {}) as TaskInput & { error?: unknown; recordError?: unknown; summaryError?: unknown };
  console.error(
    JSON.stringify({
      level: 'error',
      msg: REQUEST_FAILED.has(name) ? 'request failed' : 'failure not recorded',
      alarm: REQUEST_FAILED.has(name) ? 'RequestsFailed' : 'RequestFailuresUnrecorded',
      execution,
      state: name,
      submissionId: input.submissionId,
      requestId: input.requestId,
      error: input.recordError ?? input.summaryError ?? input.error,
    }),
  );
}

interface Running {
  abort: () => void;
  done: Promise<void>;
}

/**
 * Step Functions Standard history events, estimated from the local interpreter's event log: a Lambda
 * Task state writes 5 (entered, scheduled, started, succeeded, exited), a Map 4 plus 2 per iteration,
 * other states 2, a retried attempt 3 more; the execution adds 2 (started, succeeded).
 */
export function estimateHistoryEvents(
  log: { type: string; state?: { type: string; name?: string } }[],
  /** States run by the runner in place of a Wait (localDefinition): counted as the Wait they are on AWS. */
  waits: ReadonlySet<string> = new Set(),
): { events: number; transitions: number } {
  let events = 2;
  let transitions = 0;
  for (const entry of log) {
    if (entry.type === 'StateEntered') {
      transitions += 1;
      const type = entry.state?.name && waits.has(entry.state.name) ? 'Wait' : entry.state?.type;
      events += type === 'Task' ? 5 : type === 'Map' ? 4 : 2;
    } else if (entry.type === 'MapIterationStarted' || entry.type === 'MapIterationSucceeded' || entry.type === 'MapIterationFailed') {
      events += 1;
    } else if (entry.type === 'StateRetried') {
      events += 3;
    }
  }
  return { events, transitions };
}

export class LocalWorkflowRunner {
  private readonly machine: StateMachine;
  /** Wait states the runner runs itself (name -> SecondsPath), see localDefinition. */
  private readonly waits: Map<string, string>;
  private readonly running = new Map<string, Running>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly handlers: Record<string, (input: unknown) => Promise<unknown>>;
  private stopped = false;
  private readonly scope: <T>(fn: () => T) => T;

  constructor(
    private readonly options: {
      retryIntervalMs?: number;
      onFinish?: (record: ExecutionRecord) => void;
      /** Every interpreter event (state inputs and outputs included); tests check what workflow state holds. */
      onEvent?: (entry: unknown) => void;
      /** Tests only: permanent errors to inject into named Task states (see FaultPlan). */
      faults?: FaultPlan;
      /** Each timer a long Wait sets, in ms of the clock (at most MAX_TIMER_MS); tests and the bench count them. */
      onWaitTimer?: (state: string, clockMs: number) => void;
      /** The bench only: a timer driven by simulated time instead of real timers (default realTimer). */
      waitTimer?: WaitTimer;
      /**
       * Runs its argument in the stack's runtime (functions/runtime/scope.ts): every public method and
       * every task and wait goes through it, so a test may call waitFor() from anywhere.
       */
      scope?: <T>(fn: () => T) => T;
    } = {},
  ) {
    this.scope = options.scope ?? ((fn) => fn());
    const { definition, waits } = localDefinition();
    this.waits = waits;
    this.machine = new StateMachine(definition, { validationOptions: { checkArn: true, checkPaths: true } });
    // Track each running task so stop() can let it finish: a step cut off half-way (letter sent, not
    // yet recorded) is the one thing idempotency cannot mend.
    this.handlers = Object.fromEntries(
      Object.entries(TASK_HANDLERS).map(([state, handler]) => [
        state,
        (input: unknown) => {
          if (this.stopped) return Promise.reject(new Error('the local runtime is stopping'));
          const fault = this.options.faults?.(state, (input ?? {}) as TaskInput);
          if (fault === 'before') return Promise.reject(new InjectedFault(`${state} failed (injected by a test)`));
          const call = this.scope(() => (handler as (input: unknown) => Promise<unknown>)(input));
          this.inFlight.add(call);
          void call.catch(() => undefined).finally(() => this.inFlight.delete(call));
          if (fault === 'after') {
            return call.then(() => {
              throw new InjectedFault(`${state} failed after its work (injected by a test)`);
            });
          }
          return call;
        },
      ]),
    );
  }

  /**
   * Starts an execution unless one of that name exists (as StartExecution with the same name does).
   * A FAILED one is run again from the start, like a redrive: its tasks are idempotent.
   */
  start(name: string, input: { submissionId: string }): Promise<void> {
    return this.scope(() => this.startHere(name, input));
  }

  private async startHere(name: string, input: { submissionId: string }): Promise<void> {
    const record: ExecutionRecord = { name, input, status: 'RUNNING', startedAt: new Date().toISOString() };
    if (await createExecution(record)) {
      this.run(record);
      return;
    }
    const existing = await this.get(name);
    if (existing?.status === 'FAILED' && !this.running.has(name)) {
      await updateExecution(name, { status: 'RUNNING', error: undefined, redrivenAt: new Date().toISOString() });
      this.run({ ...existing, status: 'RUNNING' });
    }
  }

  /** Runs again every execution the table still lists as RUNNING (after a restart). */
  resumeUnfinished(): Promise<string[]> {
    return this.scope(() => this.resumeHere());
  }

  private async resumeHere(): Promise<string[]> {
    const records = await listExecutions();
    const unfinished = records.filter((r) => r.status === 'RUNNING' && !this.running.has(r.name));
    for (const record of unfinished) this.run(record);
    return unfinished.map((r) => r.name);
  }

  /**
   * Stops one execution for good, as StopExecution does: no further state runs, a task already
   * running finishes on its own, and the record says ABORTED, so neither start() nor a restart runs it
   * again. Unknown or finished executions are left as they are.
   */
  stopExecution(name: string): Promise<void> {
    return this.scope(() => this.stopHere(name));
  }

  private async stopHere(name: string): Promise<void> {
    const run = this.running.get(name);
    if (run) {
      run.abort();
      await run.done;
      return;
    }
    if ((await this.get(name))?.status === 'RUNNING') {
      await updateExecution(name, { status: 'ABORTED', endedAt: new Date().toISOString() });
    }
  }

  get(name: string): Promise<ExecutionRecord | undefined> {
    return this.scope(() => getExecution(name));
  }

  /** Resolves when the named execution (started by this runner) has finished. */
  async waitFor(name: string): Promise<ExecutionRecord | undefined> {
    await this.running.get(name)?.done;
    return this.get(name);
  }

  get activeCount(): number {
    return this.running.size;
  }

  /** Task handlers running right now (not counting long waits). */
  get tasksInFlight(): number {
    return this.inFlight.size;
  }

  /** This run's handlers: the Task handlers, and the long waits, which end when the run is aborted. */
  private runHandlers(signal: AbortSignal): Record<string, (input: unknown) => Promise<unknown>> {
    const waits = Object.fromEntries(
      [...this.waits].map(([state, path]) => [
        state,
        async (input: unknown) => {
          await this.scope(() => waitLong(Number(valueAt(input, path)), signal, (ms) => this.options.onWaitTimer?.(state, ms), this.options.waitTimer));
          return {};
        },
      ]),
    );
    return { ...this.handlers, ...waits };
  }

  private run(record: ExecutionRecord): void {
    const stopWaits = new AbortController();
    setMaxListeners(0, stopWaits.signal); // one listener per waiting request (up to the largest submission)
    const overrides = {
      taskResourceLocalHandlers: this.runHandlers(stopWaits.signal),
      retryIntervalOverrides: this.options.retryIntervalMs === undefined ? undefined : this.retryOverrides(this.options.retryIntervalMs),
    };
    const execution = this.machine.run(record.input, {
      overrides,
      noThrowOnAbort: true,
      context: { Execution: { Name: record.name, Input: record.input, StartTime: record.startedAt } },
    } as unknown as Parameters<StateMachine['run']>[1]);
    const log: { type: string; state?: { type: string; name?: string } }[] = [];
    const collect = (async () => {
      for await (const entry of execution.eventLogs) {
        log.push(entry as { type: string; state?: { type: string; name?: string } });
        logFailureState(record.name, entry as { type: string; state?: { name: string; input?: unknown } });
        this.options.onEvent?.(entry);
      }
    })();
    const done = (async () => {
      let status: ExecutionRecord['status'] = 'SUCCEEDED';
      let error: string | undefined;
      try {
        const result = await execution.result;
        if (result === null && this.stopped) return; // aborted by stop(): stays RUNNING for resume
        if (result === null) status = 'ABORTED'; // stopExecution()
      } catch (e) {
        if (this.stopped) return;
        status = 'FAILED';
        error = `${(e as Error).name}: ${(e as Error).message}`;
        console.error(JSON.stringify({ level: 'error', msg: 'execution failed', execution: record.name, error }));
      }
      await collect.catch(() => undefined);
      const { events, transitions } = estimateHistoryEvents(log, new Set(this.waits.keys()));
      const patch = { status, endedAt: new Date().toISOString(), error, historyEvents: events, stateTransitions: transitions };
      await updateExecution(record.name, patch);
      this.options.onFinish?.({ ...record, ...patch });
    })().finally(() => this.running.delete(record.name));
    const abort = () => {
      stopWaits.abort();
      execution.abort();
    };
    this.running.set(record.name, { abort, done });
  }

  private retryOverrides(ms: number): Record<string, number> {
    return Object.fromEntries(Object.keys(TASK_HANDLERS).map((state) => [state, ms]));
  }

  /** Aborts running executions without marking them finished, so the next start resumes them. */
  async stop(graceMs = 15_000): Promise<void> {
    this.stopped = true;
    const pending = [...this.running.values()];
    for (const run of pending) run.abort();
    await Promise.allSettled(pending.map((run) => run.done));
    const grace = new Promise((r) => setTimeout(r, graceMs).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), grace]);
  }
}
