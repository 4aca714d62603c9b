// Long waits in the local runtime: the workflow file has one Wait per follow-up turn with the real
// number of seconds (a month and more); the local runner runs that Wait itself, in timers of at most
// 20 days (setTimeout cannot wait longer than 24.8 days), and counts it as the Wait it is on AWS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaledClock, systemClock } from '../../functions/adapters/clock.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { memoryRuntime } from '../support/memory-runtime.ts';
import { ASL_FILE, estimateHistoryEvents, localDefinition, MAX_TIMER_MS, waitLong } from '../../infra/local/workflow-runner.ts';

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

  it('refuses a wait that is not a number of seconds', async () => {
    await expect(runWith(memoryRuntime(), () => waitLong(Number.NaN, new AbortController().signal))).rejects.toThrow('Wait needs a number of seconds');
  });
});
