// The lifecycle on the embedded services: submit, verify, letters out, records and status.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatched, person, postJson, startTestStack, verificationToken, waitUntil, type StoredMail, type TestStack } from '../support/local-stack.ts';
import { getSubmission } from '../../functions/data/store.ts';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.stop();
});
beforeEach(async () => {
  await t.clearMails();
});

async function tableItems(): Promise<Record<string, unknown>[]> {
  const { Items } = await t.stack.runtime.table.send(new ScanCommand({ TableName: 'optout' }));
  return Items ?? [];
}

interface StatusBody {
  id: string;
  status: string;
  requests: { id: string; provider: string; identifier: string; channel: string; status: string; dueAt: string | null; events: { kind: string }[] }[];
}

/** Submits, follows the verification link from the mailbox, and waits until nothing is queued. */
async function submitAndVerify(body: unknown): Promise<{ id: string; statusToken: string; status: StatusBody }> {
  const created = await t.api('/api/submissions', postJson(body));
  expect(created.status).toBe(202);
  const { id } = created.body as { id: string };
  const email = (body as { email: string }).email;
  const mail = await waitUntil('verification mail', async () =>
    (await t.mails()).find((m) => m.destination.to.includes(email) && (m.subject.includes('confirm') || m.subject.includes('bestätigen'))),
  );
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  expect(verified.status).toBe(200);
  const statusToken = new URL((verified.body as { statusUrl: string }).statusUrl).searchParams.get('t')!;
  const status = await waitUntil('every request dispatched', async () => {
    const { body } = await t.api(`/api/submissions/${id}?t=${statusToken}`);
    const view = body as StatusBody;
    return view.requests.length > 0 && view.requests.every(dispatched) ? view : undefined;
  });
  return { id, statusToken, status };
}

function lettersTo(mails: StoredMail[], address: string): StoredMail[] {
  return mails.filter((m) => m.destination.to.includes(address));
}

describe('submission validation', () => {
  it('refuses bad input with the field and reason, and stores and sends nothing', async () => {
    const before = (await tableItems()).length;
    const response = await t.api(
      '/api/submissions',
      postJson(person({ email: 'not-an-address', jurisdiction: 'Germany', consent: false, accounts: [{ provider: 'myspace', identifier: '' }] })),
    );
    expect(response.status).toBe(400);
    const { issues } = response.body as { issues: { path: string; message: string }[] };
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'jurisdiction', 'consent', 'accounts.0.provider', 'accounts.0.identifier']));
    expect(issues.find((i) => i.path === 'accounts.0.provider')?.message).toMatch(/not a provider/);
    expect((await tableItems()).length).toBe(before);
    expect(await t.mails()).toEqual([]);
  });

  it('refuses a body that is not JSON, a duplicate account, and too many accounts', async () => {
    const notJson = await t.api('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(notJson.status).toBe(400);
    expect((notJson.body as { issues: { path: string }[] }).issues[0]!.path).toBe('(body)');

    const twice = await t.api(
      '/api/submissions',
      postJson(
        person({
          accounts: [
            { provider: 'reddit', identifier: 'a' },
            { provider: 'reddit', identifier: 'A' },
          ],
        }),
      ),
    );
    expect(twice.status).toBe(400);
    expect((twice.body as { issues: { path: string; message: string }[] }).issues).toContainEqual({
      path: 'accounts.1',
      message: 'lists the same account twice',
    });

    const many = Array.from({ length: 41 }, (_, i) => ({ provider: 'reddit', identifier: `user${i}` }));
    const tooMany = await t.api('/api/submissions', postJson(person({ accounts: many })));
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('at most 40 accounts');
  });

  it('sends nothing to any provider before the address is verified', async () => {
    const created = await t.api('/api/submissions', postJson(person({ accounts: [{ provider: 'slack', identifier: 'erika' }] })));
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: 'awaiting_verification' });
    await new Promise((r) => setTimeout(r, 500));
    const mails = await t.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.destination.to).toEqual(['erika@example.org']);
  });
});

