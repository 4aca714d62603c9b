// `npm run bench`: prints the figures the issues ask for. Not a test: nothing here passes or fails.
//   1. time from verification to the last letter, for 20 accounts (real clock);
//   2. the largest allowed submission (40 accounts) through the whole no-answer path, once under
//      GDPR (Berlin) and once under the CCPA (California): the waits in workflow state are the real
//      ones (a month and more; in seconds of the clock, as on AWS), only the local runner's timers run
//      fast. Per execution and per request: state transitions, Step Functions history events, Lambda
//      invocations (Task states entered, retries included), emails (SES bills each recipient), and how
//      the runner split the waits longer than 20 days;
//   3. the browser channel: cold start, warm run and peak memory (test/bench/browser-bench.ts).
import { performance } from 'node:perf_hooks';
import { MAX_ACCOUNTS_LIMIT } from '../../functions/adapters/config.ts';
import { sendDueDigests } from '../../functions/app/notify.ts';
import { dueDigests } from '../../functions/data/digest.ts';
import { queryPartition } from '../../functions/data/store.ts';
import { person, postJson, startTestStack, type TestStack, verificationToken, waitUntil } from '../support/local-stack.ts';
import { VirtualTime } from './virtual-time.ts';
import { benchBrowser } from './browser-bench.ts';

const EMAIL_PROVIDERS = [
  'reddit',
  'pinterest',
  'quora',
  'discord',
  'slack',
  'adobe',
  'anthropic',
  'grammarly',
  'snapchat',
  'substack',
  'openai',
  'google',
  'tumblr',
  'wordpress-com',
];

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

interface WorkflowEntry {
  type: string;
  state?: { name: string; type: string; input?: { waitSeconds?: number } };
}

interface PathFigures {
  label: string;
  status: string;
  ms: number;
  events: number;
  transitions: number;
  invocations: number;
  retries: number;
  waits: number;
  longWaits: number;
  longestWaitDays: number;
  timers: number;
  mails: { letters: number; copies: number; toPerson: number; digests: number; complaints: number; complaintMails: number; other: number; recipients: number };
}

const TWENTY_DAYS_S = 20 * 86_400;
/** Subjects of the digest (templates/emails/digest.*.subject.hbs). */
const DIGEST_SUBJECT = / update\(s\) on your opt-out requests$|Neuigkeit\(en\) zu Ihren Opt-out-Anfragen$/;

/**
 * Runs simulated time until `finished`: whenever no task has run for a few polls, the clock jumps to
 * the next wait's end or the next planned digest, whichever is first, and the due digests go out.
 */
async function drive(t: TestStack, time: VirtualTime, finished: () => Promise<boolean>): Promise<void> {
  let quiet = 0;
  while (!(await finished())) {
    await new Promise((r) => setTimeout(r, 10));
    if (t.stack.runner.tasksInFlight > 0) {
      quiet = 0;
      continue;
    }
    if (++quiet < 3) continue;
    quiet = 0;
    const digests = await t.run(() => dueDigests('9999', 1));
    const candidates = [time.nextTimer, digests[0] ? Date.parse(digests[0].dueAt) : undefined].filter((x): x is number => x !== undefined);
    if (candidates.length === 0) continue;
    time.advanceTo(Math.min(...candidates));
    await t.run(() => sendDueDigests());
  }
}

