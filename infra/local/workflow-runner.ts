// Runs workflows/submission.asl.json in-process with aws-local-stepfunctions, each Task bound by state
// name to the handler the Lambda runs. Executions are recorded in the table; after a restart the
// unfinished ones run again from the start, which is safe because every task is idempotent.
import './node20.ts';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { TASK_HANDLERS } from '../../functions/handlers/tasks-by-state.ts';
import { FAILURE_STATES } from '../cdk/asl.ts';
import { key } from '../../functions/data/schema.ts';
import { getItem, putItem, queryPartition, updateItem } from '../../functions/data/store.ts';

export const ASL_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'workflows', 'submission.asl.json');

/** Loads the ASL with every ${...FunctionArn} placeholder replaced, as CDK's definitionSubstitutions do. */
export function loadDefinition(file = ASL_FILE): StateMachineDefinition {
  const text = readFileSync(file, 'utf8').replace(
    /\$\{(\w+)FunctionArn\}/g,
    (_match, state: string) => `arn:aws:lambda:us-east-1:000000000000:function:optout-${state}`,
  );
  return JSON.parse(text) as StateMachineDefinition;
}

export interface ExecutionRecord {
  name: string;
  input: { submissionId: string };
  /** ABORTED: stopped for good by stopExecution (the person deleted their data); never resumed. */
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startedAt: string;
  endedAt?: string;
  error?: string;
  /** Step Functions history events this run would have produced (see estimateHistoryEvents). */
  historyEvents?: number;
  stateTransitions?: number;
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
export function estimateHistoryEvents(log: { type: string; state?: { type: string } }[]): { events: number; transitions: number } {
  let events = 2;
  let transitions = 0;
  for (const entry of log) {
    if (entry.type === 'StateEntered') {
      transitions += 1;
      const type = entry.state?.type;
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
  private readonly running = new Map<string, Running>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly handlers: Record<string, (input: unknown) => Promise<unknown>>;
  private stopped = false;

  constructor(
    private readonly options: {
      retryIntervalMs?: number;
      onFinish?: (record: ExecutionRecord) => void;
      /** Every interpreter event (state inputs and outputs included); tests check what workflow state holds. */
      onEvent?: (entry: unknown) => void;
      /** Tests only: permanent errors to inject into named Task states (see FaultPlan). */
      faults?: FaultPlan;
    } = {},
  ) {
    this.machine = new StateMachine(loadDefinition(), { validationOptions: { checkArn: true, checkPaths: true } });
    // Track each running task so stop() can let it finish: a step cut off half-way (letter sent, not
    // yet recorded) is the one thing idempotency cannot mend.
    this.handlers = Object.fromEntries(
      Object.entries(TASK_HANDLERS).map(([state, handler]) => [
        state,
        (input: unknown) => {
          if (this.stopped) return Promise.reject(new Error('the local runtime is stopping'));
          const fault = this.options.faults?.(state, (input ?? {}) as TaskInput);
          if (fault === 'before') return Promise.reject(new InjectedFault(`${state} failed (injected by a test)`));
          const call = (handler as (input: unknown) => Promise<unknown>)(input);
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
  async start(name: string, input: { submissionId: string }): Promise<void> {
    const record: ExecutionRecord = { name, input, status: 'RUNNING', startedAt: new Date().toISOString() };
    if (await putItem(key.execution(name), { type: 'execution', ...record }, true)) {
      this.run(record);
      return;
    }
    const existing = await this.get(name);
    if (existing?.status === 'FAILED' && !this.running.has(name)) {
      await updateItem(key.execution(name), { status: 'RUNNING', error: undefined, redrivenAt: new Date().toISOString() });
      this.run({ ...existing, status: 'RUNNING' });
    }
  }

  /** Runs again every execution the table still lists as RUNNING (after a restart). */
  async resumeUnfinished(): Promise<string[]> {
    const records = await queryPartition<ExecutionRecord>('EXEC');
    const unfinished = records.filter((r) => r.status === 'RUNNING' && !this.running.has(r.name));
    for (const record of unfinished) this.run(record);
    return unfinished.map((r) => r.name);
  }

  /**
   * Stops one execution for good, as StopExecution does: no further state runs, a task already
   * running finishes on its own, and the record says ABORTED, so neither start() nor a restart runs it
   * again. Unknown or finished executions are left as they are.
   */
  async stopExecution(name: string): Promise<void> {
    const run = this.running.get(name);
    if (run) {
      run.abort();
      await run.done;
      return;
    }
    if ((await this.get(name))?.status === 'RUNNING') {
      await updateItem(key.execution(name), { status: 'ABORTED', endedAt: new Date().toISOString() });
    }
  }

  async get(name: string): Promise<ExecutionRecord | undefined> {
    return getItem<ExecutionRecord>(key.execution(name));
  }

  /** Resolves when the named execution (started by this runner) has finished. */
  async waitFor(name: string): Promise<ExecutionRecord | undefined> {
    await this.running.get(name)?.done;
    return this.get(name);
  }

  get activeCount(): number {
    return this.running.size;
  }

  private run(record: ExecutionRecord): void {
    const overrides = {
      taskResourceLocalHandlers: this.handlers,
      retryIntervalOverrides: this.options.retryIntervalMs === undefined ? undefined : this.retryOverrides(this.options.retryIntervalMs),
    };
    const execution = this.machine.run(record.input, {
      overrides,
      noThrowOnAbort: true,
      context: { Execution: { Name: record.name, Input: record.input, StartTime: record.startedAt } },
    } as unknown as Parameters<StateMachine['run']>[1]);
    const log: { type: string; state?: { type: string } }[] = [];
    const collect = (async () => {
      for await (const entry of execution.eventLogs) {
        log.push(entry as { type: string; state?: { type: string } });
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
      const { events, transitions } = estimateHistoryEvents(log);
      const patch = { status, endedAt: new Date().toISOString(), error, historyEvents: events, stateTransitions: transitions };
      await updateItem(key.execution(record.name), patch);
      this.options.onFinish?.({ ...record, ...patch });
    })().finally(() => this.running.delete(record.name));
    this.running.set(record.name, { abort: execution.abort, done });
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
