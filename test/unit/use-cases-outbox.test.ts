// The outbox (functions/app/outbox.ts, through dispatch's sendLetter) with in-memory ports: a letter
// whose send lost its answer is resolved from the delivery log and never sent twice; one that did not
// go out waits for the grace period (or not at all after a definite refusal) and goes out once, with
// the same bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendLetter } from '../../functions/app/dispatch.ts';
import { followUp } from '../../functions/app/followup.ts';
import { LetterInDoubt } from '../../functions/app/outbox.ts';
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

/** What went to the provider (not the person's own mails). */
function letters(runtime: MemoryRuntime, person: string) {
  return runtime.sent.filter((m) => !m.mail.to.includes(person));
}

describe('the outbox', () => {
  it('resolves a send whose answer was lost from the delivery log: one letter, marked sent, no second send', async () => {
    const runtime = memoryRuntime({ table: table.table });
    const person = 'lost-answer@example.org';
    const { submissionId } = await submittedAndRouted(runtime, form(person, [{ provider: 'reddit', identifier: 'erika_m' }]));
    const ref = { submissionId, requestId: 'r1' };

    runtime.failNextSend('after');
    await expect(runWith(runtime, () => sendLetter(ref))).rejects.toThrow('socket hang up');
    expect(letters(runtime, person)).toHaveLength(1);
    const [letter] = letters(runtime, person);
    expect(letter!.once).toBe(true);
    expect(letter!.tags).toEqual({ letter: expect.stringMatching(/^oa-[\w-]+\.[\w-]+\.1$/) });

    // The retry, at once (no grace period needed: the log shows the letter).
    await expect(runWith(runtime, () => sendLetter(ref))).resolves.toMatchObject({ sent: true });
    await runWith(runtime, () => sendLetter(ref));
    expect(letters(runtime, person)).toHaveLength(1);
    const request = await runWith(runtime, () => getRequest(submissionId, 'r1'));
    expect(request.status).toBe('sent');
    // The stored evidence is the MIME that went out.
    const evidence = [...runtime.stored.entries()].find(([key]) => key.startsWith(`letters/${submissionId}/r1/`));
    expect(evidence?.[1].equals(letter!.raw)).toBe(true);
  });

  it('holds a letter the log does not show until the grace period is over, then sends it once, the same bytes', async () => {
    const runtime = memoryRuntime({ table: table.table });
    const person = 'in-doubt@example.org';
    const { submissionId } = await submittedAndRouted(runtime, form(person, [{ provider: 'reddit', identifier: 'erika_m' }]));
    const ref = { submissionId, requestId: 'r1' };

    runtime.failNextSend('before'); // a reset connection: SES may or may not have taken it
    await expect(runWith(runtime, () => sendLetter(ref))).rejects.toThrow('socket hang up');
    expect(letters(runtime, person)).toHaveLength(0);

    runtime.clock.advance(60_000);
    await expect(runWith(runtime, () => sendLetter(ref))).rejects.toBeInstanceOf(LetterInDoubt);
    expect(letters(runtime, person)).toHaveLength(0);

    runtime.clock.advance(61_000); // past OPTOUT_SEND_GRACE_SECONDS (120 s of the clock) since the send
    await expect(runWith(runtime, () => sendLetter(ref))).resolves.toMatchObject({ sent: true });
    await runWith(runtime, () => sendLetter(ref));
    const sent = letters(runtime, person);
    expect(sent).toHaveLength(1);
    const evidence = [...runtime.stored.entries()].find(([key]) => key.startsWith(`letters/${submissionId}/r1/`));
    expect(evidence?.[1].equals(sent[0]!.raw)).toBe(true);
  });

  it('sends again at once after a definite refusal (connection refused): nothing can have gone out', async () => {
    const runtime = memoryRuntime({ table: table.table });
    const person = 'refused@example.org';
    const { submissionId } = await submittedAndRouted(runtime, form(person, [{ provider: 'reddit', identifier: 'erika_m' }]));
    const ref = { submissionId, requestId: 'r1' };

    runtime.failNextSend('before', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    await expect(runWith(runtime, () => sendLetter(ref))).rejects.toThrow('ECONNREFUSED');
    await expect(runWith(runtime, () => sendLetter(ref))).resolves.toMatchObject({ sent: true });
    expect(letters(runtime, person)).toHaveLength(1);
  });

  it('sends a reminder whose send failed on the next turn, though the status already says reminded; once, and no final notice early', async () => {
    const runtime = memoryRuntime({ table: table.table });
    const person = 'reminder-refused@example.org';
    const { submissionId } = await submittedAndRouted(runtime, form(person, [{ provider: 'reddit', identifier: 'erika_m' }]));
    const ref = { submissionId, requestId: 'r1' };
    await runWith(runtime, () => sendLetter(ref));
    const { dueDate } = await runWith(runtime, () => getRequest(submissionId, 'r1'));
    runtime.clock.set(new Date(Date.parse(`${dueDate!}T12:00:00Z`) + 2 * 86_400_000));

    runtime.failNextSend('before', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    await expect(runWith(runtime, () => followUp(ref))).rejects.toThrow('ECONNREFUSED');
    expect((await runWith(runtime, () => getRequest(submissionId, 'r1'))).status).toBe('reminded');
    expect(letters(runtime, person)).toHaveLength(1);

    // The retried turn: the reminder goes out now, and the loop waits for the final notice's day.
    const turn = await runWith(runtime, () => followUp(ref));
    expect(turn).toMatchObject({ next: 'wait' });
    const sent = letters(runtime, person);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.tags).toEqual({ letter: expect.stringMatching(/\.reminder\.1$/) });
    await runWith(runtime, () => followUp(ref));
    expect(letters(runtime, person)).toHaveLength(2);
  });
});
