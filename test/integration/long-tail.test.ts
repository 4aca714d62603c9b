// The long tail through the API on the embedded services: GET /api/companies searches it, and a
// submission takes a `dn:` company like any provider: a letter to its privacy address, addressed to
// its legal entity, or a hand-over with its web form when it has no address.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatched, person, postJson, startTestStack, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';

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

interface SearchBody {
  companies: { slug: string; name: string; kind: string; channels: string[] }[];
  limit: number;
}

interface StatusBody {
  requests: { provider: string; channel: string; status: string; userAction: string | null; deepLink: string | null }[];
}

async function submitAndVerify(body: ReturnType<typeof person>): Promise<StatusBody> {
  const created = await t.api('/api/submissions', postJson(body));
  expect(created.status).toBe(202);
  const { id } = created.body as { id: string };
  const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(body.email)));
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  const token = new URL((verified.body as { statusUrl: string }).statusUrl).searchParams.get('t')!;
  return waitUntil('every request dispatched', async () => {
    const view = (await t.api(`/api/submissions/${id}?t=${token}`)).body as StatusBody;
    return view.requests.length > 0 && view.requests.every(dispatched) ? view : undefined;
  });
}

describe('GET /api/companies', () => {
  it('finds long-tail and curated providers by name or domain, at most the limit, uncached like every API answer', async () => {
    const response = await fetch(`${t.url}/api/companies?q=23andme`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as SearchBody;
    expect(body.companies[0]).toMatchObject({ slug: 'dn:23andme', name: '23andMe, Inc.', kind: 'long-tail', channels: ['email'] });
    const many = (await t.api('/api/companies?q=gmbh')).body as SearchBody;
    expect(many.companies).toHaveLength(many.limit);
    const curated = (await t.api(`/api/companies?q=${encodeURIComponent('https://www.reddit.com/r/x')}`)).body as SearchBody;
    expect(curated.companies.map((c) => c.slug)).toEqual(['reddit']);
  });

  it('answers bad queries with 400 naming q, never a 5xx', async () => {
    const bad: [string, RegExp][] = [
      ['/api/companies', /q: is required/],
      ['/api/companies?q=', /q: is required/],
      ['/api/companies?q=a', /q: is too short/],
      [`/api/companies?q=${'x'.repeat(101)}`, /q: is too long/],
      ['/api/companies?q=ac%0Ame', /q: must be a single line/],
      ['/api/companies?q=ac%00me', /q: contains a control character/],
    ];
    for (const [path, names] of bad) {
      const response = await fetch(`${t.url}${path}`);
      const body = (await response.json()) as { error: string; issues?: { path: string; message: string }[] };
      const said = [body.error, ...(body.issues ?? []).map((i) => `${i.path}: ${i.message}`)].join('\n');
      expect({ path, status: response.status, names: names.test(said) }).toEqual({ path, status: 400, names: true });
    }
    // A broken percent-encoding decodes to no text (U+FFFD): refused like any unreadable text, naming q.
    const broken = await fetch(`${t.url}/api/companies?q=%E0%A4%A`);
    expect(broken.status).toBe(400);
    expect(JSON.stringify(await broken.json())).toContain('q');
    expect((await fetch(`${t.url}/api/companies?q=zz`, { method: 'POST' })).status).toBe(405);
  });
});

describe('a submission with long-tail companies', () => {
  it("sends the letter to the record's privacy address, addressed to its legal entity", async () => {
    const status = await submitAndVerify(person({ email: 'lt-letter@example.org', accounts: [{ provider: 'DN:23andMe', identifier: 'erika@example.org' }] }));
    expect(status.requests).toEqual([expect.objectContaining({ provider: 'dn:23andme', channel: 'email', status: 'sent' })]);
    const letter = await waitUntil('the letter', async () => (await t.mails()).find((m) => m.destination.to.includes('privacy@23andme.com')));
    expect(letter.destination.cc).toContain('lt-letter@example.org');
    expect(letter.body.text).toContain('23andMe, Inc.');
    expect(letter.body.text).toContain('899 West Evelyn Avenue');
    // The verification mail named the company, not its slug.
    const verify = (await t.mails()).find((m) => m.destination.to.includes('lt-letter@example.org') && !m.destination.cc.includes('lt-letter@example.org'));
    expect(verify?.body.text).toContain('23andMe, Inc.: erika@example.org');
  });

  it("hands a company with only a web form over to the person, with the form's address", async () => {
    const status = await submitAndVerify(person({ email: 'lt-form@example.org', accounts: [{ provider: 'dn:cisco', identifier: 'erika@example.org' }] }));
    expect(status.requests).toEqual([
      expect.objectContaining({ provider: 'dn:cisco', channel: 'webform', status: 'needs_user_action', deepLink: 'https://privacyrequest.cisco.com/' }),
    ]);
    expect(status.requests[0]!.userAction).toContain('Cisco Systems, Inc.');
  });

  it('refuses an unknown long-tail company with 400 naming the account', async () => {
    const response = await t.api(
      '/api/submissions',
      postJson(
        person({
          accounts: [
            { provider: 'reddit', identifier: 'e' },
            { provider: 'dn:no-such-company', identifier: 'e' },
          ],
        }),
      ),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/accounts\.1\.provider.*not a provider/);
  });
});
