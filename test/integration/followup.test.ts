// "Follow up until confirmed", end to end on the embedded services: replies arrive over real SMTP,
// DKIM-signed by keys published in a local zone file, and move the request; with no answer the loop
// sends the reminder, the final notice and the complaint draft on a scaled clock.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeadlineLaw, deadlineEnd, deadlinePlaceFor, dueDate, receiptDate, toDateString } from '../../functions/core/deadlines.ts';
import type { Law } from '../../functions/core/jurisdiction.ts';
import { getProvider } from '../../functions/core/providers/catalog.ts';
import * as followup from '../../functions/app/followup.ts';
import * as mailIn from '../../functions/handlers/mail-in-lambda.ts';
import { formatLetterDate } from '../../functions/core/letters.ts';
import { key } from '../../functions/data/schema.ts';
import * as store from '../../functions/data/store.ts';
import { createSesClient } from '../../functions/adapters/clients.ts';
import { sesMail } from '../../functions/adapters/mailer.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { executionName } from '../../functions/adapters/workflow.ts';
import type { ExecutionRecord } from '../../infra/local/workflow-runner.ts';
import { dispatched, person, postJson, startTestStack, verificationToken, waitUntil, type StoredMail, type TestStack } from '../support/local-stack.ts';
import { bounceMessage, composeReply, deliver, dkimKey, mailDomainRecords, signMail, writeZone } from '../support/mail.ts';

// Four simulated days per real second: the month until the deadline passes in about 8 s.
// OPTOUT_TEST_CLOCK_SPEED=86400 runs the same file at the speed (a day a second) to measure it.
const SPEED = Number(process.env.OPTOUT_TEST_CLOCK_SPEED ?? 86_400 * 4);
const realMs = (days: number) => (days * 86_400_000) / SPEED;
/** Letter deadline (a month) + reminder grace (14 days) + final notice grace (7 days), with slack. */
const NO_ANSWER_MS = realMs(31 + 1 + 14 + 7 + 2) + 10_000;

const REDDIT_LETTERS = 'redditdatarequests@reddit.com';
const PINTEREST_LETTERS = 'privacy-support@pinterest.com';
const QUORA_LETTERS = 'privacy@quora.com';
const INBOUND = 'in.autopilot.localhost';

const redditKey = dkimKey('s2025');
const pinterestKey = dkimKey('pin1');
const lookalikeKey = dkimKey('s1');
const wrongKey = dkimKey('s2025'); // same selector as Reddit's, but not the published key

let t: TestStack;
let zoneDir: string;

// What this file reads or calls directly, in the stack's runtime (functions/runtime/scope.ts).
const getItem = <T>(itemKey: { PK: string; SK: string }) => t.run(() => store.getItem<T>(itemKey));
const getEvent = (...args: Parameters<typeof store.getEvent>) => t.run(() => store.getEvent(...args));
const queryPartition = <T>(pk: string) => t.run(() => store.queryPartition<T>(pk));
const sesEvent = (...args: Parameters<typeof mailIn.sesEvent>) => t.run(() => mailIn.sesEvent(...args));
const sendReminder = (...args: Parameters<typeof followup.sendReminder>) => t.run(() => followup.sendReminder(...args));
const clock = () => t.stack.runtime.clock;

beforeAll(async () => {
  zoneDir = mkdtempSync(join(tmpdir(), 'optout-zone-'));
  // A zone file stands in for the world's DNS. Reddit's SPF allows 127.0.0.1 (the test sends from
  // there); Pinterest's does not, so an unsigned mail "from pinterest.com" fails SPF as well.
  const zone = writeZone(
    join(zoneDir, 'zone.json'),
    mailDomainRecords('reddit.com', redditKey, 'v=spf1 ip4:127.0.0.1 -all'),
    mailDomainRecords('pinterest.com', pinterestKey, 'v=spf1 ip4:192.0.2.1 -all'),
    mailDomainRecords('reddit-privacy.example', lookalikeKey, 'v=spf1 ip4:127.0.0.1 -all'),
    // Providers' own mail servers, which send the bounces of letters they refuse (SPF on the HELO name).
    { 'mx1.quora.com': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] }, 'mx.openai.com': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] } },
  );
  t = await startTestStack({ clockSpeed: SPEED, env: { OPTOUT_DNS_ZONE: zone } });
});
afterAll(async () => {
  await t?.stop();
  if (zoneDir) rmSync(zoneDir, { recursive: true, force: true });
});

interface EventView {
  at: string;
  kind: string;
  detail: string;
  evidence: string[];
}
interface RequestView {
  id: string;
  provider: string;
  channel: string;
  status: string;
  reference: string;
  dueAt: string | null;
  userAction: string | null;
  deepLink: string | null;
  events: EventView[];
}
interface Submitted {
  id: string;
  token: string;
  email: string;
}

async function statusOf(s: Submitted, requestId = 'r1'): Promise<RequestView> {
  const { status, body } = await t.api(`/api/submissions/${s.id}?t=${s.token}`);
  expect(status).toBe(200);
  const request = (body as { requests: RequestView[] }).requests.find((r) => r.id === requestId);
  if (!request) throw new Error(`no request ${requestId} in submission ${s.id}`);
  return request;
}

/** Submits for `email`, follows the verification link, waits until every request left the queue. */
async function submitAndVerify(email: string, jurisdiction: string, accounts: { provider: string; identifier: string }[]): Promise<Submitted> {
  // Camille reads English (France's default language would be French): the tests read English mails.
  const created = await t.api(
    '/api/submissions',
    postJson(person({ name: 'Camille Martin', email, jurisdiction, accounts, ...(jurisdiction === 'FR' ? { lang: 'en' } : {}) })),
  );
  expect(created.status).toBe(202);
  const { id } = created.body as { id: string };
  const mail = await waitUntil(`verification mail to ${email}`, async () => (await t.mails()).find((m) => m.destination.to.includes(email)));
  const verified = await t.api(`/api/verify?token=${verificationToken(mail)}`);
  expect(verified.status).toBe(200);
  const token = new URL((verified.body as { statusUrl: string }).statusUrl).searchParams.get('t')!;
  const s = { id, token, email };
  await waitUntil('requests dispatched', async () => {
    const { body } = await t.api(`/api/submissions/${id}?t=${token}`);
    const requests = (body as { requests: RequestView[] }).requests;
    return requests.length === accounts.length && requests.every(dispatched);
  });
  return s;
}

/** Mails to the person (status emails, complaint drafts), oldest first, without the verification mail. */
async function mailsToPerson(email: string): Promise<StoredMail[]> {
  return (await t.mails()).filter((m) => m.destination.to.includes(email) && !m.subject.startsWith('Please confirm your email'));
}

