// Reads the workflow's ASL file and lists its Task states, walking into Map item processors and
// Parallel branches, so the stack binds one function per Task without a hand-kept list.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SUBMISSION_ASL: string = fileURLToPath(new URL('../../workflows/submission.asl.json', import.meta.url));

/**
 * States the workflow enters only when a step failed for good. Alarms watch for them by name: a
 * metric filter on the workflow's log on AWS (infra/cdk/constructs/alarms.ts), an error log line
 * from the local runner (infra/local/workflow-runner.ts).
 */
export const FAILURE_STATES = {
  /** One request was stopped by an error: it is marked failed and the person is told. */
  requestFailed: ['DispatchFailed', 'FollowUpFailed'],
  /** Not even that worked, or the summary mail failed: nobody was told. Its branch ended alone. */
  unrecorded: ['DispatchFailureUnrecorded', 'FollowUpFailureUnrecorded', 'SummaryNotSent'],
} as const;

export interface TaskState {
  /** The state's name, also the handler's export name. */
  name: string;
  /** The `${...}` placeholder of its Resource, e.g. "PlanRequestsFunctionArn". */
  placeholder: string;
}

interface StateMachineNode {
  States?: Record<string, StateNode>;
}

interface StateNode {
  Type?: string;
  Resource?: unknown;
  ItemProcessor?: StateMachineNode;
  Iterator?: StateMachineNode;
  Branches?: StateMachineNode[];
}

const PLACEHOLDER = /^\$\{([A-Za-z][A-Za-z0-9]*)\}$/;

export function loadAsl(file: string = SUBMISSION_ASL): StateMachineNode {
  return JSON.parse(readFileSync(file, 'utf8')) as StateMachineNode;
}

/** Every Task state, in document order. Throws on a Task whose Resource is not one `${Name}` placeholder. */
export function taskStates(definition: StateMachineNode): TaskState[] {
  const found: TaskState[] = [];
  const seen = new Set<string>();
  const walk = (machine: StateMachineNode | undefined, where: string) => {
    for (const [name, state] of Object.entries(machine?.States ?? {})) {
      if (state.Type === 'Task') {
        const match = typeof state.Resource === 'string' ? PLACEHOLDER.exec(state.Resource) : null;
        if (!match) {
          throw new Error(`Task state "${name}" (${where}) must have a Resource like "\${${name}FunctionArn}", got ${JSON.stringify(state.Resource)}`);
        }
        if (seen.has(name)) throw new Error(`Task state name "${name}" is used twice (${where}); handlers are bound by state name`);
        seen.add(name);
        found.push({ name, placeholder: match[1]! });
      }
      walk(state.ItemProcessor ?? state.Iterator, `${where} > ${name}`);
      for (const [i, branch] of (state.Branches ?? []).entries()) walk(branch, `${where} > ${name}[${i}]`);
    }
  };
  walk(definition, 'top level');
  return found;
}
