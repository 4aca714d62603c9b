// The person's mail about their requests (functions/app/notify.ts) with in-memory ports: changes of
// several requests in one turn go out as one digest, and complaint drafts that are ready together
// arrive attached to one prompt mail, exactly as the outbox filed them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../functions/adapters/clock.ts';
import { sendLetter } from '../../functions/app/dispatch.ts';
import { followUp } from '../../functions/app/followup.ts';
import { complaintFileName, DIGEST_COLLECT_MS, PROMPT_COLLECT_MS, sendDueDigests } from '../../functions/app/notify.ts';
import { getRequest } from '../../functions/data/store.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { type MemoryRuntime, memoryRuntime, memoryTable } from '../support/memory-runtime.ts';
import { form, submittedAndRouted } from '../support/use-case-flow.ts';

let table: Awaited<ReturnType<typeof memoryTable>>;
beforeAll(async () => {
  table = await memoryTable();
});
afterAll(async () => {
  await table?.close();
});

const PERSON = 'digest@example.org';
const mailsToPerson = (runtime: MemoryRuntime) => runtime.sent.filter((m) => m.mail.to.includes(PERSON));

describe('the digest and the prompt mail', () => {
  let runtime: MemoryRuntime;
  let submissionId: string;
  let requestIds: string[];

  /** One follow-up turn for every request, `days` of the clock after the last. */
  async function turnAfter(days: number) {
    runtime.clock.advance(days * DAY_MS);
    await runWith(runtime, async () => {
      for (const requestId of requestIds) await followUp({ submissionId, requestId });
    });
  }

  beforeAll(async () => {
    runtime = memoryRuntime({ table: table.table });
    ({ submissionId, requestIds } = await submittedAndRouted(
      runtime,
      form(PERSON, [
        { provider: 'reddit', identifier: 'erika_m' },
        { provider: 'discord', identifier: 'erika#0001' },
      ]),
    ));
    await runWith(runtime, async () => {
      for (const requestId of requestIds) await sendLetter({ submissionId, requestId });
    });
  });

  it('sends the changes of every request made in one turn as one digest, not one mail each', async () => {
    await turnAfter(60); // both deadlines passed: a reminder to each provider
    const statuses = await runWith(runtime, () => Promise.all(requestIds.map((id) => getRequest(submissionId, id))));
    expect(statuses.map((r) => r.status)).toEqual(['reminded', 'reminded']);
    const before = mailsToPerson(runtime).length;
    await runWith(runtime, () => sendDueDigests());
    expect(mailsToPerson(runtime)).toHaveLength(before); // collected for an hour first

    runtime.clock.advance(DIGEST_COLLECT_MS);
    expect(await runWith(runtime, () => sendDueDigests())).toBe(1);
    expect(await runWith(runtime, () => sendDueDigests())).toBe(0);
    const digests = mailsToPerson(runtime).slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.mail.text).toMatch(/Reddit/);
    expect(digests[0]!.mail.text).toMatch(/Discord/);
    expect(digests[0]!.mail.attachments ?? []).toEqual([]);
  });

  it('attaches the complaint drafts that are ready together to one prompt mail, as the outbox filed them', async () => {
    await turnAfter(30); // final notices
    await turnAfter(30); // no answer still: the complaint drafts, filed (not sent)
    const requests = await runWith(runtime, () => Promise.all(requestIds.map((id) => getRequest(submissionId, id))));
    expect(requests.map((r) => r.status)).toEqual(['escalated', 'escalated']);
    const before = mailsToPerson(runtime).length;

    runtime.clock.advance(PROMPT_COLLECT_MS);
    await runWith(runtime, () => sendDueDigests());
    const prompts = mailsToPerson(runtime).slice(before);
    expect(prompts).toHaveLength(1);
    const attachments = prompts[0]!.mail.attachments ?? [];
    expect(attachments.map((a) => a.filename).sort()).toEqual(requests.map((r) => complaintFileName(r.provider, r.reference)).sort());
    for (const request of requests) {
      const draft = attachments.find((a) => a.filename === complaintFileName(request.provider, request.reference))!;
      const filed = [...runtime.stored.entries()].find(([key]) => key.startsWith(`letters/${submissionId}/${request.id}/`) && key.includes('complaint'));
      expect(filed, request.id).toBeDefined();
      expect(Buffer.from(draft.content).equals(filed![1])).toBe(true);
    }
    // The drafts go to the person only: no provider got a complaint.
    expect(runtime.sent.filter((m) => !m.mail.to.includes(PERSON) && /complaint|Beschwerde/i.test(m.mail.subject))).toEqual([]);
  });
});
