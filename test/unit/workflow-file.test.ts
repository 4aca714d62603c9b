// workflows/submission.asl.json is the one definition both runtimes load (CDK fills its placeholders,
// the local runner reads it as it is). What the file cannot say once, this checks: every Task carries
// the one Retry policy (workflows/retry-policy.ts), and every Choice branches on values the code
// returns, and on every value it returns (or names it as going to the Default).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_OUTCOMES } from '../../functions/app/browser-fallback.ts';
import { CHANNEL_CHOICES } from '../../functions/app/dispatch.ts';
import { FOLLOW_UP_NEXT, FOLLOW_UP_STEPS } from '../../functions/app/followup.ts';
import { LetterInDoubt } from '../../functions/app/outbox.ts';
import { FOLLOW_UP_ACTIONS } from '../../functions/core/followup.ts';
import { CHANNEL_TYPES, type ChannelType } from '../../functions/core/model.ts';
import { goneOutput } from '../../functions/handlers/gone.ts';
import { TransientError } from '../../functions/handlers/task.ts';
import { LETTER_IN_DOUBT_RETRY, LETTER_TASKS, TRANSIENT_RETRY } from '../../workflows/retry-policy.ts';

type State = {
  Type: string;
  Next?: string;
  Default?: string;
  Comment?: string;
  Retry?: unknown[];
  Choices?: { Variable?: string; StringEquals?: string; Next: string }[];
  ItemProcessor?: Machine;
  Iterator?: Machine;
  Branches?: Machine[];
};
type Machine = { States: Record<string, State> };

const ASL = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'workflows', 'submission.asl.json'), 'utf8')) as Machine;

/** Every state by name, through Map item processors and Parallel branches. */
function statesOf(machine: Machine, out: Record<string, State> = {}): Record<string, State> {
  for (const [name, state] of Object.entries(machine.States)) {
    out[name] = state;
    for (const inner of [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])]) if (inner) statesOf(inner, out);
  }
  return out;
}

const STATES = statesOf(ASL);
const byType = (type: string) => Object.entries(STATES).filter(([, state]) => state.Type === type);

/**
 * Each Choice of the file: the Task(s) whose output it reads, the field, and the values the code
 * returns in it (the constants next to each step's return type).
 */
const CHOICES: Record<string, { after: string[]; variable: string; values: readonly string[] }> = {
  ChannelChoice: { after: ['ChooseChannel'], variable: '$.channel', values: CHANNEL_CHOICES },
  BrowserOutcome: { after: ['ApplyInBrowser', 'BrowserFailed'], variable: '$.channel', values: BROWSER_OUTCOMES },
  FollowUpChoice: { after: ['FollowUp'], variable: '$.next', values: FOLLOW_UP_NEXT },
};

/** The channel types of the catalog (core/model.ts) as ChooseChannel reports them (app/dispatch.ts browserChannel, emailChannels). */
const CHOICE_OF_CHANNEL_TYPE: Record<ChannelType, (typeof CHANNEL_CHOICES)[number]> = {
  email: 'email',
  settings: 'browser',
  webform: 'browser',
};

describe('workflows/submission.asl.json: Retry', () => {
  const tasks = byType('Task');

  it('has the Task states the policy names', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(9);
    for (const name of LETTER_TASKS) expect(STATES[name]?.Type, name).toBe('Task');
  });

  it.each(tasks.map(([name]) => name))('%s carries the one Retry policy of workflows/retry-policy.ts', (name) => {
    const expected = (LETTER_TASKS as readonly string[]).includes(name) ? [TRANSIENT_RETRY, LETTER_IN_DOUBT_RETRY] : [TRANSIENT_RETRY];
    expect(STATES[name]!.Retry).toEqual(expected);
  });

  it('retries the errors the code throws under those names, and those only', () => {
    expect(TRANSIENT_RETRY.ErrorEquals).toContain(new TransientError('x').name);
    expect(LETTER_IN_DOUBT_RETRY.ErrorEquals).toEqual([new LetterInDoubt('x').name]);
    const named = new Set(tasks.flatMap(([, state]) => (state.Retry as { ErrorEquals: string[] }[]).flatMap((r) => r.ErrorEquals)));
    expect([...named].filter((error) => !error.startsWith('Lambda.'))).toEqual(['TransientError', 'LetterInDoubt']);
  });
});

describe('workflows/submission.asl.json: Choice values and the code', () => {
  it('has exactly the Choice states this test knows, each reading the output of the Tasks named', () => {
    expect(
      byType('Choice')
        .map(([name]) => name)
        .sort(),
    ).toEqual(Object.keys(CHOICES).sort());
    for (const [choice, { after }] of Object.entries(CHOICES)) {
      const feeding = Object.entries(STATES)
        .filter(([, state]) => state.Type === 'Task' && state.Next === choice)
        .map(([name]) => name);
      expect(feeding.sort(), choice).toEqual([...after].sort());
    }
  });

  for (const [choice, { variable, values }] of Object.entries(CHOICES)) {
    describe(choice, () => {
      const state = STATES[choice]!;
      const branched = (state.Choices ?? []).map((rule) => rule.StringEquals);

      it(`branches on ${variable} with values the code returns`, () => {
        for (const rule of state.Choices ?? []) {
          expect(rule.Variable).toBe(variable);
          expect(values, `"${rule.StringEquals}" is no value the code returns`).toContain(rule.StringEquals);
        }
        expect(new Set(branched).size).toBe(branched.length);
      });

      it('has a branch for every value the code returns, or names it as going to the Default', () => {
        expect(state.Default, `${choice} has no Default`).toBeDefined();
        for (const value of values.filter((v) => !branched.includes(v))) {
          expect(state.Comment ?? '', `${choice} neither branches on "${value}" nor documents it under Default`).toMatch(new RegExp(`Default \\("${value}"`));
        }
      });
    });
  }

  it('reaches a branch for every channel type of the catalog', () => {
    const branched = STATES.ChannelChoice!.Choices!.map((rule) => rule.StringEquals);
    for (const type of CHANNEL_TYPES) expect(branched, type).toContain(CHOICE_OF_CHANNEL_TYPE[type]);
  });

  it('ends the loop for the follow-up action done and runs every other action inside FollowUp', () => {
    const steps = Object.keys(FOLLOW_UP_STEPS);
    expect([...steps, 'done'].sort()).toEqual([...FOLLOW_UP_ACTIONS].sort());
    const done = STATES.FollowUpChoice!.Choices!.find((rule) => rule.StringEquals === 'done');
    expect(STATES[done!.Next]!.Type).toBe('Succeed');
  });

  it("reads a deleted submission's output as nothing left to do in every Choice", () => {
    const gone = goneOutput({ submissionId: 's', requestId: 'r1' }) as Record<string, unknown>;
    for (const [choice, { variable }] of Object.entries(CHOICES)) {
      const value = gone[variable.slice(2)] as string;
      expect(CHOICES[choice]!.values, choice).toContain(value);
      const rule = STATES[choice]!.Choices!.find((r) => r.StringEquals === value);
      const next = rule ? rule.Next : STATES[choice]!.Default!;
      expect(STATES[next]!.Type, `${choice} -> ${next}`).toBe('Succeed');
    }
  });
});