/** A complaint draft as the person gets it: attached (complaint-<provider>-<ref>.eml) to a status mail. */
interface Draft {
  carrier: StoredMail;
  filename: string;
  subject: string;
  to: string[];
  cc: string[];
  text: string;
  attachments: { filename?: string; contentType: string }[];
}

async function draftsTo(email: string): Promise<Draft[]> {
  const drafts: Draft[] = [];
  for (const carrier of await mailsToPerson(email)) {
    for (const attached of carrier.attachments) {
      if (!/^complaint-.+\.eml$/.test(attached.filename ?? '')) continue;
      expect(attached.contentType).toBe('message/rfc822');
      const parsed = await simpleParser(Buffer.from(attached.content!, 'base64'));
      const list = (a: typeof parsed.to) => (a ? (Array.isArray(a) ? a : [a]).flatMap((x) => x.value.map((v) => v.address!)) : []);
      drafts.push({
        carrier,
        filename: attached.filename!,
        subject: parsed.subject ?? '',
        to: list(parsed.to),
        cc: list(parsed.cc),
        text: parsed.text ?? '',
        attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
      });
    }
  }
  return drafts;
}

/** Status digests to the person (changes that did not need them at once), oldest first. */
async function digestsTo(email: string): Promise<StoredMail[]> {
  return (await mailsToPerson(email)).filter((m) => / update\(s\) on your opt-out requests$/.test(m.subject));
}

/** Waits for the digests to `email` that say `text`. */
function toldInDigest(email: string, text: string, timeoutMs?: number): Promise<StoredMail[]> {
  return waitUntil(
    `a digest to ${email} saying "${text}"`,
    async () => {
      const found = (await digestsTo(email)).filter((m) => m.body.text?.includes(text));
      return found.length ? found : undefined;
    },
    timeoutMs,
  );
}

/** Waits until the submission has no digest planned: every change so far went out. */
function digestsSent(s: Submitted): Promise<true> {
  return waitUntil(`the digests of ${s.email}`, async () =>
    (await queryPartition<{ submissionId: string }>('DIGESTJOB')).some((p) => p.submissionId === s.id) ? undefined : true,
  );
}

/** Every letter of one request to its provider (by the request's reply address): the first with the person in Cc, then the follow-ups. */
async function lettersOfRequest(address: string, firstLetter: StoredMail): Promise<StoredMail[]> {
  return (await t.mails()).filter((m) => m.destination.to.includes(address) && m.replyTo[0] === firstLetter.replyTo[0]);
}

/** Letters to a provider address in the person's name with the person in Cc (the first letter of each request). */
async function lettersTo(address: string, personEmail: string): Promise<StoredMail[]> {
  return (await t.mails()).filter((m) => m.destination.to.includes(address) && m.destination.cc.includes(personEmail));
}

/** Our letter's reply address and Message-ID, as the provider's mail client sees them. */
async function letterOf(address: string, s: Submitted): Promise<{ replyTo: string; messageId: string; mail: StoredMail }> {
  const [mail] = await waitUntil(`letter to ${address}`, async () => {
    const found = await lettersTo(address, s.email);
    return found.length ? found : undefined;
  });
  const record = await getItem<{ messageId: string }>(key.request(s.id, 'r1'));
  return { replyTo: mail!.replyTo[0]!, messageId: record!.messageId, mail: mail! };
}

/** A Postfix-style DSN for one of our letters, sent by `mta` (also its HELO name) with the null sender. */
async function deliverBounce(from: { mta: string; failedRecipient: string; status: string }, letter: { mail: StoredMail; messageId: string }): Promise<void> {
  const to = `bounces@${INBOUND}`;
  const dsn = bounceMessage({ ...from, to, originalMessageId: letter.messageId, originalSubject: letter.mail.subject });
  await deliver(t.stack.smtpPort, dsn, { from: '', to: [to], helo: from.mta });
}

/** A reply from Reddit's privacy team: DKIM-signed with the published key, sent from an SPF-allowed IP. */
async function replyFromReddit(s: Submitted, text: string, subject = 'Re: your request'): Promise<Buffer> {
  const { replyTo, messageId } = await letterOf(REDDIT_LETTERS, s);
  const raw = await signMail(
    await composeReply({ from: 'Reddit Privacy <privacy@reddit.com>', to: replyTo, subject, text, inReplyTo: messageId }),
    'reddit.com',
    redditKey,
  );
  await deliver(t.stack.smtpPort, raw, { from: 'privacy@reddit.com', to: [replyTo], helo: 'mail.reddit.com' });
  return raw;
}

/** The stored reply event for a raw message (its key is derived from the message's hash). */
async function replyEvent(s: Submitted, raw: Buffer) {
  const hash = createHash('sha256').update(raw).digest('hex');
  return getEvent(s.id, 'r1', `reply-${hash.slice(0, 16)}`);
}

/** A deadline as dispatch computes it: from the day the letter reached the business, under its holidays. */
function dueFor(law: DeadlineLaw, sentAt: string, provider: string, personLaw: Law, jurisdiction?: string): string {
  const place = deadlinePlaceFor(getProvider(provider), personLaw, jurisdiction);
  return dueDate(law, receiptDate(new Date(sentAt), place.timeZones), place);
}

const CONFIRMED =
  'Dear Ms Martin,\n\nFollowing our review, your objection has been upheld. With effect from today we will no longer use your personal data to train our AI models, and data previously set aside for this purpose has been removed from our training datasets.\n\nReddit Privacy Team';
const ACKNOWLEDGED =
  'Dear Ms Martin,\n\nThank you for contacting us. We have received your request and will respond as soon as possible.\n\nReddit Privacy Team';
const EXTENSION =
  'Dear Ms Martin,\n\nBecause of the number of systems involved, we need to extend the period for our response by two further months, as permitted by Article 12(3) GDPR.\n\nReddit Privacy Team';
const SECOND_EXTENSION =
  'Dear Ms Martin,\n\nFurther to our earlier message, we need two further months to answer your request, as Article 12(3) GDPR allows.\n\nReddit Privacy Team';
const CNIL = "Commission Nationale de l'Informatique et des Libertés – CNIL (French National Commission on Informatics and Liberty)";

const REFUSED =
  'Dear Ms Martin,\n\nWe have carefully considered your objection under Article 21(1) GDPR. We rely on our legitimate interests in developing and improving our services, and having balanced those interests against your rights we consider that we have compelling legitimate grounds for the processing which override your interests. We will therefore continue to process the public content of your profile for this purpose.\n\nReddit Privacy Team';

