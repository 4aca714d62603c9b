// Browser work after dispatch, on a fast clock (30 days a second): a session given later on the status
// page gets a handed-over request done; a kept session re-checks the setting every OPTOUT_RECHECK_DAYS,
// switches it off again when it came back on, and stops (telling the person) when the session expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSites, type FixtureSites } from '../support/fixture-sites.ts';
import { person, postJson, startTestStack, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';

let sites: FixtureSites;
let t: TestStack;

beforeAll(async () => {
  sites = await startFixtureSites();
  t = await startTestStack({
    clockSpeed: 86_400 * 30,
    browserJobsIntervalMs: 200,
    env: {
      OPTOUT_ALLOW_ORIGIN_OVERRIDE: '1',
      OPTOUT_ORIGIN_OVERRIDE: JSON.stringify(sites.origins),
      OPTOUT_RECHECK_DAYS: '30',
      // At 30 days a second the default two years of retention would pass in 24 s.
      OPTOUT_RETENTION_DAYS: '36500',
    },
  });
});
afterAll(async () => {
  await t?.stop();
  await sites?.close();
});

interface RequestView {
  id: string;
  provider: string;
  channel: string;
  status: string;
  events: { kind: string; detail: string; evidence: string[] }[];
}

async function submitAndVerify(email: string, accounts: unknown[]): Promise<{ apiUrl: string; token: string; id: string }> {
  const created = await t.api('/api/submissions', postJson(person({ email, accounts })));
  expect(created.status).toBe(202);
  const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  const statusUrl = new URL((verified.body as { statusUrl: string }).statusUrl);
  return {
    apiUrl: statusUrl.pathname.replace('/status/', '/api/submissions/'),
    token: statusUrl.searchParams.get('t')!,
    id: (created.body as { id: string }).id,
  };
}

async function request(apiUrl: string, token: string, provider: string): Promise<RequestView> {
  const { body } = await t.api(`${apiUrl}?t=${token}`);
  return (body as { requests: RequestView[] }).requests.find((r) => r.provider === provider)!;
}

function cookieFile(cookie: { name: string; value: string; domain?: string }): string {
  return JSON.stringify([cookie]);
}

describe('a session given after the request was handed over', () => {
  it("refuses a cookie file without the provider's cookies, then does the job with a real one", async () => {
    const { apiUrl, token, id } = await submitAndVerify('late@example.org', [{ provider: 'linkedin', identifier: 'erika-m' }]);
    await waitUntil('hand-over', async () => (await request(apiUrl, token, 'linkedin')).status === 'needs_user_action');

    const wrong = await t.api(
      `/api/submissions/${id}/sessions?t=${token}`,
      postJson({ provider: 'linkedin', cookies: cookieFile({ name: 'sid', value: 'x', domain: '.example.com' }) }),
    );
    expect(wrong.status).toBe(400);
    expect((wrong.body as { issues: { path: string }[] }).issues[0]!.path).toBe('cookies');
    const forged = await t.api(
      `/api/submissions/${id}/sessions?t=forged`,
      postJson({ provider: 'linkedin', cookies: cookieFile(sites.newSession('linkedin')) }),
    );
    expect(forged.status).toBe(404);

    const uploaded = await t.api(
      `/api/submissions/${id}/sessions?t=${token}`,
      postJson({ provider: 'linkedin', cookies: cookieFile(sites.newSession('linkedin')) }),
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ provider: 'linkedin', scheduled: ['r1'] });

    const done = await waitUntil(
      'the browser job',
      async () => {
        const r = await request(apiUrl, token, 'linkedin');
        return r.status === 'confirmed' ? r : undefined;
      },
      60_000,
    );
    expect(done.events.find((e) => e.kind === 'confirmed')!.evidence.length).toBeGreaterThan(0);
  });
});

describe('re-checks with a kept session', () => {
  it('switches a setting that came back on off again, tells the person, and stops when the session expires', async () => {
    const session = sites.newSession('pinterest');
    const { apiUrl, token } = await submitAndVerify('recheck@example.org', [
      { provider: 'pinterest', identifier: 'erika.pins', session: cookieFile(session), keepSession: true },
    ]);
    await waitUntil('confirmed by the browser', async () => (await request(apiUrl, token, 'pinterest')).status === 'confirmed', 60_000);
    expect(sites.settings('pinterest', session.value)?.genai).toBe(false);

    // The platform switches it back on, as settings sometimes do after an update.
    const local = sites.origins['https://www.pinterest.com']!;
    const flipped = await fetch(`${local}/_fixture/state`, {
      method: 'POST',
      headers: { cookie: `${session.name}=${session.value}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'genai', value: true }),
    });
    expect(flipped.status).toBe(200);

    const reverted = await waitUntil(
      'a re-check that finds it on',
      async () => {
        const r = await request(apiUrl, token, 'pinterest');
        return r.events.find((e) => e.kind === 'recheck_reverted');
      },
      60_000,
    );
    expect(reverted.detail).toMatch(/switched back on/);
    expect(sites.settings('pinterest', session.value)?.genai).toBe(false);
    // The person lives in Germany: they are told in German.
    const told = await waitUntil('the mail to the person', async () =>
      (await t.mails()).find((m) => m.destination.to.includes('recheck@example.org') && (m.body.text ?? '').includes('war wieder eingeschaltet')),
    );
    // Not a change the person must act on: it reaches them in the day's digest, which names the provider.
    expect(told.body.text).toContain('Pinterest');

    await waitUntil(
      'a re-check that finds it still off',
      async () => (await request(apiUrl, token, 'pinterest')).events.some((e) => e.kind === 'rechecked'),
      60_000,
    );

    sites.setMode('pinterest', 'expired_session');
    const stopped = await waitUntil(
      'a re-check that meets the login wall',
      async () => {
        const r = await request(apiUrl, token, 'pinterest');
        return r.events.find((e) => e.kind === 'recheck_stopped');
      },
      60_000,
    );
    expect(stopped.detail).toMatch(/fresh session/);
    expect((await request(apiUrl, token, 'pinterest')).status).toBe('confirmed');
    sites.setMode('pinterest', 'normal');
  });
});
