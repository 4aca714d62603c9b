// Retention on the local runtime: what DynamoDB TTL and the S3 lifecycle rule do on AWS, the local
// housekeeping sweep does on dynalite and the data folder. On a fast clock (ten days a second) with
// 20 days of retention, a finished submission's records and evidence are gone a few seconds later.
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../functions/adapters/clock.ts';
import { key } from '../../functions/data/schema.ts';
import * as store from '../../functions/data/store.ts';
import { sweepExpired } from '../../infra/local/retention.ts';
import { dispatched, person, postJson, startTestStack, verificationToken, waitUntil, type TestStack } from '../support/local-stack.ts';

const RETENTION_DAYS = 20;
let t: TestStack;
// What this file reads or writes directly, in the stack's runtime (functions/runtime/scope.ts).
const getItem = <T>(itemKey: { PK: string; SK: string }) => t.run(() => store.getItem<T>(itemKey));
const putItem = (...args: Parameters<typeof store.putItem>) => t.run(() => store.putItem(...args));
const clock = () => t.stack.runtime.clock;

beforeAll(async () => {
  t = await startTestStack({ clockSpeed: 86_400 * 10, browserJobsIntervalMs: 200, env: { OPTOUT_RETENTION_DAYS: String(RETENTION_DAYS) } });
});
afterAll(async () => {
  await t?.stop();
});

/** What dynalite holds under a partition key, expired or not (the store hides expired items; this does not). */
async function stored(pk: string): Promise<Record<string, unknown>[]> {
  const { Items } = await t.stack.runtime.table.send(
    new QueryCommand({ TableName: 'optout', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } }),
  );
  return Items ?? [];
}

describe('the local retention sweep', () => {
  it("deletes a submission's table items and evidence once its retention has passed", async () => {
    const email = 'short-lived@example.org';
    const created = await t.api('/api/submissions', postJson(person({ email, accounts: [{ provider: 'reddit', identifier: 'erika_m' }] })));
    const { id } = created.body as { id: string };
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
    const { statusUrl } = (await t.api(`/api/verify?token=${verificationToken(mail)}`)).body as { statusUrl: string };
    const token = new URL(statusUrl).searchParams.get('t')!;
    await waitUntil('the letter sent', async () => {
      const { body } = await t.api(`/api/submissions/${id}?t=${token}`);
      const { requests } = body as { requests: { status: string; channel: string; events: { kind: string }[] }[] };
      return requests.length === 1 && requests.every(dispatched);
    });
    const letter = join(t.dataDir, 'evidence', 'letters', id, 'r1', 'letter.eml');
    expect(existsSync(letter)).toBe(true);
    // The person cancels, which ends the follow-up loop; nothing is left running for this submission.
    expect((await t.api(`/api/submissions/${id}/requests/r1/cancel?t=${token}`, { method: 'POST' })).status).toBe(200);
    expect((await t.stack.runner.waitFor(`sub-${id}`))?.status).toBe('SUCCEEDED');

    await waitUntil('the retention to pass and the sweep to run', async () => (await stored(`SUB#${id}`)).length === 0 && !existsSync(letter), 20_000);
    expect(existsSync(join(t.dataDir, 'evidence', 'letters', id))).toBe(false);
    expect((await t.api(`/api/submissions/${id}?t=${token}`)).status).toBe(404);
  });

  it('keeps what has not expired and what never expires (catalog contact health)', async () => {
    const nowSeconds = Math.floor(clock().now().getTime() / 1000);
    await putItem({ PK: 'SUB#expired-item', SK: '#SUB' }, { type: 'submission', expiresAt: nowSeconds - 60 });
    await putItem({ PK: 'SUB#fresh-item', SK: '#SUB' }, { type: 'submission', expiresAt: nowSeconds + 365 * 86_400 });
    await putItem(key.contact('reddit', 'old@reddit.example'), { type: 'contact', failing: true });
    const folder = join(t.dataDir, 'evidence', 'replies', 'retention-test');
    mkdirSync(folder, { recursive: true });
    const oldFile = join(folder, 'old.eml');
    const newFile = join(folder, 'new.eml');
    writeFileSync(oldFile, 'old');
    writeFileSync(newFile, 'new');
    const old = new Date(clock().now().getTime() - (RETENTION_DAYS + 1) * DAY_MS);
    utimesSync(oldFile, old, old);
    const recent = clock().now();
    utimesSync(newFile, recent, recent);

    await t.run(() => sweepExpired());
    expect(await stored('SUB#expired-item')).toEqual([]);
    expect(await stored('SUB#fresh-item')).toHaveLength(1);
    expect(await getItem(key.contact('reddit', 'old@reddit.example'))).toMatchObject({ failing: true });
    expect(existsSync(oldFile)).toBe(false);
    expect(existsSync(newFile)).toBe(true);
  });
});
