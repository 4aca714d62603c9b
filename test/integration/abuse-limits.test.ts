// The form must not be a spam cannon: the real limits (app/limits.ts) against the local runtime, with
// clients on different loopback addresses; and unconfirmed submissions are deleted after their hours.
import { request } from 'node:http';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { person, postJson, startTestStack, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';

let t: TestStack | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});
afterAll(async () => {
  await t?.stop();
});

/** POSTs JSON from a chosen loopback address, as a client on another network would arrive. */
function postFrom(
  from: string,
  path: string,
  body: unknown,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: { error?: string; retryAt?: string; id?: string } }> {
  const url = new URL(`${t!.url}${path}`);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function submissionsInTable(): Promise<number> {
  const { Items } = await t!.stack.runtime.table.send(new ScanCommand({ TableName: 'optout', ConsistentRead: true }));
  return (Items ?? []).filter((i) => i.type === 'submission').length;
}

const REAL_LIMITS = { OPTOUT_ADDRESS_MAILS_PER_DAY: '3', OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR: '10' };

describe('limits of the public form', () => {
  it('mails one address at most 3 times in 24 hours, then answers 429 with when to try again', async () => {
    t = await startTestStack({ env: REAL_LIMITS });
    for (let i = 0; i < 3; i++) {
      const accepted = await postFrom(
        '127.0.0.3',
        '/api/submissions',
        person({ email: 'target@example.net', accounts: [{ provider: 'reddit', identifier: `u${i}` }] }),
      );
      expect(accepted.status).toBe(202);
    }
    const refused = await postFrom(
      '127.0.0.3',
      '/api/submissions',
      person({ email: 'Target@Example.net', accounts: [{ provider: 'reddit', identifier: 'u4' }] }),
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/3 confirmation emails to this address in the last 24 hours/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(Date.parse(refused.body.retryAt!)).toBeGreaterThan(Date.now() + 86_000_000);

    // Another client cannot get past it either: the limit is the address's.
    expect((await postFrom('127.0.0.4', '/api/submissions', person({ email: 'target@example.net' }))).status).toBe(429);
    const mails = await waitUntil('three verification mails', async () => {
      const found = (await t!.mails()).filter((m) => m.destination.to.includes('target@example.net'));
      return found.length >= 3 ? found : undefined;
    });
    expect(mails).toHaveLength(3);
    expect(await submissionsInTable()).toBe(3);
    // Another address is still served.
    expect((await postFrom('127.0.0.3', '/api/submissions', person({ email: 'other@example.net' }))).status).toBe(202);
  });

  it('counts +tags, and dots in a Gmail address, against the one mailbox they reach', async () => {
    t = await startTestStack({ env: REAL_LIMITS });
    for (const [i, email] of ['victim+1@example.net', 'victim+2@example.net', 'Victim+news@Example.net'].entries()) {
      expect((await postFrom('127.0.0.9', '/api/submissions', person({ email, accounts: [{ provider: 'reddit', identifier: `v${i}` }] }))).status).toBe(202);
    }
    const refused = await postFrom('127.0.0.9', '/api/submissions', person({ email: 'victim+4@example.net' }));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/3 confirmation emails to this address/);
    expect((await postFrom('127.0.0.9', '/api/submissions', person({ email: 'victim@example.net' }))).status).toBe(429);

    for (const email of ['erika.m@gmail.com', 'erikam+a@gmail.com', 'e.r.i.k.a.m@googlemail.com']) {
      expect((await postFrom('127.0.0.10', '/api/submissions', person({ email }))).status).toBe(202);
    }
    expect((await postFrom('127.0.0.10', '/api/submissions', person({ email: 'erik.am@gmail.com' }))).status).toBe(429);
    // Dots count only at Gmail: elsewhere they name other mailboxes.
    expect((await postFrom('127.0.0.10', '/api/submissions', person({ email: 'vic.tim@example.net' }))).status).toBe(202);
    // Each mail went to the address as typed.
    const sent = await waitUntil('seven verification mails', async () => {
      const all = (await t!.mails()).flatMap((m) => m.destination.to);
      return all.length >= 7 ? all : undefined;
    });
    expect(sent).toEqual(expect.arrayContaining(['victim+1@example.net', 'victim+news@example.net', 'e.r.i.k.a.m@googlemail.com']));
  });

  it('says Retry-After in real seconds when the clock runs fast', async () => {
    // An hour of the app's clock passes in a real second: the 24-hour window ends in about 24 real seconds.
    t = await startTestStack({ env: REAL_LIMITS, clockSpeed: 3600 });
    for (let i = 0; i < 3; i++) {
      expect(
        (await postFrom('127.0.0.11', '/api/submissions', person({ email: 'fast@example.net', accounts: [{ provider: 'reddit', identifier: `f${i}` }] })))
          .status,
      ).toBe(202);
    }
    const refused = await postFrom('127.0.0.11', '/api/submissions', person({ email: 'fast@example.net' }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(24);

    // The plain form's post says the same.
    const form = await fetch(`${t.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Erika&email=fast%40example.net&jurisdiction=FR&provider=reddit&identifier=f9&signature=Erika&consent=yes',
    });
    expect(form.status).toBe(429);
    expect(Number(form.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(form.headers.get('retry-after'))).toBeLessThanOrEqual(24);
  });

  it('takes at most 10 submissions an hour from one client address', async () => {
    t = await startTestStack({ env: REAL_LIMITS });
    for (let i = 0; i < 10; i++) {
      expect((await postFrom('127.0.0.2', '/api/submissions', person({ email: `p${i}@example.net` }))).status).toBe(202);
    }
    const refused = await postFrom('127.0.0.2', '/api/submissions', person({ email: 'p10@example.net' }));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/too many submissions from your network \(10 an hour\)/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    // Bad input is refused before the limits and does not count; another client is served.
    expect((await postFrom('127.0.0.5', '/api/submissions', person({ email: 'x' }))).status).toBe(400);
    expect((await postFrom('127.0.0.5', '/api/submissions', person({ email: 'p11@example.net' }))).status).toBe(202);
    expect(await submissionsInTable()).toBe(11);
    expect((await t.mails()).some((m) => m.destination.to.includes('p10@example.net'))).toBe(false);
  });

  it('stops all verification mail for the day at the deployment-wide cap', async () => {
    t = await startTestStack({ env: { OPTOUT_DAILY_VERIFICATION_MAILS: '2' } });
    const nextMidnight = () => {
      const midnight = new Date();
      midnight.setUTCHours(24, 0, 0, 0);
      return midnight.toISOString();
    };
    const midnightBefore = nextMidnight();
    expect((await postFrom('127.0.0.6', '/api/submissions', person({ email: 'a@example.net' }))).status).toBe(202);
    expect((await postFrom('127.0.0.7', '/api/submissions', person({ email: 'b@example.net' }))).status).toBe(202);
    const refused = await postFrom('127.0.0.8', '/api/submissions', person({ email: 'c@example.net' }));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/as many confirmation emails today as it may/);
    // The next UTC midnight (the run may straddle one).
    expect([midnightBefore, nextMidnight()]).toContain(refused.body.retryAt);
    expect(await submissionsInTable()).toBe(2);
  });
});

describe('unconfirmed submissions', () => {
  it('are deleted with their session after the unverified hours; confirmed ones keep theirs', async () => {
    // An hour of the clock passes in a tenth of a second; unconfirmed submissions live 72 hours.
    t = await startTestStack({ clockSpeed: 36_000, browserJobsIntervalMs: 100, env: { OPTOUT_UNVERIFIED_HOURS: '72' } });
    const session = '[{"name":"reddit_session","value":"secret","domain":".reddit.com","path":"/"}]';
    const forgotten = await t.api(
      '/api/submissions',
      postJson(person({ email: 'forgot@example.net', accounts: [{ provider: 'reddit', identifier: 'f', session }] })),
    );
    const confirmed = await t.api(
      '/api/submissions',
      postJson(person({ email: 'kept@example.net', accounts: [{ provider: 'reddit', identifier: 'k', session, keepSession: true }] })),
    );
    expect([forgotten.status, confirmed.status]).toEqual([202, 202]);
    const forgottenId = (forgotten.body as { id: string }).id;
    const keptId = (confirmed.body as { id: string }).id;
    const mails = await waitUntil('both verification mails', async () => {
      const all = await t!.mails();
      const f = all.find((m) => m.destination.to.includes('forgot@example.net'));
      const k = all.find((m) => m.destination.to.includes('kept@example.net'));
      return f && k ? { f, k } : undefined;
    });
    expect(mails.f.body.text).toMatch(/nach 72 Stunden/);
    expect((await t.api(`/api/verify?token=${verificationToken(mails.k)}`)).status).toBe(200);

    const items = async (id: string) => {
      const { Items } = await t!.stack.runtime.table.send(new ScanCommand({ TableName: 'optout', ConsistentRead: true }));
      return (Items ?? []).filter((i) => String(i.PK) === `SUB#${id}`).map((i) => String(i.SK));
    };
    expect(await items(forgottenId)).toEqual(expect.arrayContaining(['#SUB', 'SESSION#reddit']));
    // The sweep deletes the unconfirmed submission and its sealed session from the table.
    await waitUntil('the unconfirmed submission deleted', async () => (await items(forgottenId)).length === 0, 30_000);
    expect((await t.api(`/api/verify?token=${verificationToken(mails.f)}`)).status).toBe(404);
    // The confirmed one keeps its submission and its kept session (retention: 730 days).
    expect(await items(keptId)).toEqual(expect.arrayContaining(['#SUB', 'SESSION#reddit']));
  });
});
