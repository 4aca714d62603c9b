// The workflow starter port. On AWS: Step Functions StartExecution (STATE_MACHINE_ARN; sfnWorkflow).
// Locally: the in-process runner of infra/local, handed to the composition root by the stack.
// Execution names are deterministic, so starting twice is a no-op in both runtimes.
import { ExecutionAlreadyExists, ExecutionDoesNotExist, type SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { runtime } from '../runtime/scope.ts';
import type { WorkflowPort } from '../runtime/ports.ts';
import { ConfigError } from './config.ts';

export function executionName(submissionId: string): string {
  return `sub-${submissionId}`;
}

export async function startSubmissionWorkflow(submissionId: string): Promise<void> {
  await runtime().workflow.start(executionName(submissionId), { submissionId });
}

/** arn:...:stateMachine:<machine> -> arn:...:execution:<machine>:<name> */
export function executionArn(stateMachineArn: string, name: string): string {
  const match = /^(arn:[^:]+:states:[^:]*:[^:]*):stateMachine:([^:]+)$/.exec(stateMachineArn);
  if (!match) throw new ConfigError(`STATE_MACHINE_ARN "${stateMachineArn}" is not a state machine ARN`);
  return `${match[1]}:execution:${match[2]}:${name}`;
}

/**
 * Stops the submission's execution, so no follow-up step of any of its requests runs again. A task
 * already running finishes (StopExecution does not stop a Lambda mid-call); the tasks check that the
 * submission still exists before they act. Stopping an execution that never started (the address
 * was never confirmed) or that ended already is no error.
 */
export async function stopSubmissionWorkflow(submissionId: string): Promise<void> {
  await runtime().workflow.stop(executionName(submissionId));
}

/** Step Functions (AWS); without STATE_MACHINE_ARN every start and stop fails and says so. */
export function sfnWorkflow(sfn: SFNClient, stateMachineArn: string | undefined): WorkflowPort {
  const stateMachine = () => {
    if (!stateMachineArn) throw new ConfigError('setting STATE_MACHINE_ARN is missing (and no local workflow runner is registered)');
    return stateMachineArn;
  };
  return {
    async start(name, input) {
      try {
        await sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachine(), name, input: JSON.stringify(input) }));
      } catch (error) {
        // Same name and input is idempotent in Standard workflows; this only fires for a closed one.
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
      }
    },
    async stop(name) {
      const machine = stateMachine();
      try {
        await sfn.send(
          new StopExecutionCommand({ executionArn: executionArn(machine, name), error: 'SubmissionDeleted', cause: 'The person deleted their data.' }),
        );
      } catch (error) {
        if (error instanceof ExecutionDoesNotExist) return;
        // Not fatal: the submission is already a tombstone, so every task of the execution ends quietly
        // at its next step; the loop only runs out idle. Deleting the person's data must go on.
        console.warn(JSON.stringify({ level: 'warn', msg: 'could not stop the execution', name, error: (error as Error).name }));
      }
    },
  };
}