describe('a provider that never answers', () => {
  it(
    'gets a reminder, then a final notice, then the person gets the complaint draft for their own authority, naming the lead authority',
    async () => {
      const started = Date.now();
      // A French resident, a provider established in Ireland: the complaint goes to the person's own
      // authority, the CNIL (Art. 77(1)), in French (the CNIL's language), and names the DPC as lead authority.
      const s = await submitAndVerify('silence@example.org', 'FR', [{ provider: 'pinterest', identifier: 'camille.pins' }]);
      const first = await statusOf(s);
      expect(first).toMatchObject({ status: 'sent', channel: 'email' });
      expect(await getItem(key.request(s.id, 'r1'))).toMatchObject({ target: PINTEREST_LETTERS });
      const { mail: letter, messageId } = await letterOf(PINTEREST_LETTERS, s);
      const sentAt = first.events.find((e) => e.kind === 'sent')!.at;
      const sentDate = sentAt.slice(0, 10);
      expect(first.dueAt).toBe(dueFor('gdpr', sentAt, 'pinterest', 'gdpr'));

      await waitUntil('escalation', async () => (await statusOf(s)).status === 'escalated', NO_ANSWER_MS);
      const record = (await t.stack.runner.waitFor(`sub-${s.id}`)) as ExecutionRecord;
      const elapsed = Date.now() - started;
      const escalated = await statusOf(s);
      expect(record.status).toBe('SUCCEEDED');
      console.log(
        `no-answer path at clock speed ${SPEED}: ${(elapsed / 1000).toFixed(1)} s real (submit to escalation and loop end); ` +
          `execution ${record.name}: ${record.historyEvents} Step Functions history events, ${record.stateTransitions} state transitions (one request)`,
      );
      expect(record.historyEvents).toBeGreaterThan(0);

      expect(escalated.status).toBe('escalated');
      // The timeline: letter, reminder after the due day, final notice 14 days later, escalation 7 days after that.
      expect(escalated.events.map((e) => e.kind)).toEqual(['sent', 'reminder', 'final-notice', 'escalated']);
      const at = Object.fromEntries(escalated.events.map((e) => [e.kind, Date.parse(e.at)]));
      expect(toDateString(new Date(at.reminder!)) > first.dueAt!).toBe(true);
      // Not before the due day has ended in Dublin, where Pinterest's European controller is.
      expect(at.reminder!).toBeGreaterThan(deadlineEnd(first.dueAt!, ['Europe/Dublin']).getTime());
      expect(at['final-notice']! - at.reminder!).toBeGreaterThanOrEqual(14 * 86_400_000);
      expect(at.escalated! - at['final-notice']!).toBeGreaterThanOrEqual(7 * 86_400_000);
      for (const event of escalated.events) expect(event.evidence.length).toBe(1);

      // Three letters to Pinterest, each in the same thread, citing the first one; the person is in
      // Cc of the first only (the follow-ups are on the status page and in the digest).
      const letters = await lettersOfRequest(PINTEREST_LETTERS, letter);
      expect(letters).toHaveLength(3);
      expect(letters.map((m) => m.destination.cc)).toEqual([[s.email], [], []]);
      const [, reminder, finalNotice] = letters;
      expect(letters[0]!.subject).toBe(letter.subject);
      // Letters spell dates out: "27 November 2026".
      const sentOn = formatLetterDate(sentDate, 'en');
      const dueOn = formatLetterDate(first.dueAt!, 'en');
      expect(reminder!.subject).toMatch(new RegExp(`^Reminder: .+ of ${sentOn} – ref ${first.reference}$`));
      expect(reminder!.body.text).toContain(`On ${sentOn} I sent you the letter`);
      expect(reminder!.body.text).toContain(`(reference ${first.reference})`);
      expect(reminder!.body.text).toContain(`Your answer was due by ${dueOn}`);
      expect(reminder!.body.text).toContain('That deadline has passed.');
      expect(reminder!.replyTo).toEqual(letter.replyTo);
      // The sent MIME (kept as evidence) threads the reminder under the first letter.
      const reminderMime = await simpleParser(readFileSync(join(t.dataDir, 'evidence', escalated.events[1]!.evidence[0]!)));
      expect(reminderMime.inReplyTo).toBe(`<${messageId}>`);
      expect(reminderMime.subject).toBe(reminder!.subject);
      expect(finalNotice!.subject).toBe(`Final notice before a complaint to ${CNIL} – ref ${first.reference}`);
      expect(finalNotice!.body.text).toContain(`Your answer was due by ${dueOn}`);
      expect(finalNotice!.body.text).toContain('Art. 77(1) GDPR');

      // The person: the complaint draft with the evidence attached, itself attached to a status mail
      // that says what it is and where to submit it.
      const complaint = await waitUntil('the complaint draft', async () => (await draftsTo(s.email)).find((d) => d.subject.startsWith('Réclamation')));
      expect(complaint.filename).toBe(`complaint-pinterest-${first.reference}.eml`);
      expect(complaint.carrier.body.text).toContain(`The complaint draft about Pinterest is attached as ${complaint.filename}`);
      expect(complaint.carrier.body.text).toContain(`Submit it to ${CNIL} (https://www.cnil.fr/fr/plaintes).`);
      expect(complaint.subject).toBe(`Réclamation (article 77, paragraphe 1, du RGPD) contre Pinterest Europe Ltd. – réf. ${first.reference}`);
      expect(complaint.to).toEqual([s.email]);
      expect(complaint.cc).toEqual([]);
      const text = complaint.text;
      // What to do, in the person's language; the draft below it in the CNIL's.
      expect(text).toContain('Pinterest did not answer in time, even after a reminder and a final notice.');
      expect(text).toContain(`Submit it to ${CNIL} (https://www.cnil.fr/fr/plaintes).`);
      expect(text).toContain(`----------\n\n${CNIL}\n3 Place de Fontenoy, TSA 80715, 75334 PARIS CEDEX 07, France\nhttps://www.cnil.fr/fr/plaintes\n`);
      expect(text).toContain(
        'Autorité de contrôle chef de file pour Pinterest Europe Ltd. : Irish Data Protection Commission, 21 Fitzwilliam Square South, Dublin 2, D02 RD28, Ireland. ' +
          "Je vous prie de transmettre ma réclamation à cette autorité conformément à l'article 56 du RGPD et à l'article 60 du RGPD, et de rester mon interlocuteur dans cette procédure.",
      );
      expect(text).not.toContain('BDSG');
      expect(text).toContain('Pinterest Europe Ltd.');
      expect(text).toContain(`La réponse était attendue au plus tard le ${formatLetterDate(first.dueAt!, 'fr')}`);
      expect(complaint.attachments.map((a) => a.contentType)).toEqual(['message/rfc822', 'message/rfc822', 'message/rfc822']);
      expect(complaint.attachments.map((a) => a.filename)).toEqual([
        expect.stringMatching(/letter\.eml$/),
        expect.stringMatching(/reminder\.eml$/),
        expect.stringMatching(/final-notice\.eml$/),
      ]);
      // The person: the reminder and the final notice in the digests (two days, two digests), and
      // the complaint draft within minutes in a third; no mail per change.
      await toldInDigest(s.email, `Pinterest for camille.pins (ref ${first.reference}): reminder sent after the deadline passed`);
      await toldInDigest(s.email, `Pinterest for camille.pins (ref ${first.reference}): final notice sent`);
      await digestsSent(s);
      expect(await digestsTo(s.email)).toHaveLength(3);
      expect((await draftsTo(s.email)).map((d) => d.filename)).toEqual([complaint.filename]);
      expect((await mailsToPerson(s.email)).filter((m) => m.subject.startsWith('Pinterest: '))).toEqual([]);
    },
    NO_ANSWER_MS + 30_000,
  );
});

