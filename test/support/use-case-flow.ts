// Steps of the submission flow that several use-case tests share, run in a memory runtime
// (test/support/memory-runtime.ts) the way the workflow runs them: submit, verify, plan, choose a channel.
import { chooseChannel, planRequests } from '../../functions/app/dispatch.ts';
import { submit, verify } from '../../functions/app/submissions.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import type { MemoryRuntime } from './memory-runtime.ts';

export function form(email: string, accounts: { provider: string; identifier: string }[], jurisdiction = 'DE-BE') {
  return { name: 'Erika Mustermann', email, jurisdiction, consent: true, accounts, signature: 'Erika Mustermann' };
}

/** Submits, confirms with the link of the verification mail, and plans and routes every request. Returns the ids. */
export async function submittedAndRouted(runtime: MemoryRuntime, body: ReturnType<typeof form>): Promise<{ submissionId: string; requestIds: string[] }> {
  return runWith(runtime, async () => {
    const { id } = await submit(body);
    const link = /verify\?token=([\w.-]+)/.exec(runtime.sent.at(-1)?.mail.text ?? '');
    if (!link) throw new Error('no verification mail');
    await verify(link[1]);
    const { requestIds } = await planRequests({ submissionId: id });
    for (const requestId of requestIds) await chooseChannel({ submissionId: id, requestId });
    return { submissionId: id, requestIds };
  });
}
