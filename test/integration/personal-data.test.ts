// The person's own data on the embedded services: download everything as one zip, and delete
// everything (API and status page), after which nothing answers, nothing is left in the table or the
// evidence folder, and the follow-up never sends another letter.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key } from '../../functions/data/schema.ts';
import * as store from '../../functions/data/store.ts';
import { TASK_HANDLERS } from '../../functions/handlers/tasks-by-state.ts';
import { composeReply, deliver } from '../support/mail.ts';
import { dispatched, person, postJson, startTestStack, verificationToken, waitUntil, type StoredMail, type TestStack } from '../support/local-stack.ts';

// Four simulated days per real second, as in followup.test.ts: the month to the reminder passes in ~8 s.
const SPEED = 86_400 * 4;
const realMs = (days: number) => (days * 86_400_000) / SPEED;
const REDDIT = 'redditdatarequests@reddit.com';
const DELETED_SUBJECT = /Your data is deleted|Ihre Daten sind gelöscht/;

let t: TestStack;
const getItem = <T>(itemKey: { PK: string; SK: string }) => t.run(() => store.getItem<T>(itemKey));

beforeAll(async () => {
  // Unconfirmed submissions must not expire (72 simulated hours are under a second here) before the test confirms them.
  t = await startTestStack({ clockSpeed: SPEED, env: { OPTOUT_UNVERIFIED_HOURS: '87600' } });
});
afterAll(async () => {
  await t?.stop();
});

interface Submitted {
  id: string;
  token: string;
  email: string;
}

interface RequestView {
  id: string;
  status: string;
  channel: string;
  events: { kind: string; evidence: string[] }[];
}

async function requestsOf(s: Submitted): Promise<RequestView[]> {
  const { status, body } = await t.api(`/api/submissions/${s.id}?t=${s.token}`);
  expect(status).toBe(200);
  return (body as { requests: RequestView[] }).requests;
}

async function submitAndVerify(email: string, accounts: Record<string, unknown>[]): Promise<Submitted> {
  const created = await t.api('/api/submissions', postJson(person({ email, accounts })));
  expect(created.status).toBe(202);
  const { id } = created.body as { id: string };
  const mail = await waitUntil(`verification mail to ${email}`, async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  expect(verified.status).toBe(200);
  const token = new URL((verified.body as { statusUrl: string }).statusUrl).searchParams.get('t')!;
  const s = { id, token, email };
  await waitUntil('requests dispatched', async () => {
    const requests = await requestsOf(s);
    return requests.length === accounts.length && requests.every(dispatched);
  });
  return s;
}

/** Every item of the submission's partition, as stored (expired or not). */
async function partition(id: string): Promise<Record<string, unknown>[]> {
  const { Items } = await t.stack.runtime.table.send(
    new QueryCommand({ TableName: 'optout', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `SUB#${id}` }, ConsistentRead: true }),
  );
  return Items ?? [];
}

function evidenceFiles(id: string): string[] {
  return ['letters', 'replies', 'screenshots'].flatMap((folder) => {
    const dir = join(t.dataDir, 'evidence', folder, id);
    return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
  });
}

async function download(s: Submitted, token = s.token): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(`${t.url}/api/submissions/${s.id}/export?t=${token}`);
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

const to = (s: Submitted) => (m: StoredMail) => m.destination.to.includes(s.email);
const ccTo = (s: Submitted) => (m: StoredMail) => m.destination.cc.includes(s.email);

