// submit and verify (functions/app/submissions.ts) with in-memory ports (test/support/memory-runtime.ts):
// the double opt-in sends one verification mail and nothing to any provider; only the confirmation
// starts the workflow, and confirming twice starts nothing new and mails nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit, verify } from '../../functions/app/submissions.ts';
import { getSubmission } from '../../functions/data/store.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { type MemoryRuntime, memoryRuntime, memoryTable } from '../support/memory-runtime.ts';

let table: Awaited<ReturnType<typeof memoryTable>>;
beforeAll(async () => {
  table = await memoryTable();
});
afterAll(async () => {
  await table?.close();
});

const FORM = {
  name: 'Erika Mustermann',
  email: 'erika@example.org',
  jurisdiction: 'DE-BE',
  consent: true,
  accounts: [
    { provider: 'reddit', identifier: 'erika_m' },
    { provider: 'pinterest', identifier: 'erika.pins' },
  ],
  signature: 'Erika Mustermann',
};

function tokenIn(text: string | undefined): string {
  const match = /verify\?token=([\w.-]+)/.exec(text ?? '');
  if (!match) throw new Error('no verification link in the mail');
  return match[1]!;
}

describe('submit, then verify', () => {
  let runtime: MemoryRuntime;
  beforeAll(() => {
    runtime = memoryRuntime({ table: table.table });
  });

  it('sends exactly one mail, the verification link to the person, and starts nothing', async () => {
    const result = await runWith(runtime, () => submit(FORM, '192.0.2.10', 'test-agent'));
    expect(result.status).toBe('awaiting_verification');
    expect(runtime.sent).toHaveLength(1);
    const [mail] = runtime.sent;
    expect(mail!.mail.to).toEqual(['erika@example.org']);
    expect(mail!.mail.autoSubmitted).toBe(true);
    expect(mail!.once).toBe(false);
    expect(mail!.raw.toString('utf8')).toContain('Auto-Submitted: auto-generated');
    expect(tokenIn(mail!.mail.text)).toMatch(new RegExp(`^${result.id}\\.`));
    expect(runtime.workflowCalls).toEqual([]);
    expect(runtime.stored.size).toBe(0);
  });

  it('starts the workflow on confirmation, once per submission however often the link is clicked, and mails nobody', async () => {
    const { id } = await runWith(runtime, () => submit({ ...FORM, email: 'twice@example.org' }));
    const token = tokenIn(runtime.sent.at(-1)!.mail.text);
    const mailsBefore = runtime.sent.length;
    runtime.clock.advance(60_000);
    const first = await runWith(runtime, () => verify(token, 'POST /verify', { clientAddress: '192.0.2.10' }));
    const second = await runWith(runtime, () => verify(token));
    expect(first.id).toBe(id);
    expect(second.statusUrl).toBe(first.statusUrl);
    // The workflow's execution name is deterministic: the second start is the same one (a no-op on both runtimes).
    expect(runtime.workflowCalls).toEqual([
      { op: 'start', name: `sub-${id}`, input: { submissionId: id } },
      { op: 'start', name: `sub-${id}`, input: { submissionId: id } },
    ]);
    expect(runtime.sent).toHaveLength(mailsBefore);
    const stored = await runWith(runtime, () => getSubmission(id));
    expect(stored).toMatchObject({ status: 'verified', verifiedAt: '2026-03-02T09:01:00.000Z' });
    expect(stored?.authorization?.verification).toMatchObject({ method: 'POST /verify' });
  });

  it('refuses a forged link and sends nothing', async () => {
    const { id } = await runWith(runtime, () => submit({ ...FORM, email: 'forged@example.org' }));
    const mailsBefore = runtime.sent.length;
    await expect(runWith(runtime, () => verify(`${id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`))).rejects.toThrow('this verification link is not valid');
    expect(runtime.sent).toHaveLength(mailsBefore);
    expect(runtime.workflowCalls.filter((c) => c.input?.submissionId === id)).toEqual([]);
  });

  it('signs links with the runtime key: a token from another key does not verify', async () => {
    const other = memoryRuntime({ table: table.table });
    other.signing = { key: async () => Buffer.alloc(32, 9) };
    await runWith(other, () => submit({ ...FORM, email: 'other-key@example.org' }));
    const token = tokenIn(other.sent[0]!.mail.text);
    await expect(runWith(runtime, () => verify(token))).rejects.toThrow('this verification link is not valid');
    await expect(runWith(other, () => verify(token))).resolves.toMatchObject({ lang: 'de' });
  });
});

describe('the preview for a person in the US outside any state act', () => {
  it("addresses the letter to the provider's US company, and the signed authorization names the same company", async () => {
    const { previewSubmission } = await import('../../functions/app/preview.ts');
    const runtime = memoryRuntime({ table: table.table });
    const preview = await runWith(runtime, () =>
      previewSubmission({ ...FORM, jurisdiction: 'US-NY', lang: 'en', accounts: [{ provider: 'pinterest', identifier: 'erika.pins' }] }, '192.0.2.11'),
    );
    const [account] = preview.accounts;
    expect(account).toMatchObject({ action: 'letter' });
    const text = (account as { text: string }).text;
    expect(text).toContain('Pinterest, Inc.');
    expect(text).not.toContain('Pinterest Europe');
    expect(preview.authorization?.text).toContain('Pinterest, Inc.');
  });
});
