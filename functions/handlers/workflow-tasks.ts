// Every Task state of workflows/submission.asl.json, by state name. The Lambda entry points export
// these names (this file for the light functions, browser-task.ts for the one with Chromium); the
// local runtime binds the same functions to the same state names through TASK_HANDLERS.
import { chooseChannel, planRequests, sendLetter } from '../app/dispatch.ts';
import { followUp } from '../app/followup.ts';
import { sendSummary } from '../app/notify.ts';
import { browserFailed } from '../app/browser-fallback.ts';
import { requestFailed } from '../app/failures.ts';
import { workflowTask } from './task.ts';

export const PlanRequests = workflowTask(planRequests);
export const ChooseChannel = workflowTask(chooseChannel);
export const SendLetter = workflowTask(sendLetter);
export const SendSummary = workflowTask(sendSummary);
/** One turn of the follow-up loop: check the request, send what is due, return the next wait or done. */
export const FollowUp = workflowTask(followUp);
export const BrowserFailed = workflowTask(browserFailed);
export const DispatchFailed = workflowTask(requestFailed);
export const FollowUpFailed = workflowTask(requestFailed);
