// `npm run bench`: prints the figures the issues ask for. Not a test: nothing here passes or fails.
//   1. time from verification to the last letter, for 20 accounts (real clock);
//   2. the largest allowed submission (40 accounts) through the whole no-answer path on a fast
//      clock: Step Functions history events and state transitions of its one execution;
//   3. the browser channel: cold start, warm run and peak memory (test/bench/browser-bench.ts).
import { performance } from 'node:perf_hooks';
import { MAX_ACCOUNTS_LIMIT } from '../../functions/adapters/config.ts';
import { person, postJson, startTestStack, verificationToken, waitUntil } from '../support/local-stack.ts';
import { benchBrowser } from './browser-bench.ts';

const EMAIL_PROVIDERS = ['reddit', 'pinterest', 'quora', 'discord', 'slack', 'adobe', 'anthropic', 'grammarly', 'snapchat', 'substack', 'openai', 'google', 'tumblr', 'wordpress-com'];

function accounts(n: number) {
  return Array.from({ length: n }, (_, i) => ({ provider: EMAIL_PROVIDERS[i % EMAIL_PROVIDERS.length]!, identifier: `bench-user-${i}` }));
}

async function submitVerified(t: Awaited<ReturnType<typeof startTestStack>>, email: string, n: number) {
  const created = await t.api('/api/submissions', postJson(person({ email, accounts: accounts(n) })));
  const { id } = created.body as { id: string };
  const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
  const started = performance.now();
  await t.api(`/api/verify?token=${verificationToken(mail)}`);
  return { id, started };
}

async function lettersFor20() {
  const t = await startTestStack();
  try {
    const { started } = await submitVerified(t, 'bench20@example.org', 20);
    await waitUntil('20 letters', async () => (await t.mails()).filter((m) => m.destination.cc.includes('bench20@example.org')).length >= 20, 60_000);
    return performance.now() - started;
  } finally {
    await t.stop();
  }
}

async function largestNoAnswerPath() {
  // 2 days per real second is not enough to finish in reasonable time; 30 days per second is.
  const t = await startTestStack({ clockSpeed: 86_400 * 30 });
  try {
    const { id, started } = await submitVerified(t, 'bench40@example.org', MAX_ACCOUNTS_LIMIT);
    const record = await waitUntil(
      'the execution to finish',
      async () => {
        const r = await t.stack.runner.get(`sub-${id}`);
        return r && r.status !== 'RUNNING' ? r : undefined;
      },
      240_000,
    );
    return { ms: performance.now() - started, status: record.status, events: record.historyEvents ?? 0, transitions: record.stateTransitions ?? 0 };
  } finally {
    await t.stop();
  }
}

const letters = await lettersFor20();
console.log(`verification -> last letter, 20 accounts: ${(letters / 1000).toFixed(2)} s`);
const largest = await largestNoAnswerPath();
console.log(
  `largest submission (${MAX_ACCOUNTS_LIMIT} accounts), full no-answer path: ${largest.status}, ${largest.events} history events ` +
    `(limit 25,000: ${((largest.events / 25_000) * 100).toFixed(1)} %), ${largest.transitions} state transitions, ` +
    `${(largest.events / MAX_ACCOUNTS_LIMIT).toFixed(0)} events per request, ${(largest.ms / 1000).toFixed(1)} s real time`,
);
const browser = await benchBrowser();
console.log(
  `browser toggle (Pinterest fixture): cold start ${browser.coldStartMs.toFixed(0)} ms, cold run ${browser.coldRunMs.toFixed(0)} ms, ` +
    `warm run ${browser.warmRunMs.toFixed(0)} ms, peak memory ${browser.peakRssMb.toFixed(0)} MB`,
);
process.exit(0);
