// Long waits in the local runtime: the workflow file has one Wait per follow-up turn with the real
// number of seconds (a month and more); the local runner runs that Wait itself, in timers of at most
// 20 days (setTimeout cannot wait longer than 24.8 days), and counts it as the Wait it is on AWS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaledClock, systemClock } from '../../functions/adapters/clock.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { memoryRuntime } from '../support/memory-runtime.ts';
import {
  ASL_FILE,
  estimateHistoryEvents,
  LAMBDA_MAX_TIMEOUT_SECONDS,
  LOCAL_WAIT_TIMEOUT_SECONDS,
  localDefinition,
  MAX_REAL_WAIT_MS,
  MAX_TIMER_MS,
  waitLong,
} from '../../infra/local/workflow-runner.ts';

const DAY_MS = 86_400_000;

interface Node {
  Type?: string;
  States?: Record<string, Node>;
  ItemProcessor?: Node;
  [key: string]: unknown;
}

function followUpStates(definition: Node): Record<string, Node> {
  return definition.States!.FollowUpRequests!.ItemProcessor!.States!;
}

describe('the follow-up loop in the workflow file', () => {
  it('is Wait -> FollowUp -> FollowUpChoice, with the wait taken from the task, uncapped', () => {
    const states = followUpStates(JSON.parse(readFileSync(ASL_FILE, 'utf8')) as Node);
    expect(states.WaitForNextStep).toEqual({ Type: 'Wait', SecondsPath: '$.waitSeconds', Next: 'FollowUp' });
    expect(states.FollowUp).toMatchObject({ Type: 'Task', Next: 'FollowUpChoice' });
    expect(states.FollowUpChoice).toMatchObject({ Type: 'Choice', Default: 'WaitForNextStep' });
  });

  it('runs locally as a runner task of the same name that passes its input through', () => {
    const { definition, waits } = localDefinition();
    expect([...waits]).toEqual([['WaitForNextStep', '$.waitSeconds']]);
    expect(followUpStates(definition as unknown as Node).WaitForNextStep).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:000000000000:function:optout-local-wait-WaitForNextStep',
      ResultPath: null,
      TimeoutSeconds: LOCAL_WAIT_TIMEOUT_SECONDS,
      Next: 'FollowUp',
    });
  });

  it('is counted as a Wait: 1 transition and 2 history events, not a Task', () => {
    const log = [{ type: 'StateEntered', state: { name: 'WaitForNextStep', type: 'Task' } }];
    expect(estimateHistoryEvents(log, new Set(['WaitForNextStep']))).toEqual({ events: 4, transitions: 1 });
    expect(estimateHistoryEvents(log)).toEqual({ events: 7, transitions: 1 });
  });
});

describe('waitLong', () => {
  it('waits 45 days of the clock as timers of 20, 20 and 5 days, and not less', async () => {
    // A thousand days of the clock pass in a real second: 20 days in 20 ms.
    const clock = scaledClock(1000 * 86_400, { realMs: Date.now(), simMs: Date.UTC(2026, 0, 5) });
    const timers: number[] = [];
    const from = clock.now().getTime();
    await runWith({ ...memoryRuntime(), clock }, () => waitLong(45 * 86_400, new AbortController().signal, (ms) => timers.push(ms)));
    expect(clock.now().getTime() - from).toBeGreaterThanOrEqual(45 * DAY_MS);
    expect(timers.length).toBeGreaterThanOrEqual(3);
    expect(timers.slice(0, 2)).toEqual([MAX_TIMER_MS, MAX_TIMER_MS]);
    expect(Math.max(...timers)).toBeLessThanOrEqual(20 * DAY_MS);
  });

  it('ends at once when the execution is stopped, however long the wait', async () => {
    const controller = new AbortController();
    const timers: number[] = [];
    const waiting = runWith({ ...memoryRuntime(), clock: systemClock }, () => waitLong(60 * 86_400, controller.signal, (ms) => timers.push(ms)));
    controller.abort();
    await waiting;
    expect(timers).toEqual([MAX_TIMER_MS]);
  });

  it('returns after its real-time budget, so the Task standing in for the Wait never reaches its timeout; FollowUp plans the rest', async () => {
    // At the real speed a 45-day wait would outlast any timer the interpreter can set for the Task.
    const timers: number[] = [];
    const from = Date.now();
    await runWith({ ...memoryRuntime(), clock: systemClock }, () =>
      waitLong(45 * 86_400, new AbortController().signal, (ms) => timers.push(ms), undefined, 50),
    );
    expect(Date.now() - from).toBeGreaterThanOrEqual(45);
    expect(timers.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...timers)).toBeLessThanOrEqual(50);
  });

  it("gives every other Task without a timeout of its own the longest a Lambda function runs, not the interpreter's 60 s", () => {
    const { definition } = localDefinition();
    const tasks: Node[] = [];
    const walk = (machine: Node | undefined) => {
      for (const state of Object.values(machine?.States ?? {})) {
        if (state.Type === 'Task') tasks.push(state);
        walk(state.ItemProcessor);
      }
    };
    walk(definition as unknown as Node);
    expect(tasks.length).toBeGreaterThan(5);
    for (const task of tasks) expect(task.TimeoutSeconds, JSON.stringify(task.Resource)).toBeGreaterThanOrEqual(300);
    expect(tasks.filter((task) => task.TimeoutSeconds === LAMBDA_MAX_TIMEOUT_SECONDS).length).toBeGreaterThan(3);
  });

  it("gives the Task standing in for a Wait a timeout (the interpreter's default is 60 s) longer than the wait's real-time budget, which one setTimeout can hold", () => {
    expect(LOCAL_WAIT_TIMEOUT_SECONDS * 1000).toBeGreaterThan(MAX_REAL_WAIT_MS);
    expect(LOCAL_WAIT_TIMEOUT_SECONDS * 1000).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  it('refuses a wait that is not a number of seconds', async () => {
    await expect(runWith(memoryRuntime(), () => waitLong(Number.NaN, new AbortController().signal))).rejects.toThrow('Wait needs a number of seconds');
  });
});
