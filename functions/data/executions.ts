// The local runtime's workflow executions (infra/local/workflow-runner.ts), one item each (PK=EXEC,
// SK=<execution name>), as Step Functions keeps them on AWS: a restart finds the unfinished ones and
// runs them again. No TTL: an execution record holds only ids.
import { key } from './schema.ts';
import { getItem, putItem, queryPartition, updateItem } from './store.ts';

export interface ExecutionRecord {
  name: string;
  input: { submissionId: string };
  /** ABORTED: stopped for good by stopExecution (the person deleted their data); never resumed. */
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startedAt: string;
  endedAt?: string;
  error?: string;
  /** Step Functions history events this run would have produced (workflow-runner.ts estimateHistoryEvents). */
  historyEvents?: number;
  stateTransitions?: number;
}

/** Records a new execution; false if one of that name exists. */
export async function createExecution(record: ExecutionRecord): Promise<boolean> {
  return putItem(key.execution(record.name), { type: 'execution', ...record }, true);
}

export async function getExecution(name: string): Promise<ExecutionRecord | undefined> {
  return getItem<ExecutionRecord>(key.execution(name));
}

export async function listExecutions(): Promise<ExecutionRecord[]> {
  return queryPartition<ExecutionRecord>(key.execution('').PK);
}

/** Changes fields of a recorded execution (an undefined value removes the field). */
export async function updateExecution(name: string, patch: Partial<ExecutionRecord> & { redrivenAt?: string }): Promise<void> {
  await updateItem(key.execution(name), patch);
}
