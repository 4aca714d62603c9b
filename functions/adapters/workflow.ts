// The workflow starter port. On AWS: Step Functions StartExecution (STATE_MACHINE_ARN). Locally: the
// in-process runner of infra/local registers itself here. Execution names are deterministic, so
// starting twice is a no-op in both runtimes.
import { ExecutionAlreadyExists, ExecutionDoesNotExist, SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { config, ConfigError } from './config.ts';

export type LocalStarter = (name: string, input: { submissionId: string }) => Promise<void>;

let localStarter: LocalStarter | undefined;
let sfn: SFNClient | undefined;

export function useLocalWorkflowStarter(starter: LocalStarter | undefined): void {
  localStarter = starter;
}

function stateMachine(): string {
  const { stateMachineArn } = config();
  if (!stateMachineArn) throw new ConfigError('setting STATE_MACHINE_ARN is missing (and no local workflow runner is registered)');
  return stateMachineArn;
}

export function executionName(submissionId: string): string {
  return `sub-${submissionId}`;
}

export async function startSubmissionWorkflow(submissionId: string): Promise<void> {
  const name = executionName(submissionId);
  const input = { submissionId };
  if (localStarter) return localStarter(name, input);
  const stateMachineArn = stateMachine();
  sfn ??= new SFNClient({ region: config().region });
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
  } catch (error) {
    // Same name and input is idempotent in Standard workflows; this only fires for a closed one.
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
}

/** Stops one execution for good (locally: the in-process runner records it ABORTED and never resumes it). */
export type LocalStopper = (name: string) => Promise<void>;

let localStopper: LocalStopper | undefined;

export function useLocalWorkflowStopper(stopper: LocalStopper | undefined): void {
  localStopper = stopper;
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
  const name = executionName(submissionId);
  if (localStopper) return localStopper(name);
  const stateMachineArn = stateMachine();
  sfn ??= new SFNClient({ region: config().region });
  try {
    await sfn.send(
      new StopExecutionCommand({ executionArn: executionArn(stateMachineArn, name), error: 'SubmissionDeleted', cause: 'The person deleted their data.' }),
    );
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return;
    // Not fatal: the submission is already a tombstone, so every task of the execution ends quietly
    // at its next step; the loop only runs out idle. Deleting the person's data must go on.
    console.warn(JSON.stringify({ level: 'warn', msg: 'could not stop the execution', name, error: (error as Error).name }));
  }
}