describe('whom the complaint goes to', () => {
  it(
    "a UK resident's final notice and complaint name the ICO; a Berlin resident's complaint goes to the Berlin authority, in German, naming the DPC as lead",
    async () => {
      // Both against Pinterest, whose EU controller is in Ireland; both never get an answer.
      const [uk, berlin] = await Promise.all([
        submitAndVerify('london@example.org', 'GB', [{ provider: 'pinterest', identifier: 'camille.london' }]),
        submitAndVerify('berlin@example.org', 'DE-BE', [{ provider: 'pinterest', identifier: 'camille.berlin' }]),
      ]);
      // The status moves to escalated when the draft is claimed; the event is written once it is sent.
      await Promise.all(
        [uk, berlin].map((s) =>
          waitUntil(`escalation of ${s.email}`, async () => (await statusOf(s)).events.some((e) => e.kind === 'escalated'), NO_ANSWER_MS),
        ),
      );
      const draftOf = async (s: Submitted) =>
        waitUntil(`complaint draft to ${s.email}`, async () => (await draftsTo(s.email)).find((d) => /^(Complaint|Beschwerde) /.test(d.subject)));

      // UK: the ICO, under UK GDPR, with the DPA 2018 s. 166 remedy; no word of the DPC anywhere.
      const ukRequest = await statusOf(uk);
      const ukNotice = (await lettersOfRequest(PINTEREST_LETTERS, (await letterOf(PINTEREST_LETTERS, uk)).mail)).find((m) =>
        m.subject.startsWith('Final notice'),
      );
      expect(ukNotice?.subject).toBe(`Final notice before a complaint to The Information Commissioner’s Office – ref ${ukRequest.reference}`);
      expect(ukNotice!.body.text).toContain(
        'I will lodge a complaint with the competent authority (The Information Commissioner’s Office) under Art. 77(1) UK GDPR',
      );
      const ukDraft = await draftOf(uk);
      expect(ukDraft.subject).toBe(`Complaint under Art. 77(1) UK GDPR about Pinterest Europe Ltd. – ref ${ukRequest.reference}`);
      const ukText = ukDraft.text;
      expect(ukText).toContain(
        '----------\n\nThe Information Commissioner’s Office\nWycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF, United Kingdom\n',
      );
      expect(ukText).toContain('Submit it to The Information Commissioner’s Office (https://ico.org.uk/make-a-complaint/');
      expect(ukText).toContain('section 166 of the Data Protection Act 2018 lets me apply to the Tribunal');
      expect(ukText).not.toContain('Art. 78');
      expect(ukText).not.toContain('lead supervisory authority');
      for (const text of [ukNotice!.body.text, ukText, ukDraft.carrier.body.text]) {
        expect(text).not.toMatch(/Data Protection Commission|dataprotection\.ie/);
      }
      expect(ukRequest.events.find((e) => e.kind === 'escalated')!.detail).toBe(
        'Complaint draft to The Information Commissioner’s Office sent to you after the deadlines passed.',
      );
      expect((await getEvent(uk.id, 'r1', 'escalation'))?.data).toMatchObject({ authority: 'gbico', lead: null });

      // Berlin: the Land's authority for companies, in its language, asked to forward to the DPC.
      const berlinRequest = await statusOf(berlin);
      // Pinterest offers its service in German: the letters to it are in the Berlin resident's language.
      const berlinNotice = (await lettersOfRequest(PINTEREST_LETTERS, (await letterOf(PINTEREST_LETTERS, berlin)).mail)).find((m) =>
        m.subject.startsWith('Letzte Aufforderung'),
      );
      expect(berlinNotice?.subject).toBe(
        `Letzte Aufforderung vor Beschwerde bei Berliner Beauftragte für Datenschutz und Informationsfreiheit – Ref. ${berlinRequest.reference}`,
      );
      const berlinDraft = await draftOf(berlin);
      expect(berlinDraft.subject).toBe(`Beschwerde nach Art. 77 Abs. 1 DSGVO gegen Pinterest Europe Ltd. – Ref. ${berlinRequest.reference}`);
      const berlinText = berlinDraft.text;
      expect(berlinText).toContain(
        '----------\n\nBerliner Beauftragte für Datenschutz und Informationsfreiheit\nAlt-Moabit 59-61, 10555 Berlin, Deutschland\nmailbox@datenschutz-berlin.de\nhttps://kontakt.datenschutz-berlin.de/\n',
      );
      expect(berlinText).toContain(
        'Federführende Aufsichtsbehörde für Pinterest Europe Ltd.: Irish Data Protection Commission, 21 Fitzwilliam Square South, Dublin 2, D02 RD28, Ireland. ' +
          'Bitte leiten Sie meine Beschwerde nach Art. 56 DSGVO und Art. 60 DSGVO sowie § 19 Abs. 2 BDSG dorthin weiter',
      );
      expect(berlinText).toContain(
        'Reichen Sie ihn bei Berliner Beauftragte für Datenschutz und Informationsfreiheit ein (https://kontakt.datenschutz-berlin.de/) oder per E-Mail an mailbox@datenschutz-berlin.de.',
      );
      expect(berlinText).not.toContain('info@dataprotection.ie');
      expect(berlinRequest.events.find((e) => e.kind === 'escalated')!.detail).toBe(
        'Complaint draft to Berliner Beauftragte für Datenschutz und Informationsfreiheit sent to you after the deadlines passed.',
      );
      expect((await getEvent(berlin.id, 'r1', 'escalation'))?.data).toMatchObject({ authority: 'deberlbdi', lead: 'iedpc' });
    },
    NO_ANSWER_MS + 30_000,
  );
});

