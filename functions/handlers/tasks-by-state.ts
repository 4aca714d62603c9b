// State name -> handler for every Task of workflows/submission.asl.json. The local runtime binds
// these; the Task-binding test checks the ASL, this map and the CDK stack against each other.
import * as light from './workflow-tasks.ts';
import { ApplyInBrowser } from './browser-task.ts';

export const TASK_HANDLERS = { ...light, ApplyInBrowser } as const;
export type TaskName = keyof typeof TASK_HANDLERS;
