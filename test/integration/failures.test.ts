// One failure must not end other people's follow-ups. On the real local runtime, a test-only fault
// plan makes a named Task state throw a permanent (non-retryable) error for one request; that request
// ends failed and the person is told, the others are sent and followed up to the end, and the
// execution succeeds. Also: a failing summary mail, a failing PlanRequests and its redrive, a failing
// mail-in, and the browser-jobs schedule's once-per-time claim.
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as browserJobs from '../../functions/handlers/browser-jobs.ts';
import { key } from '../../functions/data/schema.ts';
import * as store from '../../functions/data/store.ts';
import type { ExecutionRecord, TaskInput } from '../../infra/local/workflow-runner.ts';
import { person, postJson, startTestStack, verificationToken, waitUntil, type StoredMail, type TestStack } from '../support/local-stack.ts';
import { composeReply, deliver } from '../support/mail.ts';

// Eight simulated days per real second: a request nobody answers reaches its escalation (a month, 14
// and 7 days) in about 7 s.
const SPEED = 86_400 * 8;
const realMs = (days: number) => (days * 86_400_000) / SPEED;
const NO_ANSWER_MS = realMs(31 + 1 + 14 + 7 + 2) + 20_000;

const LETTERS = { r1: 'redditdatarequests@reddit.com', r2: 'privacy-support@pinterest.com', r3: 'privacy@quora.com' } as const;
const ACCOUNTS = [
  { provider: 'reddit', identifier: 'erika_m' },
  { provider: 'pinterest', identifier: 'erika.pins' },
  { provider: 'quora', identifier: 'Erika-Mustermann' },
];

/** `<state>:<submissionId>:<requestId or ->` -> when the fault strikes. Filled per test, after the submission exists. */
const faults = new Map<string, 'before' | 'after'>();
const faultKey = (state: string, submissionId: string, requestId?: string) => `${state}:${submissionId}:${requestId ?? '-'}`;
/** Faults that strike only from the n-th call of their state on (FollowUp: 2 = the first turn after a wait). */
const faultFromCall = new Map<string, number>();
const calls = new Map<string, number>();
function plannedFault(state: string, input: TaskInput): 'before' | 'after' | undefined {
  const k = faultKey(state, input.submissionId ?? '', input.requestId);
  const n = (calls.get(k) ?? 0) + 1;
  calls.set(k, n);
  return n >= (faultFromCall.get(k) ?? 1) ? faults.get(k) : undefined;
}
let mailInBroken = false;

/** The structured error lines of the local runtime (console.error), parsed. */
const errorLines: Record<string, unknown>[] = [];

let t: TestStack;
// What this file reads or calls directly, in the stack's runtime (functions/runtime/scope.ts).
const getItem = <T>(itemKey: { PK: string; SK: string }) => t.run(() => store.getItem<T>(itemKey));
const getEvent = (...args: Parameters<typeof store.getEvent>) => t.run(() => store.getEvent(...args));
const browserJobsHandler = (...args: Parameters<typeof browserJobs.handler>) => t.run(() => browserJobs.handler(...args));

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
    try {
      errorLines.push(JSON.parse(String(line)) as Record<string, unknown>);
    } catch {
      errorLines.push({ text: String(line) });
    }
  });
  t = await startTestStack({
    clockSpeed: SPEED,
    faults: {
      tasks: plannedFault,
      mailIn: () => mailInBroken,
    },
  });
});
afterAll(async () => {
  await t?.stop();
  vi.restoreAllMocks();
});

interface RequestView {
  id: string;
  provider: string;
  status: string;
  reference: string;
  userAction: string | null;
  events: { kind: string; detail: string }[];
}
interface Submitted {
  id: string;
  email: string;
  token: string;
  execution: string;
}