describe('replies over SMTP', () => {
  it(
    'an authenticated confirmation closes the request, tells the person, and ends the loop',
    async () => {
      const s = await submitAndVerify('confirm@example.org', 'FR', [{ provider: 'reddit', identifier: 'camille_m' }]);
      const raw = await replyFromReddit(s, CONFIRMED, 'Re: Objection to AI training');
      const request = await statusOf(s);
      expect(request.status).toBe('confirmed');
      expect(request.events.map((e) => e.kind)).toEqual(['sent', 'reply:confirmed']);
      expect(request.events[1]!.detail).not.toContain('not authenticated');
      const event = await replyEvent(s, raw);
      expect(event?.data).toMatchObject({ authenticated: true, matchedBy: 'reply token' });
      expect(String(event?.data?.auth)).toMatch(/^dmarc=pass spf=pass dkim=reddit\.com:pass from=reddit\.com$/);
      // The raw reply is kept as evidence.
      expect(existsSync(join(t.dataDir, 'evidence', request.events[1]!.evidence[0]!))).toBe(true);

      expect(await toldInDigest(s.email, `Reddit for camille_m (ref ${request.reference}): confirmed: done`)).toHaveLength(1);

      // The loop ends at its next check: the execution finishes and no reminder goes out.
      const record = await t.stack.runner.waitFor(`sub-${s.id}`);
      expect(record?.status).toBe('SUCCEEDED');
      expect(await lettersTo(REDDIT_LETTERS, s.email)).toHaveLength(1);
      expect((await statusOf(s)).status).toBe('confirmed');
    },
    realMs(32) + 30_000,
  );

  it('an extension claimed in time moves the deadline once, to the Art. 12(3) date; a second claim moves nothing', async () => {
    const s = await submitAndVerify('extension@example.org', 'FR', [{ provider: 'reddit', identifier: 'camille_x' }]);
    const before = await statusOf(s);
    const sentAt = before.events.find((e) => e.kind === 'sent')!.at;
    expect(before.dueAt).toBe(dueFor('gdpr', sentAt, 'reddit', 'gdpr'));

    await replyFromReddit(s, EXTENSION, 'Re: your objection – extension');
    const after = await statusOf(s);
    // "two further months": the Art. 12(3) maximum, under Dutch holidays (Reddit Netherlands B.V.).
    const extended = dueFor('gdpr-extended', sentAt, 'reddit', 'gdpr');
    expect(extended > before.dueAt!).toBe(true);
    expect(after.dueAt).toBe(extended);
    expect(after.status).toBe('acknowledged');
    expect(after.events.map((e) => e.kind)).toEqual(['sent', 'reply:extension', 'deadline_extended']);
    expect(after.events[2]!.detail).toContain(`from ${before.dueAt} to ${extended}`);
    expect(await toldInDigest(s.email, `extended the deadline to ${extended}`)).toHaveLength(1);

    await replyFromReddit(s, SECOND_EXTENSION, 'Re: your objection – more time');
    const again = await statusOf(s);
    expect(again.dueAt).toBe(extended);
    expect(again.status).toBe('acknowledged');
    expect(again.events.map((e) => e.kind)).toEqual(['sent', 'reply:extension', 'deadline_extended', 'reply:extension']);
    await digestsSent(s);
    expect((await mailsToPerson(s.email)).filter((m) => m.body.text?.includes('extended the deadline'))).toHaveLength(1);
  });

  it('the same message delivered twice changes nothing the second time', async () => {
    const s = await submitAndVerify('twice@example.org', 'FR', [{ provider: 'reddit', identifier: 'camille_2' }]);
    const raw = await replyFromReddit(s, ACKNOWLEDGED, 'Re: your request [received]');
    const once = await statusOf(s);
    expect(once.status).toBe('acknowledged');
    await toldInDigest(s.email, 'received by the company');
    const mailsOnce = await mailsToPerson(s.email);
    const { replyTo } = await letterOf(REDDIT_LETTERS, s);
    await deliver(t.stack.smtpPort, raw, { from: 'privacy@reddit.com', to: [replyTo], helo: 'mail.reddit.com' });
    const twice = await statusOf(s);
    expect(twice).toEqual(once);
    expect(twice.events.filter((e) => e.kind === 'reply:acknowledged')).toHaveLength(1);
    await digestsSent(s);
    const mailsTwice = await mailsToPerson(s.email);
    expect(mailsTwice).toHaveLength(mailsOnce.length);
    expect(mailsTwice.filter((m) => m.body.text?.includes('received by the company'))).toHaveLength(1);
    const hash = createHash('sha256').update(raw).digest('hex');
    expect(await getItem(key.inboundMail(hash))).toMatchObject({ state: 'done', class: 'acknowledged' });
  });

  it('a confirmation that fails DMARC is recorded but not counted, and the person is told', async () => {
    const s = await submitAndVerify('spoof@example.org', 'FR', [
      { provider: 'reddit', identifier: 'camille_s' },
      { provider: 'pinterest', identifier: 'camille.s' },
    ]);
    const reddit = await letterOf(REDDIT_LETTERS, s);
    const pinterestMails = await waitUntil('pinterest letter', async () => {
      const found = await lettersTo(PINTEREST_LETTERS, s.email);
      return found.length ? found : undefined;
    });
    const pinterestReplyTo = pinterestMails[0]!.replyTo[0]!;

    // 1. From reddit.com, signed with a key Reddit never published, sent with the spoofer's own envelope.
    const forged = await signMail(
      await composeReply({ from: 'privacy@reddit.com', to: reddit.replyTo, subject: 'Re: done', text: CONFIRMED, inReplyTo: reddit.messageId }),
      'reddit.com',
      wrongKey,
    );
    await deliver(t.stack.smtpPort, forged, { from: 'bounce@spoofer.example', to: [reddit.replyTo] });
    // 2. From pinterest.com, not signed, from an IP that pinterest.com's SPF record does not allow.
    const unsigned = await composeReply({
      from: 'privacy@pinterest.com',
      to: pinterestReplyTo,
      subject: 'Re: done',
      text: CONFIRMED.replace('Reddit', 'Pinterest'),
    });
    await deliver(t.stack.smtpPort, unsigned, { from: 'privacy@pinterest.com', to: [pinterestReplyTo] });
    // 3. Properly signed, but by a look-alike domain that is not one of Reddit's reply domains.
    const lookalike = await signMail(
      await composeReply({ from: 'privacy@reddit-privacy.example', to: reddit.replyTo, subject: 'Re: done (2)', text: CONFIRMED }),
      'reddit-privacy.example',
      lookalikeKey,
    );
    await deliver(t.stack.smtpPort, lookalike, { from: 'privacy@reddit-privacy.example', to: [reddit.replyTo] });

    const redditRequest = await statusOf(s, 'r1');
    const pinterestRequest = await statusOf(s, 'r2');
    expect(redditRequest.status).toBe('sent');
    expect(pinterestRequest.status).toBe('sent');
    expect(redditRequest.events.map((e) => e.kind)).toEqual(['sent', 'reply:confirmed', 'reply:confirmed']);
    expect(pinterestRequest.events.map((e) => e.kind)).toEqual(['sent', 'reply:confirmed']);
    for (const e of [...redditRequest.events, ...pinterestRequest.events].filter((x) => x.kind === 'reply:confirmed')) {
      expect(e.detail).toContain('(sender not authenticated)');
    }
    const forgedEvent = await replyEvent(s, forged);
    expect(forgedEvent?.data?.authenticated).toBe(false);
    expect(String(forgedEvent?.data?.auth)).toMatch(/^dmarc=fail .*dkim=reddit\.com:fail/);
    const unsignedHash = createHash('sha256').update(unsigned).digest('hex');
    const unsignedEvent = await getEvent(s.id, 'r2', `reply-${unsignedHash.slice(0, 16)}`);
    expect(String(unsignedEvent?.data?.auth)).toMatch(/^dmarc=fail spf=fail dkim=none from=pinterest\.com$/);
    const lookalikeEvent = await replyEvent(s, lookalike);
    expect(lookalikeEvent?.data).toMatchObject({ authenticated: false });
    expect(String(lookalikeEvent?.data?.auth)).toMatch(/^dmarc=pass .*from=reddit-privacy\.example$/);

    // Three warnings, one per message, in the day's digest (they do not need the person at once).
    await toldInDigest(s.email, 'did not pass sender authentication');
    await digestsSent(s);
    const digestText = (await digestsTo(s.email)).map((m) => m.body.text ?? '').join('\n');
    expect(digestText.split('did not pass sender authentication')).toHaveLength(4);
    expect(digestText.split('mark the request as confirmed on your status page')).toHaveLength(4);
  });

  it('a bounce hands the request to the person, and the next submission no longer uses that address', async () => {
    const s = await submitAndVerify('bounce@example.org', 'FR', [{ provider: 'quora', identifier: 'Camille-Martin' }]);
    const { mail, messageId } = await letterOf(QUORA_LETTERS, s);
    // A Postfix-style DSN from Quora's own mail server (SPF passes for its HELO name), matched by the
    // letter's Message-ID (no reply token).
    await deliverBounce({ mta: 'mx1.quora.com', failedRecipient: QUORA_LETTERS, status: '5.1.1' }, { mail, messageId });

    const request = await statusOf(s);
    expect(request.status).toBe('needs_user_action');
    expect(request.channel).toBe('settings');
    expect(request.userAction).toContain(`Our letter to ${QUORA_LETTERS} bounced (5.1.1)`);
    expect(request.deepLink).toMatch(/^https:\/\//);
    expect(request.events.map((e) => e.kind)).toEqual(['sent', 'reply:bounce', 'needs_user_action']);
    expect(await getItem(key.contact('quora', QUORA_LETTERS))).toMatchObject({ failing: true, reason: 'bounced (5.1.1)' });
    const told = (await mailsToPerson(s.email)).filter((m) => m.subject.startsWith('Quora: needs you'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body.text).toContain('bounced (5.1.1)');

    const next = await submitAndVerify('after-bounce@example.org', 'FR', [{ provider: 'quora', identifier: 'Another-Person' }]);
    const nextRequest = await statusOf(next);
    expect(nextRequest).toMatchObject({ status: 'needs_user_action', channel: 'settings' });
    expect((await getItem<{ target?: string }>(key.request(next.id, 'r1')))?.target).not.toBe(QUORA_LETTERS);
    await new Promise((r) => setTimeout(r, 300));
    expect(await lettersTo(QUORA_LETTERS, next.email)).toHaveLength(0);
  });

  it("after a bounce, later letters go to the provider's next address; workspace-owner addresses are never used", async () => {
    const first = await submitAndVerify('openai-bounce@example.org', 'FR', [{ provider: 'openai', identifier: 'camille@example.org' }]);
    const { mail, messageId } = await letterOf('dsar@openai.com', first);
    await deliverBounce({ mta: 'mx.openai.com', failedRecipient: 'dsar@openai.com', status: '5.1.1' }, { mail, messageId });
    await waitUntil('the bounce on record', async () => (await statusOf(first)).status === 'needs_user_action');

    const next = await submitAndVerify('openai-next@example.org', 'FR', [
      { provider: 'openai', identifier: 'another@example.org' },
      { provider: 'slack', identifier: 'another@example.org' },
    ]);
    expect(await statusOf(next, 'r1')).toMatchObject({ status: 'sent', channel: 'email' });
    expect((await getItem<{ target?: string }>(key.request(next.id, 'r1')))?.target).toBe('privacy@openai.com');
    // Slack lists its workspace opt-out address (feedback@) first; a member's letter goes to privacy@.
    expect((await getItem<{ target?: string }>(key.request(next.id, 'r2')))?.target).toBe('privacy@slack.com');
    expect(await lettersTo('privacy@openai.com', next.email)).toHaveLength(1);
    expect(await lettersTo('dsar@openai.com', next.email)).toHaveLength(0);
    expect(await lettersTo('feedback@slack.com', next.email)).toHaveLength(0);
  });

  it("a bounce from a server that cannot prove it is the provider's hands over, but leaves the address in use", async () => {
    const s = await submitAndVerify('forged-bounce@example.org', 'FR', [{ provider: 'discord', identifier: 'camille#0001' }]);
    const { mail, messageId } = await letterOf('privacy@discord.com', s);
    // Anyone holding the letter (it is in the person's mailbox too) can write this DSN.
    await deliverBounce({ mta: 'mx.bounce-forger.example', failedRecipient: 'privacy@discord.com', status: '5.1.1' }, { mail, messageId });
    const request = await statusOf(s);
    // The person still hears of it: they can check the address and write themselves.
    expect(request.status).toBe('needs_user_action');
    expect(request.events.map((e) => e.kind)).toEqual(['sent', 'reply:bounce', 'needs_user_action']);
    expect(request.events[1]!.detail).toContain('sender not authenticated');
    // But it does not redirect anyone else's letters.
    expect(await getItem(key.contact('discord', 'privacy@discord.com'))).toBeUndefined();
    const next = await submitAndVerify('after-forged@example.org', 'FR', [{ provider: 'discord', identifier: 'other#0002' }]);
    expect((await getItem<{ target?: string }>(key.request(next.id, 'r1')))?.target).toBe('privacy@discord.com');
  });

  it("a bounce of the person's own copy (Cc) says nothing about the provider and changes nothing", async () => {
    const s = await submitAndVerify('full-mailbox@example.org', 'FR', [{ provider: 'grammarly', identifier: 'camille@example.org' }]);
    const { mail, messageId } = await letterOf('privacy@superhuman.com', s);
    await deliverBounce({ mta: 'mx.example.org', failedRecipient: 'full-mailbox@example.org', status: '5.2.2' }, { mail, messageId });
    await waitUntil('the bounce on record', async () => (await statusOf(s)).events.some((e) => e.kind === 'reply:bounce'));
    expect((await statusOf(s)).status).toBe('sent');
    expect(await getItem(key.contact('grammarly', 'privacy@superhuman.com'))).toBeUndefined();
  });

  it("SES's bounce event (AWS) hands over and marks the address failing; the same event twice changes nothing", async () => {
    const s = await submitAndVerify('ses-bounce@example.org', 'FR', [{ provider: 'snapchat', identifier: 'camille.snaps' }]);
    const { messageId } = await letterOf('dpo@snap.com', s);
    // SES's id of the letter, as the outbox recorded it with the letter's event.
    const record = (await getEvent(s.id, 'r1', 'letter'))?.data as { sesMessageId: string } | undefined;
    // The EventBridge event as SES publishes it for a configuration set (source aws.ses).
    const event = (bounceType: string, recipient: string, sesMessageId = record!.sesMessageId) => ({
      source: 'aws.ses',
      'detail-type': 'Email Bounced',
      detail: {
        eventType: 'Bounce',
        bounce: {
          bounceType,
          bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
          bouncedRecipients: [{ emailAddress: recipient, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
          timestamp: new Date().toISOString(),
          reportingMTA: 'dsn; a1-2.smtp-out.eu-west-1.amazonses.com',
        },
        mail: {
          timestamp: new Date().toISOString(),
          messageId: sesMessageId,
          commonHeaders: { messageId: `<${messageId}>`, subject: 'Objection' },
          tags: { 'ses:configuration-set': ['optout'] },
        },
      },
    });
    // A soft bounce and a bounce of the person's Cc copy move nothing.
    await sesEvent(event('Transient', 'dpo@snap.com', 'soft-1'));
    await sesEvent(event('Permanent', 'ses-bounce@example.org', 'cc-1'));
    expect((await statusOf(s)).status).toBe('sent');
    expect(await getItem(key.contact('snapchat', 'dpo@snap.com'))).toBeUndefined();

    await sesEvent(event('Permanent', 'dpo@snap.com'));
    const request = await statusOf(s);
    expect(request).toMatchObject({ status: 'needs_user_action', channel: 'settings' });
    expect(request.userAction).toContain('Our letter to dpo@snap.com bounced (5.1.1)');
    expect(request.events.filter((e) => e.kind === 'bounce').map((e) => e.detail)).toContainEqual(
      expect.stringContaining('SES reported a permanent bounce (General) for dpo@snap.com: smtp; 550 5.1.1 user unknown'),
    );
    expect(await getItem(key.contact('snapchat', 'dpo@snap.com'))).toMatchObject({ failing: true, reason: 'bounced (5.1.1)', reportedBy: 'SES bounce event' });
    const told = async () => (await mailsToPerson(s.email)).filter((m) => m.subject.startsWith('Snapchat: needs you'));
    await waitUntil('the person told', async () => (await told()).length === 1);

    const eventsBefore = (await statusOf(s)).events.length;
    await sesEvent(event('Permanent', 'dpo@snap.com'));
    expect((await statusOf(s)).events).toHaveLength(eventsBefore);
    await new Promise((r) => setTimeout(r, 300));
    expect(await told()).toHaveLength(1);

    await expect(sesEvent({ source: 'aws.ses', 'detail-type': 'Email Bounced' } as never)).rejects.toThrow(
      /detail.eventType and detail.mail.messageId are required/,
    );
  });

  it('mail for an unknown reply address is kept, not dropped; mail for other domains is refused', async () => {
    const raw = await composeReply({
      from: 'someone@example.net',
      to: `reply+unknowntoken12345@${INBOUND}`,
      subject: 'About my request, unmatched',
      text: 'Hello, is this the right address?',
    });
    await deliver(t.stack.smtpPort, raw, { from: 'someone@example.net', to: [`reply+unknowntoken12345@${INBOUND}`] });
    const hash = createHash('sha256').update(raw).digest('hex');
    const kept = (await queryPartition<{ hash: string; from: string; subject: string; evidence: string }>('UNMATCHED')).find((u) => u.hash === hash);
    expect(kept).toMatchObject({ from: 'someone@example.net', subject: 'About my request, unmatched' });
    expect(existsSync(join(t.dataDir, 'evidence', kept!.evidence))).toBe(true);

    await expect(deliver(t.stack.smtpPort, raw, { from: 'someone@example.net', to: ['someone@elsewhere.example'] })).rejects.toThrow(/550|only accept mail/);
  });

  it('a refusal goes to escalation at once, with an explanation and the complaint draft', async () => {
    const s = await submitAndVerify('refused@example.org', 'FR', [{ provider: 'reddit', identifier: 'camille_r' }]);
    await replyFromReddit(s, REFUSED, 'Re: your objection under Art. 21 GDPR');
    const request = await statusOf(s);
    expect(request.status).toBe('escalated');
    expect(request.events.map((e) => e.kind)).toEqual(['sent', 'reply:refused', 'escalated']);
    expect(request.events[2]!.detail).toBe(`Complaint draft to ${CNIL} sent to you after the refusal.`);

    // The refusal with its explanation, and within minutes the complaint draft, attached to a status mail.
    const [refusedMail] = await toldInDigest(s.email, `Reddit for camille_r (ref ${request.reference}): refused by the company`);
    expect(refusedMail?.body.text).toContain('compelling legitimate grounds');
    expect(refusedMail?.body.text).toContain('we sent you a draft');
    // The draft in the CNIL's language, French.
    const [complaint, ...more] = await waitUntil('the complaint draft', async () => {
      const drafts = await draftsTo(s.email);
      return drafts.length > 0 ? drafts : undefined;
    });
    expect(more).toEqual([]);
    expect(complaint!.carrier.body.text).toContain(`Reddit for camille_r (ref ${request.reference}): escalated: a complaint draft is ready for you`);
    expect(complaint!.subject).toBe(`Réclamation (article 77, paragraphe 1, du RGPD) contre Reddit Netherlands B.V. – réf. ${request.reference}`);
    const text = complaint!.text;
    expect(text).toContain('Reddit refused your request.');
    // The person's own authority receives it; Reddit's lead authority (in the Netherlands) is named in it.
    expect(text).toContain(`Submit it to ${CNIL}`);
    expect(text).toContain(
      'Autorité de contrôle chef de file pour Reddit Netherlands B.V. : Autoriteit Persoonsgegevens (Dutch Data Protection Authority), Postbus 93374',
    );
    expect(text).toContain('compelling legitimate grounds');
    expect(complaint!.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/letter\.eml$/), expect.stringMatching(/\.eml$/)]);
    // No reminder follows a refusal.
    expect(await lettersTo(REDDIT_LETTERS, s.email)).toHaveLength(1);
  });
});

describe('US residents outside California', () => {
  it('a Colorado resident gets the Colorado Privacy Act letter; a refusal gives a complaint draft for the Colorado Attorney General', async () => {
    const s = await submitAndVerify('colorado@example.org', 'US-CO', [
      { provider: 'reddit', identifier: 'sam_co' },
      { provider: 'google', identifier: 'sam.co@gmail.com' },
    ]);
    const first = await statusOf(s);
    const sentAt = first.events.find((e) => e.kind === 'sent')!.at;
    expect(first.dueAt).toBe(dueFor('us-state', sentAt, 'reddit', 'us-state', 'US-CO'));
    const { mail: letter } = await letterOf(REDDIT_LETTERS, s);
    expect(letter.subject).toMatch(/^Colorado privacy law: opt-out and deletion request/);
    for (const citation of ['C.R.S. § 6-1-1301 et seq.', 'C.R.S. § 6-1-1306(1)(a)', 'C.R.S. § 6-1-1306(1)(d)', 'C.R.S. § 6-1-1306(2)']) {
      expect(letter.body.text).toContain(citation);
    }
    expect(letter.body.text).toContain(`that is by ${formatLetterDate(first.dueAt!, 'en')}`);
    // Under a US law the letter goes to the provider's US company where the catalog has one.
    const [googleLetter] = await lettersTo('data-access-requests@google.com', s.email);
    expect(googleLetter!.body.text).toContain('Google LLC');
    expect(googleLetter!.body.text).not.toContain('Google Ireland');

    await replyFromReddit(s, REFUSED, 'Re: your request');
    const request = await statusOf(s);
    expect(request.status).toBe('escalated');
    expect(request.events.at(-1)!.detail).toBe('Complaint draft to the Colorado Attorney General sent to you after the refusal.');
    const complaint = await waitUntil('the complaint draft', async () => (await draftsTo(s.email)).find((d) => d.subject.startsWith('Complaint about')));
    expect(complaint.subject).toBe(`Complaint about Reddit, Inc. under the Colorado Privacy Act – ref ${request.reference}`);
    const text = complaint.text;
    expect(text).toContain('Submit it to the Colorado Attorney General, who enforces the Colorado Privacy Act (C.R.S. § 6-1-1311)');
    expect(text).toContain('Colorado Attorney General\n[Address]');
  });

  it('an extension claimed within the first 45 days moves a state-act deadline once, to 90 days', async () => {
    const s = await submitAndVerify('texas@example.org', 'US-TX', [{ provider: 'reddit', identifier: 'sam_tx' }]);
    const before = await statusOf(s);
    const sentAt = before.events.find((e) => e.kind === 'sent')!.at;
    expect(before.dueAt).toBe(dueFor('us-state', sentAt, 'reddit', 'us-state', 'US-TX'));
    await replyFromReddit(
      s,
      'Hello,\n\nGiven the complexity of your request, we need to extend the response period by an additional 45 days, as the law permits.\n\nReddit Privacy Team',
      'Re: your request – extension',
    );
    const after = await statusOf(s);
    expect(after.dueAt).toBe(dueFor('us-state-extended', sentAt, 'reddit', 'us-state', 'US-TX'));
    expect(after.events.find((e) => e.kind === 'deadline_extended')?.detail).toContain('the law allows one extension');
  });

  it('under no privacy law the no-answer path still ends in a complaint draft, with the addressee left open', async () => {
    const s = await submitAndVerify('newyork@example.org', 'US-NY', [{ provider: 'reddit', identifier: 'sam_ny' }]);
    const { mail: letter } = await letterOf(REDDIT_LETTERS, s);
    expect(letter.subject).toMatch(/train AI/);
    await replyFromReddit(s, REFUSED, 'Re: your request');
    const request = await statusOf(s);
    expect(request.status).toBe('escalated');
    const complaint = await waitUntil('the complaint draft', async () => (await draftsTo(s.email)).find((d) => d.subject.startsWith('Complaint about')));
    expect(complaint.text).toContain('We know of no authority for your region');
    expect(complaint.text).toContain('[Name and address of the authority you send this to]');
  });
});

describe('a follow-up send that failed half-way', () => {
  it('is finished by the retry, once, instead of being skipped for good', async () => {
    const s = await submitAndVerify('retry@example.org', 'FR', [{ provider: 'discord', identifier: 'camille#0001' }]);
    const ref = { submissionId: s.id, requestId: 'r1' };
    // This test plays the workflow's part itself: its loop is stopped, and the reminder is due once the
    // deadline has passed on the (fast) clock.
    await t.stack.runner.stopExecution(executionName(s.id));
    const due = deadlineEnd((await statusOf(s)).dueAt!, deadlinePlaceFor(getProvider('discord'), 'gdpr').timeZones);
    // Passed where the provider is, and over in UTC too: the letter is dated by the UTC day, and says the deadline was missed.
    const { dueAt } = await statusOf(s);
    await waitUntil('the deadline passed', async () => clock().now() > due && toDateString(clock().now()) > dueAt!, NO_ANSWER_MS);
    // SES unreachable on the first try: the outbox has claimed the reminder and applied its event
    // (the request is "reminded"), and nothing went out.
    const unreachable = { region: 'local', sesEndpoint: 'http://127.0.0.1:9' };
    const sesDown = { ...t.stack.runtime, mail: sesMail(createSesClient(unreachable, false), createSesClient(unreachable, true), undefined) };
    await expect(runWith(sesDown, () => followup.sendReminder(ref))).rejects.toThrow(/ECONNREFUSED|connect/);
    const claimed = await statusOf(s);
    expect(claimed.status).toBe('reminded');
    expect(claimed.events.filter((e) => e.kind === 'reminder')).toEqual([]);

    await sendReminder(ref); // the Step Functions retry: SES refused the connection, so no grace period
    await sendReminder(ref); // and a second one changes nothing
    // The first letter and one reminder (in the letter's language; the person is copied on the first only), nothing more.
    const { reference } = await statusOf(s);
    const letters = (await t.mails()).filter((m) => m.destination.to.includes('privacy@discord.com') && `${m.subject}\n${m.body.text}`.includes(reference));
    expect(letters).toHaveLength(2);
    const after = await statusOf(s);
    expect(after.status).toBe('reminded');
    expect(after.events.filter((e) => e.kind === 'reminder')).toHaveLength(1);
  });
});