async function largestNoAnswerPath(label: string, jurisdiction: string, email: string): Promise<PathFigures> {
  const log: WorkflowEntry[] = [];
  const time = new VirtualTime();
  const t = await startTestStack({ clockSpeed: 1, clock: time.clock, waitTimer: time, onWorkflowEvent: (entry) => log.push(entry as WorkflowEntry) });
  try {
    // The SES emulator keeps its store per process: start this path with an empty one.
    await t.clearMails();
    const created = await t.api('/api/submissions', postJson(person({ email, jurisdiction, accounts: accounts(MAX_ACCOUNTS_LIMIT) })));
    const { id } = created.body as { id: string };
    const mail = await waitUntil('verification mail', async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
    const started = performance.now();
    await t.api(`/api/verify?token=${verificationToken(mail)}`);
    const execution = async () => {
      const r = await t.stack.runner.get(`sub-${id}`);
      return r && r.status !== 'RUNNING' ? r : undefined;
    };
    // Until the execution ended and the digests of its last changes went out.
    await drive(t, time, async () => (await execution()) !== undefined && (await t.run(() => queryPartition('DIGESTJOB'))).length === 0);
    const record = (await execution())!;
    const ms = performance.now() - started;
    const entered = log.filter((e) => e.type === 'StateEntered' && e.state);
    const waits = entered.filter((e) => e.state!.name === 'WaitForNextStep').map((e) => e.state!.input?.waitSeconds ?? 0);
    // One submission per stack: every mail in the SES emulator is this submission's.
    const all = await t.mails();
    const toPerson = all.filter((m) => m.destination.to.includes(email));
    const letters = all.filter((m) => !m.destination.to.includes(email));
    return {
      label,
      status: record.status,
      ms,
      events: record.historyEvents ?? 0,
      transitions: record.stateTransitions ?? 0,
      invocations: entered.filter((e) => e.state!.type === 'Task' && e.state!.name !== 'WaitForNextStep').length,
      retries: log.filter((e) => e.type === 'StateRetried').length,
      waits: waits.length,
      longWaits: waits.filter((s) => s > TWENTY_DAYS_S).length,
      longestWaitDays: Math.max(0, ...waits) / 86_400,
      timers: time.timers,
      mails: {
        letters: letters.length,
        copies: letters.filter((m) => m.destination.cc.includes(email)).length,
        toPerson: toPerson.length,
        digests: toPerson.filter((m) => DIGEST_SUBJECT.test(m.subject)).length,
        // Complaint drafts travel as attachments of the person's status mails (complaint-<provider>-<ref>.eml).
        complaints: toPerson.flatMap((m) => m.attachments).filter((a) => /^complaint-.+\.eml$/.test(a.filename ?? '')).length,
        complaintMails: toPerson.filter((m) => m.attachments.some((a) => /^complaint-.+\.eml$/.test(a.filename ?? ''))).length,
        other: toPerson.filter((m) => !DIGEST_SUBJECT.test(m.subject)).length,
        // SES bills per recipient: every To and every Cc, the verification mail included.
        recipients: all.reduce((n, m) => n + m.destination.to.length + m.destination.cc.length, 0),
      },
    };
  } finally {
    await t.stop();
  }
}

function report(f: PathFigures): void {
  const n = MAX_ACCOUNTS_LIMIT;
  const per = (x: number) => (x / n).toFixed(2);
  console.log(
    `${f.label}, ${n} accounts, no answer: ${f.status}, ${(f.ms / 1000).toFixed(1)} s real\n` +
      `  per execution: ${f.transitions} state transitions, ${f.events} history events (limit 25,000: ${((f.events / 25_000) * 100).toFixed(1)} %), ` +
      `${f.invocations} Lambda invocations (${f.retries} retries)\n` +
      `  per request:   ${per(f.transitions)} state transitions, ${per(f.events)} history events, ${per(f.invocations)} Lambda invocations, ` +
      `${per(f.mails.recipients)} emails (SES recipients, all mails of the submission included)\n` +
      `  emails: ${f.mails.letters} letters to companies (${f.mails.copies} with the person in Cc), ` +
      `${f.mails.digests} digests (${f.mails.complaintMails} of them carrying the ${f.mails.complaints} complaint drafts), ` +
      `${f.mails.other} other mails to the person (verification, summary, at-once changes)\n` +
      `  waits: ${f.waits} Wait states entered, ${f.longWaits} longer than 20 days (longest ${f.longestWaitDays.toFixed(1)} days), ` +
      `run by the local runner as ${f.timers} timers of at most 20 days: no extra turns`,
  );
}

const letters = await lettersFor20();
console.log(`verification -> last letter, 20 accounts: ${(letters / 1000).toFixed(2)} s`);
report(await largestNoAnswerPath('GDPR (Berlin)', 'DE-BE', 'bench-gdpr@example.org'));
report(await largestNoAnswerPath('CCPA (California)', 'US-CA', 'bench-ccpa@example.org'));
try {
  const browser = await benchBrowser();
  console.log(
    `browser toggle (Pinterest fixture): cold start ${browser.coldStartMs.toFixed(0)} ms, cold run ${browser.coldRunMs.toFixed(0)} ms, ` +
      `warm run ${browser.warmRunMs.toFixed(0)} ms, peak memory ${browser.peakRssMb.toFixed(0)} MB`,
  );
} catch (error) {
  // The workflow figures above stand on their own; say why this one is missing.
  console.log(`browser toggle: not measured (${(error as Error).message})`);
}
process.exit(0);