/** Submits three email accounts for `email`, lets `arm` plan faults for the new id, then confirms the address. */
async function submit(email: string, arm: (id: string) => void): Promise<Submitted> {
  const created = await t.api('/api/submissions', postJson(person({ email, lang: 'en', accounts: ACCOUNTS })));
  expect(created.status).toBe(202);
  const { id } = created.body as { id: string };
  arm(id);
  const mail = await waitUntil(`verification mail to ${email}`, async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  expect(verified.status).toBe(200);
  const token = new URL((verified.body as { statusUrl: string }).statusUrl).searchParams.get('t')!;
  return { id, email, token, execution: `sub-${id}` };
}

async function requests(s: Submitted): Promise<Record<string, RequestView>> {
  const { status, body } = await t.api(`/api/submissions/${s.id}?t=${s.token}`);
  expect(status).toBe(200);
  return Object.fromEntries((body as { requests: RequestView[] }).requests.map((r) => [r.id, r]));
}

/** Resolves with the execution's record once it is no longer running. */
function finished(s: Submitted, timeoutMs = NO_ANSWER_MS): Promise<ExecutionRecord> {
  return waitUntil(
    `execution ${s.execution} to finish`,
    async () => {
      const record = await t.stack.runner.get(s.execution);
      return record && record.status !== 'RUNNING' ? record : undefined;
    },
    timeoutMs,
  );
}

async function mailsTo(address: string, cc?: string): Promise<StoredMail[]> {
  return (await t.mails()).filter((m) => m.destination.to.includes(address) && (!cc || m.destination.cc.includes(cc)));
}

/** Status mails to the person about one request (their subject names its reference). */
async function statusMailsAbout(s: Submitted, request: RequestView): Promise<StoredMail[]> {
  return (await mailsTo(s.email)).filter((m) => m.subject.includes(`(ref ${request.reference})`));
}

function errorsOf(s: Submitted, msg: string): Record<string, unknown>[] {
  return errorLines.filter((line) => line.msg === msg && line.submissionId === s.id);
}

/**
 * The letters of one request to its provider, by the request's reply address: the first one with the
 * person in Cc, the reminder and final notice without (the person finds those on the status page).
 */
async function lettersOf(s: Submitted, id: keyof typeof LETTERS): Promise<StoredMail[]> {
  const [first] = await mailsTo(LETTERS[id], s.email);
  if (!first) return [];
  return (await mailsTo(LETTERS[id])).filter((m) => m.replyTo[0] === first.replyTo[0]);
}

/** The two requests left alone went the whole no-answer way: letter, reminder, final notice, escalation. */
async function expectFollowedUpToTheEnd(s: Submitted, all: Record<string, RequestView>, ids: ('r1' | 'r2' | 'r3')[]): Promise<void> {
  for (const id of ids) {
    expect(all[id]!.status, id).toBe('escalated');
    expect(all[id]!.events.map((e) => e.kind)).toEqual(['sent', 'reminder', 'final-notice', 'escalated']);
    const letters = await lettersOf(s, id);
    expect(letters).toHaveLength(3);
    expect(letters.map((m) => m.destination.cc.includes(s.email))).toEqual([true, false, false]);
  }
}

describe.concurrent('one request fails for good; the others go on', () => {
  it('SendLetter fails: that request is marked failed and the person told; the others are sent and followed up', async () => {
    const s = await submit('send-fails@example.org', (id) => faults.set(faultKey('SendLetter', id, 'r2'), 'before'));
    const record = await finished(s);
    expect(record.status).toBe('SUCCEEDED');
    const all = await requests(s);
    expect(all.r2).toMatchObject({ status: 'failed' });
    expect(all.r2!.userAction).toContain('InjectedFault');
    expect(all.r2!.events.map((e) => e.kind)).toEqual(['failed']);
    expect(await mailsTo(LETTERS.r2, s.email)).toEqual([]);
    const told = await statusMailsAbout(s, all.r2!);
    expect(told.map((m) => m.subject)).toEqual([`Pinterest: failed (ref ${all.r2!.reference})`]);
    await expectFollowedUpToTheEnd(s, all, ['r1', 'r3']);
    // The local counterpart of the RequestsFailed alarm.
    expect(errorsOf(s, 'request failed')).toEqual([expect.objectContaining({ state: 'DispatchFailed', requestId: 'r2', alarm: 'RequestsFailed' })]);
  });

  it('SendLetter and then DispatchFailed fail: the branch ends alone with an alarm, and the follow-up records the failure', async () => {
    const s = await submit('record-fails@example.org', (id) => {
      faults.set(faultKey('SendLetter', id, 'r2'), 'before');
      faults.set(faultKey('DispatchFailed', id, 'r2'), 'before');
    });
    const record = await finished(s);
    expect(record.status).toBe('SUCCEEDED');
    expect(errorsOf(s, 'failure not recorded')).toEqual([
      expect.objectContaining({ state: 'DispatchFailureUnrecorded', requestId: 'r2', alarm: 'RequestFailuresUnrecorded' }),
    ]);
    const all = await requests(s);
    // The request was left queued; its follow-up branch found it so and recorded the failure then.
    expect(all.r2).toMatchObject({ status: 'failed' });
    expect(all.r2!.userAction).toContain('never dispatched');
    // Counted on entering each failure state, as the metric filter does on AWS.
    expect(errorsOf(s, 'request failed')).toEqual([
      expect.objectContaining({ state: 'DispatchFailed', requestId: 'r2' }),
      expect.objectContaining({ state: 'FollowUpFailed', requestId: 'r2', error: expect.objectContaining({ Error: 'DispatchUnfinished' }) }),
    ]);
    expect(await statusMailsAbout(s, all.r2!)).toHaveLength(1);
    expect(await mailsTo(LETTERS.r2, s.email)).toEqual([]);
    await expectFollowedUpToTheEnd(s, all, ['r1', 'r3']);
  });

  it('FollowUp fails after the wait: that request is marked failed and the person told; the others are followed up', async () => {
    const s = await submit('check-fails@example.org', (id) => {
      faults.set(faultKey('FollowUp', id, 'r2'), 'before');
      faultFromCall.set(faultKey('FollowUp', id, 'r2'), 2);
    });
    const record = await finished(s);
    expect(record.status).toBe('SUCCEEDED');
    const all = await requests(s);
    expect(all.r2).toMatchObject({ status: 'failed' });
    // Its letter went out; no reminder followed.
    expect(all.r2!.events.map((e) => e.kind)).toEqual(['sent', 'failed']);
    expect(await mailsTo(LETTERS.r2, s.email)).toHaveLength(1);
    expect((await statusMailsAbout(s, all.r2!)).map((m) => m.subject)).toContain(`Pinterest: failed (ref ${all.r2!.reference})`);
    expect(errorsOf(s, 'request failed')).toEqual([expect.objectContaining({ state: 'FollowUpFailed', requestId: 'r2' })]);
    await expectFollowedUpToTheEnd(s, all, ['r1', 'r3']);
  });

  it('FollowUp and FollowUpFailed fail: only that branch ends, with an alarm; the others are followed up', async () => {
    const s = await submit('check-record-fails@example.org', (id) => {
      faults.set(faultKey('FollowUp', id, 'r2'), 'before');
      faultFromCall.set(faultKey('FollowUp', id, 'r2'), 2);
      faults.set(faultKey('FollowUpFailed', id, 'r2'), 'before');
    });
    const record = await finished(s);
    expect(record.status).toBe('SUCCEEDED');
    expect(errorsOf(s, 'failure not recorded')).toEqual([expect.objectContaining({ state: 'FollowUpFailureUnrecorded', requestId: 'r2' })]);
    const all = await requests(s);
    // Nothing could write the failure: the request stays as it was (sent), for the operator the alarm called.
    expect(all.r2).toMatchObject({ status: 'sent' });
    expect(all.r2!.events.map((e) => e.kind)).toEqual(['sent']);
    expect(await mailsTo(LETTERS.r2, s.email)).toHaveLength(1);
    await expectFollowedUpToTheEnd(s, all, ['r1', 'r3']);
  });

  it('SendSummary fails: no summary mail, an alarm, and every follow-up still runs', async () => {
    const s = await submit('summary-fails@example.org', (id) => faults.set(faultKey('SendSummary', id), 'before'));
    const record = await finished(s);
    expect(record.status).toBe('SUCCEEDED');
    expect(errorsOf(s, 'failure not recorded')).toEqual([expect.objectContaining({ state: 'SummaryNotSent', alarm: 'RequestFailuresUnrecorded' })]);
    const all = await requests(s);
    expect(Object.keys(all).sort()).toEqual(['r1', 'r2', 'r3']);
    await expectFollowedUpToTheEnd(s, all, ['r1', 'r2', 'r3']);
    expect((await mailsTo(s.email)).filter((m) => m.subject.includes('opt-out requests are on their way'))).toEqual([]);
  });

  it('PlanRequests fails after its work: the execution fails visibly, and a redrive goes on without doubling anything', async () => {
    const s = await submit('plan-fails@example.org', (id) => faults.set(faultKey('PlanRequests', id), 'after'));
    const failed = await finished(s, 20_000);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toContain('PlanRequests failed after its work');
    expect(errorLines).toContainEqual(expect.objectContaining({ msg: 'execution failed', execution: s.execution }));
    await t.stack.runner.waitFor(s.execution); // until the runner has let go of it
    // Its work is done and nothing was sent.
    const planned = await Promise.all(['r1', 'r2', 'r3'].map((id) => getItem<{ status: string; replyToken: string }>(key.request(s.id, id))));
    expect(planned.map((r) => r?.status)).toEqual(['queued', 'queued', 'queued']);
    for (const address of Object.values(LETTERS)) expect(await mailsTo(address, s.email)).toEqual([]);

    faults.delete(faultKey('PlanRequests', s.id));
    await t.stack.runner.start(s.execution, { submissionId: s.id });
    const redriven = await finished(s);
    expect(redriven.status).toBe('SUCCEEDED');
    const after = await Promise.all(['r1', 'r2', 'r3'].map((id) => getItem<{ status: string; replyToken: string }>(key.request(s.id, id))));
    expect(after.map((r) => r?.replyToken)).toEqual(planned.map((r) => r?.replyToken));
    const all = await requests(s);
    expect(Object.keys(all)).toHaveLength(3);
    await expectFollowedUpToTheEnd(s, all, ['r1', 'r2', 'r3']);
  });
});

describe('mail-in fails', () => {
  it('answers the sender 451 so it retries, keeps the message in the dead-letter folder, and files it on the retry', async () => {
    const s = await submit('mail-in-fails@example.org', () => undefined);
    await waitUntil('letter to Reddit', async () => (await mailsTo(LETTERS.r1, s.email)).length === 1);
    const request = await getItem<{ replyToken: string; messageId: string }>(key.request(s.id, 'r1'));
    const to = `reply+${request!.replyToken}@in.autopilot.localhost`;
    const raw = await composeReply({
      from: 'Reddit Privacy <privacy@reddit.com>',
      to,
      subject: 'Re: your request',
      text: 'We have received your request.',
      inReplyTo: request!.messageId,
    });
    const hash = createHash('sha256').update(raw).digest('hex');

    mailInBroken = true;
    await expect(deliver(t.stack.smtpPort, raw, { from: 'privacy@reddit.com', to: [to] })).rejects.toMatchObject({ responseCode: 451 });
    const kept = join(t.dataDir, 'dead-letter', 'mail-in', `${hash}.eml`);
    expect(existsSync(kept)).toBe(true);
    expect(readFileSync(kept).equals(raw)).toBe(true);
    expect(errorLines).toContainEqual(expect.objectContaining({ msg: 'mail-in failed', deadLetter: kept }));
    expect(await getEvent(s.id, 'r1', `reply-${hash.slice(0, 16)}`)).toBeUndefined();

    // The sender tries again once the failure is over: the reply is filed.
    mailInBroken = false;
    await deliver(t.stack.smtpPort, raw, { from: 'privacy@reddit.com', to: [to] });
    expect(await getEvent(s.id, 'r1', `reply-${hash.slice(0, 16)}`)).toMatchObject({ kind: expect.stringMatching(/^reply:/) });
  });
});

describe('the browser-jobs schedule', () => {
  it('runs once per scheduled time: a second delivery of the same EventBridge event does nothing', async () => {
    const first = await browserJobsHandler({ time: '2031-05-01T10:00:00Z' });
    expect(first.duplicate).toBeUndefined();
    expect(await browserJobsHandler({ time: '2031-05-01T10:00:00Z' })).toEqual({ ran: 0, duplicate: true });
    expect((await browserJobsHandler({ time: '2031-05-01T11:00:00Z' })).duplicate).toBeUndefined();
    // Started by hand (no scheduled time): always runs.
    expect((await browserJobsHandler()).duplicate).toBeUndefined();
  });
});