describe('an EU submission', () => {
  it('sends a GDPR objection per email account, hands over the rest, and mails one summary', async () => {
    const { id, statusToken, status } = await submitAndVerify(
      person({
        accounts: [
          { provider: 'reddit', identifier: 'erika_m' },
          { provider: 'pinterest', identifier: 'erika.pins' },
          { provider: 'facebook', identifier: 'erika.mustermann' },
          { provider: 'quora', identifier: 'Erika-Mustermann' },
          { provider: 'x', identifier: '@erika' },
        ],
      }),
    );
    const byProvider = Object.fromEntries(status.requests.map((r) => [r.provider, r]));
    expect(byProvider.reddit).toMatchObject({ channel: 'email', status: 'sent' });
    expect(byProvider.pinterest).toMatchObject({ channel: 'email', status: 'sent' });
    expect(byProvider.quora).toMatchObject({ channel: 'email', status: 'sent' });
    expect(byProvider.facebook).toMatchObject({ channel: 'webform', status: 'needs_user_action' });
    expect(byProvider.x).toMatchObject({ channel: 'settings', status: 'needs_user_action' });
    expect(byProvider.reddit!.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const mails = await waitUntil('summary mail', async () => {
      const all = await t.mails();
      return all.some((m) => m.subject.includes('Opt-out-Anfragen')) ? all : undefined;
    });
    const [letter] = lettersTo(mails, 'redditdatarequests@reddit.com');
    expect(lettersTo(mails, 'redditdatarequests@reddit.com')).toHaveLength(1);
    expect(letter!.from).toBe('optout@autopilot.localhost');
    expect(letter!.destination.cc).toEqual(['erika@example.org']);
    expect(letter!.replyTo).toHaveLength(1);
    expect(letter!.replyTo[0]).toMatch(/^reply\+[a-z0-9]{20}@in\.autopilot\.localhost$/);
    expect(letter!.subject).toMatch(/Art\. 21\(1\) GDPR/);
    for (const citation of ['Art. 21(1)', 'Art. 18(1)(d)', 'Art. 17(1)(c)', 'Art. 12(3)']) expect(letter!.body.text).toContain(citation);
    expect(letter!.body.text).toContain('erika_m');
    expect(letter!.body.text).toMatch(/OA-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    // Each letter has its own reply address.
    const replyTos = new Set(mails.filter((m) => m.replyTo.length).map((m) => m.replyTo[0]));
    expect(replyTos.size).toBe(3);

    const summaries = mails.filter((m) => m.subject.includes('Opt-out-Anfragen'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body.text).toContain('Reddit (erika_m)');
    expect(summaries[0]!.body.text).toContain(`/status/${id}?t=${statusToken}`);

    const page = await t.api(`/status/${id}?t=${statusToken}`);
    expect(page.status).toBe(200);
    expect(page.body as string).toContain('data-provider="reddit" data-status="sent" data-channel="email"');
    // A person in Germany reads their pages in German; the timeline stays English, as the record.
    const html = page.body as string;
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Ihre Opt-out-Anfragen</h1>');
    expect(html).toContain('Für Erika Mustermann.');
    expect(html).toContain('gesendet, wartet auf Antwort');
    expect(html).toContain('Brief per E-Mail');
    expect(html).toContain('Als erledigt markieren');
    expect(html).toContain('Letter sent to redditdatarequests@reddit.com');
    expect(html).not.toContain('Your opt-out requests');
  });
});

describe("the person's own grounds", () => {
  it('are stored with the submission and stated in the objection letter the provider receives', async () => {
    const grounds = { choices: ['creative-work', 'special-categories'], text: 'I draw for a living; my\ndrawings are my income.' };
    const { id } = await submitAndVerify(person({ email: 'grounds@example.org', accounts: [{ provider: 'reddit', identifier: 'erika_draws' }], grounds }));
    const [letter] = await waitUntil('letter to Reddit', async () => {
      const found = lettersTo(await t.mails(), 'redditdatarequests@reddit.com').filter((m) => m.destination.cc.includes('grounds@example.org'));
      return found.length ? found : undefined;
    });
    const text = letter!.body.text!;
    expect(text).toContain('My grounds relate to my particular situation:\n- My content includes my own creative or professional work.');
    expect(text).toContain('- My content reveals sensitive information about me');
    expect(text).toContain('requires my explicit consent (Art. 9(2)(a) GDPR), which I have not given, unless another exception');
    expect(text).toContain('In my own words:\nI draw for a living; my\ndrawings are my income.');
    expect(text).not.toContain('not to become training material');
    const item = (await tableItems()).find((i) => i.type === 'submission' && i.id === id);
    expect(item?.grounds).toEqual(grounds);
  });

  it('refuses an unknown ground with its field, and stores nothing', async () => {
    const before = (await tableItems()).length;
    const response = await t.api('/api/submissions', postJson(person({ email: 'nogrounds@example.org', grounds: { choices: ['bored'] } })));
    expect(response.status).toBe(400);
    expect((response.body as { issues: { path: string; message: string }[] }).issues).toContainEqual({
      path: 'grounds.choices.0',
      message: 'must be one of photos-of-others, creative-work, special-categories, posted-as-minor, safety',
    });
    expect((await tableItems()).length).toBe(before);
  });
});

describe('a California submission', () => {
  it('sends a CCPA opt-out of sale/sharing with limit of sensitive data', async () => {
    await submitAndVerify(
      person({ email: 'sam@example.com', name: 'Sam Rivera', jurisdiction: 'US-CA', accounts: [{ provider: 'discord', identifier: 'samr#1234' }] }),
    );
    const mails = await waitUntil('letter', async () => {
      const found = lettersTo(await t.mails(), 'privacy@discord.com');
      return found.length ? found : undefined;
    });
    const letter = mails[0]!;
    expect(letter.destination.cc).toEqual(['sam@example.com']);
    expect(letter.subject).toMatch(/opt-out|Opt-Out|sale|sharing/i);
    for (const citation of ['1798.120', '1798.121', '15 business days']) expect(letter.body.text).toContain(citation);
    // Addressed to the provider's US company, not its EU controller.
    expect(letter.body.text).toContain('Discord Inc.\n444 De Haro Street #200');
    expect(letter.body.text).not.toContain('Discord Netherlands');
    const { id, statusToken } = await submitAndVerify(
      person({ email: 'lee@example.com', name: 'Lee Park', jurisdiction: 'US-CA', accounts: [{ provider: 'reddit', identifier: 'leep' }] }),
    );
    const html = (await t.api(`/status/${id}?t=${statusToken}`)).body as string;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Your opt-out requests</h1>');
    expect(html).toContain('For Lee Park.');
    expect(html).toContain('letter by email');
  });
});

describe('the page the verification link opens', () => {
  it('shows the name the letters will carry and the accounts, says ignoring it is safe, and confirms nothing by itself', async () => {
    const email = 'mallory-target@example.org';
    const created = await t.api(
      '/api/submissions',
      postJson(person({ name: 'Someone Else', email, lang: 'en', accounts: [{ provider: 'reddit', identifier: 'u/target' }] })),
    );
    expect(created.status).toBe(202);
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
    const page = await t.api(`/verify?token=${verificationToken(mail)}`);
    expect(page.status).toBe(200);
    const html = page.body as string;
    expect(html).toContain('The letters will go out in the name of Someone Else, for these accounts:');
    expect(html).toContain('<li>Reddit: u/target</li>');
    expect(html).toContain('close this page: nothing will be sent, and everything is deleted after');
    const { id } = created.body as { id: string };
    expect(await t.run(() => getSubmission(id))).toMatchObject({ status: 'awaiting_verification' });
  });
});

describe('access to status', () => {
  it('refuses a wrong status token or verification token with 404', async () => {
    const { id, statusToken } = await submitAndVerify(person({ email: 'kim@example.org', accounts: [{ provider: 'snapchat', identifier: 'kim' }] }));
    expect((await t.api(`/api/submissions/${id}?t=${statusToken}`)).status).toBe(200);
    expect((await t.api(`/api/submissions/${id}?t=${statusToken.slice(0, -2)}xx`)).status).toBe(404);
    expect((await t.api(`/api/submissions/${id}`)).status).toBe(404);
    expect((await t.api(`/status/${id}?t=wrong`)).status).toBe(404);
    expect((await t.api(`/api/verify?token=${id}.forged`)).status).toBe(404);
    expect((await t.api(`/verify?token=${id}.forged`)).status).toBe(404);
    const forgedPost = await t.api('/verify', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${id}.forged` });
    expect(forgedPost.status).toBe(404);
  });

  it('lets the person mark a request confirmed, once', async () => {
    const { id, statusToken } = await submitAndVerify(person({ email: 'lee@example.org', accounts: [{ provider: 'grammarly', identifier: 'lee' }] }));
    const confirmed = await t.api(`/api/submissions/${id}/requests/r1/confirm?t=${statusToken}`, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect((confirmed.body as StatusBody).requests[0]!.status).toBe('confirmed');
    const again = await t.api(`/api/submissions/${id}/requests/r1/cancel?t=${statusToken}`, { method: 'POST' });
    expect(again.status).toBe(409);
  });
});

describe('a restart in the middle of a submission', () => {
  it('sends no letter twice and loses none', async () => {
    const accounts = ['reddit', 'pinterest', 'quora', 'discord', 'slack', 'adobe', 'anthropic', 'grammarly', 'snapchat', 'substack'].map((provider) => ({
      provider,
      identifier: `erika-${provider}`,
    }));
    const created = await t.api('/api/submissions', postJson(person({ email: 'restart@example.org', accounts })));
    const { id } = created.body as { id: string };
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes('restart@example.org')));
    await t.api(`/api/verify?token=${verificationToken(mail)}`);
    // Stop as soon as the first letters are out, with the rest still queued.
    await waitUntil('first letter', async () => (await t.mails()).some((m) => m.destination.cc.includes('restart@example.org')), 10_000);
    await t.restart();
    expect(t.stack.resumed).toContain(`sub-${id}`);

    const letters = await waitUntil('all ten letters', async () => {
      const sent = (await t.mails()).filter((m) => m.destination.cc.includes('restart@example.org'));
      return sent.length >= 10 ? sent : undefined;
    });
    await new Promise((r) => setTimeout(r, 1000)); // a second copy would arrive in this time
    const after = (await t.mails()).filter((m) => m.destination.cc.includes('restart@example.org'));
    expect(after.length).toBe(letters.length);
    const perRecipient = new Map<string, number>();
    for (const m of after) for (const to of m.destination.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect(perRecipient.size).toBe(10);
  });
});
