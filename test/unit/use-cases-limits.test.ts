// The abuse limits of the form (functions/app/limits.ts) by mode, with in-memory ports: the limits on
// verification mails guard the operator's mail reputation and apply only where such a mail is sent;
// personal mode sends none (the address is the person's own), so there only the per-client limit holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TooManyRequests } from '../../functions/app/errors.ts';
import { admitSubmission } from '../../functions/app/limits.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { memoryRuntime, memoryTable } from '../support/memory-runtime.ts';

let table: Awaited<ReturnType<typeof memoryTable>>;
beforeAll(async () => {
  table = await memoryTable();
});
afterAll(async () => {
  await table?.close();
});

const LIMITS = { OPTOUT_ADDRESS_MAILS_PER_DAY: '3', OPTOUT_DAILY_VERIFICATION_MAILS: '4', OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR: '6' };

/** Admits `count` submissions of `email` from one client; the outcome of each, in order. */
async function admit(env: Record<string, string>, email: string, client: string, count: number): Promise<string[]> {
  const runtime = memoryRuntime({ table: table.table, env: { ...LIMITS, ...env } });
  const outcomes: string[] = [];
  for (let i = 0; i < count; i += 1) {
    outcomes.push(
      await runWith(runtime, () => admitSubmission(email, client)).then(
        () => 'admitted',
        (error: Error) => (error instanceof TooManyRequests ? error.message.split(';')[0]! : `${error.name}: ${error.message}`),
      ),
    );
  }
  return outcomes;
}

describe('admitting a submission', () => {
  it('refuses a fourth confirmation mail to one address in a day (demo and AWS)', async () => {
    const outcomes = await admit({}, 'anna@example.org', '192.0.2.1', 4);
    expect(outcomes).toEqual(['admitted', 'admitted', 'admitted', 'we already sent 3 confirmation emails to this address in the last 24 hours']);
  });

  it('in personal mode, which sends no confirmation mail, admits the person beyond the mail limits, up to the per-client limit', async () => {
    const personal = { OPTOUT_MODE: 'personal', OPTOUT_FROM_ADDRESS: 'bert@example.org', OPTOUT_FROM_NAME: 'Bert Beispiel' };
    const outcomes = await admit(personal, 'bert@example.org', '127.0.0.1', 7);
    expect(outcomes).toEqual([...Array(6).fill('admitted'), 'too many submissions from your network (6 an hour)']);
  });
});

describe('clientKey: what the per-client limits count', () => {
  it('counts an IPv4 address as itself, and an IPv4-mapped IPv6 address as that IPv4 address', async () => {
    const { clientKey } = await import('../../functions/app/limits.ts');
    expect(clientKey('192.0.2.10')).toBe('192.0.2.10');
    expect(clientKey('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(clientKey(undefined)).toBe('unknown');
  });

  it('counts an IPv6 address as its /64, however it is written, so one subscriber cannot rotate addresses past the limit', async () => {
    const { clientKey } = await import('../../functions/app/limits.ts');
    const key = '2001:db8:abcd:12::/64';
    expect(clientKey('2001:db8:abcd:12::1')).toBe(key);
    expect(clientKey('2001:0db8:abcd:0012:ffff:1:2:3')).toBe(key);
    expect(clientKey('2001:DB8:ABCD:12:0:0:0:99')).toBe(key);
    expect(clientKey('2001:db8:abcd:13::1')).not.toBe(key);
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
