// The Task-binding check: every Task state of workflows/submission.asl.json has a function in the
// CDK stack (through definitionSubstitutions) and a handler for the local runtime (TASK_HANDLERS),
// both under the state's name; nothing is bound that no state uses.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TASK_HANDLERS } from '../../functions/handlers/tasks-by-state.ts';
import { loadAsl, taskStates } from '../../infra/cdk/asl.ts';
import { substitutionsFor } from '../../infra/cdk/constructs/workflow.ts';
import { TASKS } from '../../infra/cdk/stack.ts';
import { parseSettings } from '../../infra/cdk/settings.ts';
import { type Cfn, CDK_JSON_CONTEXT, outdir, REQUIRED_CONTEXT, synth } from './support.ts';

const ASL = fileURLToPath(new URL('../../workflows/submission.asl.json', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Written independently of infra/cdk/asl.ts: Task name -> Resource, through Map and Parallel. */
function tasksIn(machine: Cfn, out: Map<string, string> = new Map()): Map<string, string> {
  for (const [name, state] of Object.entries<Cfn>(machine.States ?? {})) {
    if (state.Type === 'Task') out.set(name, state.Resource);
    for (const inner of [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])]) if (inner) tasksIn(inner, out);
  }
  return out;
}

const tasks = tasksIn(JSON.parse(readFileSync(ASL, 'utf8')));
const { template } = synth();
const machine = Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0] as Cfn;
const substitutions: Record<string, Cfn> = machine.Properties.DefinitionSubstitutions;
const functions = template.findResources('AWS::Lambda::Function') as Record<string, Cfn>;

describe('Task binding', () => {
  it('finds the Task states, including those inside Map item processors', () => {
    expect(tasks.size).toBeGreaterThanOrEqual(9);
    expect([...tasks.keys()]).toEqual(expect.arrayContaining(['PlanRequests', 'ChooseChannel', 'ApplyInBrowser', 'FollowUp', 'FollowUpFailed']));
  });

  for (const [state, resource] of tasks) {
    it(`binds ${state} to its own function in CDK and to a handler locally`, () => {
      expect(resource).toBe(`\${${state}FunctionArn}`);
      const bound = substitutions[`${state}FunctionArn`];
      expect(bound, `no substitution for ${state}`).toBeDefined();
      const fn = functions[bound['Fn::GetAtt'][0]];
      expect(fn.Properties.Handler).toBe(`app/functions/handlers/index.${state}`);
      expect(typeof TASK_HANDLERS[state as keyof typeof TASK_HANDLERS], `TASK_HANDLERS has no ${state}`).toBe('function');
    });

    it(`${state}'s deployed entry file exports ${state}`, async () => {
      const entry = TASKS[state]?.profile.entry;
      expect(entry, `TASKS (infra/cdk/stack.ts) has no ${state}`).toBeDefined();
      const module = (await import(entry!)) as Record<string, unknown>;
      expect(typeof module[state]).toBe('function');
    });
  }

  it('has no substitution, CDK task or local handler that no Task state uses', () => {
    expect(Object.keys(substitutions).filter((key) => ![...tasks.values()].includes(`\${${key}}`))).toEqual([]);
    expect(Object.keys(TASKS).filter((name) => !tasks.has(name))).toEqual([]);
    expect(Object.keys(TASK_HANDLERS).filter((name) => !tasks.has(name))).toEqual([]);
  });
});

describe('binding errors name the state', () => {
  it('finds Tasks nested in a Parallel branch inside a Map', () => {
    expect(taskStates(loadAsl(fixture('orphan-task.asl.json')))).toEqual([
      { name: 'PlanRequests', placeholder: 'PlanRequestsFunctionArn' },
      { name: 'Orphan', placeholder: 'OrphanFunctionArn' },
    ]);
  });

  it('refuses a Task without a function, and a function without a Task', () => {
    expect(() => substitutionsFor(fixture('orphan-task.asl.json'), { PlanRequests: 'arn:fn' })).toThrow('Task state(s) without a function: Orphan');
    expect(() => substitutionsFor(fixture('orphan-task.asl.json'), { PlanRequests: 'a', Orphan: 'b', Extra: 'c' })).toThrow(
      /Function\(s\) bound to no Task state of .*orphan-task\.asl\.json: Extra/,
    );
  });

  it('refuses a Task whose Resource is not a placeholder', () => {
    expect(() => taskStates(loadAsl(fixture('bad-resource.asl.json')))).toThrow(
      `Task state "Direct" (top level) must have a Resource like "\${DirectFunctionArn}"`,
    );
  });

  it('fails the synth for a Task state the stack has no entry for', async () => {
    const { OptoutStack } = await import('../../infra/cdk/stack.ts');
    const { App } = await import('aws-cdk-lib');
    const settings = parseSettings((name) => ({ ...CDK_JSON_CONTEXT, ...REQUIRED_CONTEXT })[name]);
    expect(() => new OptoutStack(new App({ outdir: outdir() }), 'Fixture', { settings, aslFile: fixture('orphan-task.asl.json') })).toThrow(
      /Task state\(s\) Orphan of .*orphan-task\.asl\.json have no entry in TASKS/,
    );
  });
});
