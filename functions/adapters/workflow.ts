// The workflow starter port. On AWS: Step Functions StartExecution (STATE_MACHINE_ARN). Locally: the
// in-process runner of infra/local registers itself here. Execution names are deterministic, so
// starting twice is a no-op in both runtimes.
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { config, ConfigError } from './config.ts';

export type LocalStarter = (name: string, input: { submissionId: string }) => Promise<void>;

let localStarter: LocalStarter | undefined;
let sfn: SFNClient | undefined;

export function useLocalWorkflowStarter(starter: LocalStarter | undefined): void {
  localStarter = starter;
}

export function executionName(submissionId: string): string {
  return `sub-${submissionId}`;
}

export async function startSubmissionWorkflow(submissionId: string): Promise<void> {
  const name = executionName(submissionId);
  const input = { submissionId };
  if (localStarter) return localStarter(name, input);
  const stateMachineArn = process.env.STATE_MACHINE_ARN;
  if (!stateMachineArn) throw new ConfigError('setting STATE_MACHINE_ARN is missing (and no local workflow runner is registered)');
  sfn ??= new SFNClient({ region: config().region });
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
  } catch (error) {
    // Same name and input is idempotent in Standard workflows; this only fires for a closed one.
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
}