describe("the person's own data", () => {
  it('downloads everything as one zip, deletes everything, and the follow-up stops for good', async () => {
    const session = JSON.stringify([{ name: 'reddit_session', value: 'secret-cookie-value', domain: '.reddit.com' }]);
    const a = await submitAndVerify('delete-me@example.org', [{ provider: 'reddit', identifier: 'erika_m', session, keepSession: true }]);

    // A reply from the provider, so there is a reply file and an inbound-mail record as well.
    const [letter] = (await t.mails()).filter((m) => m.destination.to.includes(REDDIT) && ccTo(a)(m));
    const reply = await composeReply({
      from: 'privacy@reddit.com',
      to: letter!.replyTo[0]!,
      subject: 'Re: your request',
      text: 'We have received your request and will get back to you.',
    });
    await deliver(t.stack.smtpPort, reply, { from: 'privacy@reddit.com', to: [letter!.replyTo[0]!] });
    await waitUntil('reply on record', async () => (await requestsOf(a))[0]!.events.some((e) => e.kind.startsWith('reply:')));

    // ---- download ----
    const exported = await download(a);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/zip');
    expect(exported.headers.get('content-disposition')).toBe(`attachment; filename="optout-${a.id}.zip"`);
    expect(exported.headers.get('cache-control')).toBe('no-store');
    const files = unzipSync(new Uint8Array(exported.body));
    const names = Object.keys(files).sort();
    expect(names).toContain('timeline.json');
    expect(names).toContain('r1-reddit/letters/letter.eml');
    // The signed authorization: its PDF, and the record with the signature, where and when, and the verification trail.
    expect(strFromU8(files['authorization.pdf']!.subarray(0, 5))).toBe('%PDF-');
    const replyFile = names.find((n) => n.startsWith('r1-reddit/replies/') && n.endsWith('.eml'));
    expect(replyFile).toBeDefined();
    const timeline = JSON.parse(strFromU8(files['timeline.json']!));
    expect(timeline.submission).toMatchObject({
      id: a.id,
      name: 'Erika Mustermann',
      email: a.email,
      jurisdiction: 'DE-BE',
      accounts: [{ provider: 'reddit', identifier: 'erika_m' }],
    });
    const sent = timeline.requests[0].events.find((e: { kind: string }) => e.kind === 'sent');
    expect(sent.evidence).toEqual(['r1-reddit/letters/letter.eml']);
    expect(timeline.submission.authorization).toMatchObject({
      signature: 'Erika Mustermann',
      clientAddress: expect.any(String),
      verification: { email: a.email, method: expect.stringMatching(/^(POST \/verify|GET \/api\/verify)$/) },
    });
    expect(timeline.submission.authorization.text).toContain('Ich, Erika Mustermann (');
    expect(timeline.requests[0].events.some((e: { kind: string; evidence: string[] }) => e.kind.startsWith('reply:') && e.evidence[0] === replyFile)).toBe(
      true,
    );
    expect(timeline.sessions).toEqual([expect.objectContaining({ provider: 'reddit', keep: true })]);
    expect(JSON.stringify(timeline)).not.toContain('secret-cookie-value');
    const eml = strFromU8(files['r1-reddit/letters/letter.eml']!);
    expect(eml).toContain('Art. 21(1)');
    expect(eml).toContain(`Message-ID: <${sent.data.messageId}>`);

    // What the deletion must remove: the letter's Message-ID pointer, the reply's inbound record, the session.
    const replyHash = createHash('sha256').update(files[replyFile!]!).digest('hex');
    expect(await getItem(key.inboundMail(replyHash))).toBeDefined();
    expect(await getItem(key.messagePointer(sent.data.messageId))).toBeDefined();
    expect((await partition(a.id)).some((item) => String(item.SK).startsWith('SESSION#'))).toBe(true);
    expect(evidenceFiles(a.id).length).toBeGreaterThanOrEqual(2);

    // ---- a wrong token: 404, nothing deleted ----
    const wrong = `${a.token.slice(0, -2)}xx`;
    expect((await download(a, wrong)).status).toBe(404);
    expect((await t.api(`/api/submissions/${a.id}/export`)).status).toBe(404);
    expect((await t.api(`/api/submissions/${a.id}?t=${wrong}`, { method: 'DELETE' })).status).toBe(404);
    expect(
      (
        await t.api(`/status/${a.id}/delete?t=${wrong}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'confirm=yes',
        })
      ).status,
    ).toBe(404);
    expect((await t.api(`/api/submissions/${a.id}?t=${a.token}`)).status).toBe(200);
    expect(evidenceFiles(a.id).length).toBeGreaterThanOrEqual(2);

    // ---- delete ----
    const deleted = await t.api(`/api/submissions/${a.id}?t=${a.token}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');

    expect((await t.api(`/api/submissions/${a.id}?t=${a.token}`)).status).toBe(404);
    expect((await t.api(`/status/${a.id}?t=${a.token}`)).status).toBe(404);
    expect((await download(a)).status).toBe(404);
    expect((await t.api(`/api/submissions/${a.id}/requests/r1/confirm?t=${a.token}`, { method: 'POST' })).status).toBe(404);
    expect((await t.api(`/api/submissions/${a.id}?t=${a.token}`, { method: 'DELETE' })).status).toBe(404);

    expect(evidenceFiles(a.id)).toEqual([]);
    const left = await partition(a.id);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ PK: `SUB#${a.id}`, SK: '#SUB', id: a.id, status: 'deleted', erasure: 'done' });
    expect(typeof left[0]!.expiresAt).toBe('number');
    expect(JSON.stringify(left[0])).not.toMatch(/erika|Mustermann|example\.org|reddit/i);
    expect(await getItem(key.inboundMail(replyHash))).toBeUndefined();
    expect(await getItem(key.messagePointer(sent.data.messageId))).toBeUndefined();

    // The execution was stopped for good, not finished or failed.
    expect((await t.stack.runner.waitFor(`sub-${a.id}`))?.status).toBe('ABORTED');
    const deletionMail = await waitUntil('deletion mail', async () => (await t.mails()).find((m) => to(a)(m) && DELETED_SUBJECT.test(m.subject)));
    expect(deletionMail.body.text).toContain('Briefe, die Unternehmen bereits zugestellt wurden');
    expect(deletionMail.body.text).toContain(a.id);

    // Any workflow step that still runs for it (a Lambda already running, a redrive) ends quietly.
    const ids = { submissionId: a.id, requestId: 'r1' };
    const mailsBefore = (await t.mails()).length;
    for (const [state, handler] of Object.entries(TASK_HANDLERS)) {
      const input = state === 'PlanRequests' || state === 'SendSummary' ? { submissionId: a.id } : ids;
      await expect(
        t.run(() => (handler as (input: unknown) => Promise<unknown>)(input)),
        state,
      ).resolves.toMatchObject({ gone: true, submissionId: a.id });
    }
    expect((await t.mails()).length).toBe(mailsBefore);
    expect(await partition(a.id)).toHaveLength(1);

    // A control submitted after the deletion, to the same provider: once its reminder is out, the
    // deleted submission's (due no later) would have gone out too. It must not have.
    // Reminders do not copy the person, so each request's mails are told apart by their Reply-To.
    const b = await submitAndVerify('control@example.org', [{ provider: 'reddit', identifier: 'control' }]);
    const [controlLetter] = (await t.mails()).filter((m) => m.destination.to.includes(REDDIT) && ccTo(b)(m));
    const sameRequest = (first: StoredMail) => (m: StoredMail) => m.destination.to.includes(REDDIT) && m.replyTo[0] === first.replyTo[0];
    await waitUntil(
      "the control's reminder",
      async () => (await t.mails()).some((m) => sameRequest(controlLetter!)(m) && /reminder|Erinnerung/i.test(m.subject)),
      realMs(45) + 15_000,
    );
    const lettersForA = (await t.mails()).filter(sameRequest(letter!));
    expect(lettersForA).toHaveLength(1); // the first letter, sent before the deletion
    expect((await t.mails()).filter((m) => to(a)(m) && DELETED_SUBJECT.test(m.subject))).toHaveLength(1);
  });

  it('deletes from the status page only after the box is ticked, and shows the deleted page', async () => {
    const c = await submitAndVerify('page@example.org', [{ provider: 'reddit', identifier: 'page_user' }]);
    const status = (await t.api(`/status/${c.id}?t=${c.token}`)).body as string;
    expect(status).toContain(`href="/api/submissions/${c.id}/export?t=${encodeURIComponent(c.token)}"`);
    expect(status).toContain(`href="/status/${c.id}/delete?t=${encodeURIComponent(c.token)}"`);

    const ask = await t.api(`/status/${c.id}/delete?t=${c.token}`);
    expect(ask.status).toBe(200);
    expect(ask.body as string).toContain('<form id="delete" method="post"');
    expect(ask.body as string).toContain('name="confirm" value="yes" required');
    expect(ask.body as string).toContain('Briefe, die Unternehmen bereits zugestellt wurden');

    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    const unticked = await t.api(`/status/${c.id}/delete?t=${c.token}`, { ...form, body: '' });
    expect(unticked.status).toBe(400);
    expect(unticked.body as string).toContain('Bitte setzen Sie das Häkchen');
    expect((await t.api(`/api/submissions/${c.id}?t=${c.token}`)).status).toBe(200);

    const done = await t.api(`/status/${c.id}/delete?t=${c.token}`, { ...form, body: 'confirm=yes' });
    expect(done.status).toBe(200);
    expect(done.body as string).toContain('<h1>Alles ist gelöscht</h1>');
    expect((await t.api(`/status/${c.id}?t=${c.token}`)).status).toBe(404);
    expect((await t.api(`/status/${c.id}/delete?t=${c.token}`)).status).toBe(404);
    expect(await partition(c.id)).toHaveLength(1);
    expect(evidenceFiles(c.id)).toEqual([]);
    expect((await t.stack.runner.waitFor(`sub-${c.id}`))?.status).toBe('ABORTED');
    await waitUntil('deletion mail', async () => (await t.mails()).some((m) => to(c)(m) && DELETED_SUBJECT.test(m.subject)));
  });
});
