// Mail in: a provider's reply (or a bounce) arrives as raw MIME, from the local SMTP server, from SES
// via S3, or from the person's own inbox (personal mode, app/inbox.ts). It is stored as evidence,
// matched to its request (app/reply-matching.ts), authenticated (SPF/DKIM/DMARC), classified, and moves
// the request through its states. The same message twice changes nothing.
import { createHash } from 'node:crypto';
import { authenticate } from 'mailauth';
import { simpleParser } from 'mailparser';
import { classifyRawEmail, type Classification, type RefusalReason } from '../core/replies/index.ts';
import { message, type MessageKey } from '../core/messages.ts';
import type { Language } from '../core/model.ts';
import { getProvider } from '../core/providers/catalog.ts';
import type { Provider } from '../core/providers/schema.ts';
import { deadlineEnd, deadlinePlaceFor, extendedDueDate, receiptDate, toDateString } from '../core/deadlines.ts';
import { config } from '../adapters/config.ts';
import { clock } from '../adapters/clock.ts';
import { dnsResolver } from '../adapters/dns.ts';
import { putEvidence } from '../adapters/evidence.ts';
import { finishInboundMail, inboundMailState, recordUnmatchedMail, startInboundMail } from '../data/inbound.ts';
import { addEvent, expiresAt, getRequest, type RequestRecord } from '../data/store.ts';
import type { RequestStatus } from '../core/model.ts';
import type { LifecycleEvent } from '../core/lifecycle.ts';
import { applyEvent, type EventPatch } from '../data/lifecycle.ts';
import { applyBounce } from './bounces.ts';
import { loadVerifiedSubmission } from './dispatch.ts';
import { escalate } from './followup.ts';
import { notifyStatusChange } from './notify.ts';
import { matchReply } from './reply-matching.ts';

export interface Envelope {
  /** RCPT TO addresses; the reply token is in reply+<token>@<inbound domain>. */
  rcptTo: string[];
  mailFrom?: string;
  remoteIp?: string;
  helo?: string;
}

export type MailInResult =
  | { outcome: 'duplicate'; hash: string }
  | { outcome: 'unmatched'; hash: string }
  | { outcome: 'applied'; hash: string; submissionId: string; requestId: string; class: string; authenticated: boolean; status: RequestStatus };

function domainOf(address: string | undefined): string | undefined {
  return address?.split('@').pop()?.toLowerCase().replace(/>$/, '');
}

function belongsTo(domain: string | undefined, provider: Provider): boolean {
  if (!domain) return false;
  return provider.replyDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));
}

/** DMARC pass for a From domain that is one of the provider's reply domains. */
async function authenticateFor(raw: Buffer, envelope: Envelope, fromAddress: string | undefined, provider: Provider) {
  const result = await authenticate(raw, {
    ip: envelope.remoteIp,
    helo: envelope.helo,
    sender: envelope.mailFrom,
    trustReceived: !envelope.remoteIp,
    mta: config().inboundDomain,
    resolver: dnsResolver(),
    disableArc: true,
    disableBimi: true,
  });
  const dmarc = result.dmarc ? (result.dmarc as unknown as { status?: { result?: string }; domain?: string }) : undefined;
  const dmarcPass = dmarc?.status?.result === 'pass';
  const fromDomain = domainOf(fromAddress);
  const authenticated = dmarcPass && belongsTo(fromDomain, provider);
  const spfResult = result.spf ? (result.spf as unknown as { domain?: string; status?: { result?: string } }) : undefined;
  const spf = spfResult?.status?.result ?? 'none';
  // An unsigned message yields one result without a signing domain: that is "none", not a signature.
  const signatures = result.dkim.results?.filter((r) => r.signingDomain) ?? [];
  const dkim = signatures.map((r) => `${r.signingDomain}:${r.status?.result}`).join(',') || 'none';
  // Domains this message proves it came from, whatever its From says (a DSN's From is a mail daemon).
  const provenDomains = [
    ...(spf === 'pass' && spfResult?.domain ? [spfResult.domain.toLowerCase()] : []),
    ...signatures.filter((r) => r.status?.result === 'pass').map((r) => r.signingDomain!.toLowerCase()),
  ];
  return { authenticated, provenDomains, summary: `dmarc=${dmarc?.status?.result ?? 'none'} spf=${spf} dkim=${dkim} from=${fromDomain ?? '?'}` };
}

/**
 * A bounce is trusted when it proves (SPF or DKIM) that it comes from the provider's mail system: one of
 * its reply domains, or the domain of the address that bounced (e.g. the MX host mx1.quora.com for
 * privacy@quora.com). A DSN from anywhere else could be forged by whoever holds the letter.
 */
function bounceTrusted(provenDomains: string[], provider: Provider, target: string | undefined): boolean {
  const targetDomain = domainOf(target);
  return provenDomains.some(
    (domain) => belongsTo(domain, provider) || (targetDomain !== undefined && (domain === targetDomain || domain.endsWith(`.${targetDomain}`))),
  );
}

export async function receiveMail(raw: Buffer, envelope: Envelope): Promise<MailInResult> {
  const hash = createHash('sha256').update(raw).digest('hex');
  const now = clock().now().toISOString();
  if ((await inboundMailState(hash)) === 'done') return { outcome: 'duplicate', hash };

  const parsed = await simpleParser(raw);
  const fromAddress = parsed.from?.value[0]?.address;
  const toList = [parsed.to, parsed.cc]
    .flatMap((field) => (Array.isArray(field) ? field : field ? [field] : []))
    .flatMap((group) => group.value.map((v) => v.address ?? ''));
  const references = Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [];
  const matched = await matchReply(envelope.rcptTo, { to: toList, inReplyTo: parsed.inReplyTo, references, subject: parsed.subject });

  if (!matched) {
    const evidence = await putEvidence(`unmatched/${hash}.eml`, raw, 'message/rfc822');
    await recordUnmatchedMail(hash, { from: fromAddress ?? '', subject: parsed.subject ?? '', evidence, receivedAt: now }, expiresAt());
    return { outcome: 'unmatched', hash };
  }

  const request = matched.request;
  await startInboundMail(hash, { submissionId: request.submissionId, requestId: request.id }, now);
  const provider = getProvider(request.provider);
  const evidence = await putEvidence(`replies/${request.submissionId}/${request.id}/${hash.slice(0, 16)}.eml`, raw, 'message/rfc822');
  const auth = await authenticateFor(raw, envelope, fromAddress, provider);
  const classification = await classifyRawEmail(raw, provider.replyPatterns);
  const status = await apply(request, provider, classification, auth.authenticated, bounceTrusted(auth.provenDomains, provider, request.target), {
    eventKey: `reply-${hash.slice(0, 16)}`,
    at: now,
    evidence,
    from: fromAddress ?? '(no sender)',
    subject: parsed.subject ?? '',
    matchedBy: matched.by,
    auth: auth.summary,
  });
  await finishInboundMail(hash, classification.class);
  return {
    outcome: 'applied',
    hash,
    submissionId: request.submissionId,
    requestId: request.id,
    class: classification.class,
    authenticated: auth.authenticated,
    status,
  };
}

interface ReplyFacts {
  eventKey: string;
  at: string;
  evidence: string;
  from: string;
  subject: string;
  matchedBy: string;
  auth: string;
}

/** Moves the request according to the reply's class; returns the status after. */
async function apply(
  request: RequestRecord,
  provider: Provider,
  c: Classification,
  authenticated: boolean,
  trustedBounce: boolean,
  facts: ReplyFacts,
): Promise<RequestStatus> {
  const ref = { submissionId: request.submissionId, requestId: request.id };
  const isNew = await addEvent({
    ...ref,
    key: facts.eventKey,
    at: facts.at,
    kind: `reply:${c.class}`,
    detail: `Reply from ${facts.from} ("${facts.subject}") read as ${c.class}${authenticated ? '' : ' (sender not authenticated)'}: ${c.reasons[0] ?? 'no rule matched'}.`,
    evidence: [facts.evidence],
    data: { authenticated, auth: facts.auth, matchedBy: facts.matchedBy, reasons: c.reasons.join(' | ') },
  });
  // A crash after the event but before the status change is mended on redelivery: the transitions
  // below are conditional on the current status, so running them again is harmless.
  void isNew;
  // Which statuses each reply may move, and to what, is the lifecycle's (core/lifecycle.ts).
  const change = async (event: LifecycleEvent, patch: EventPatch = {}) => (await applyEvent(ref, event, patch)) !== undefined;
  const notify = (note?: string) => notifyStatusChange(ref.submissionId, ref.requestId, facts.eventKey, note);
  const submission = await loadVerifiedSubmission(ref.submissionId);
  const say = (key: MessageKey, vars: Record<string, string | undefined> = {}) => message(submission.lang, key, vars);

  switch (c.class) {
    case 'acknowledged':
      if (await change('reply_acknowledged')) await notify(say('acknowledged', { provider: provider.name }));
      break;
    case 'confirmed':
      if (!authenticated) {
        await notify(say('confirmationNotTrusted', { from: facts.from, auth: facts.auth }));
        break;
      }
      if (await change('reply_confirmed')) await notify(say('confirmed', { provider: provider.name }));
      break;
    case 'refused':
      if (await change('reply_refused', { userAction: refusalExplanation(submission.lang, c) })) {
        await notify(refusalExplanation(submission.lang, c));
      }
      // A refusal goes straight to escalation: the person gets the complaint draft now. Outside the
      // if: when an earlier delivery failed half-way, the redelivery finishes it. escalate() asks the
      // lifecycle who may escalate (mayEscalate) and sends through the outbox (once-only).
      await escalate(ref);
      break;
    case 'identity_requested': {
      if (
        await change('reply_needs_person', {
          userAction: say('identityRequested', { provider: provider.name, asked: c.identityAsk, reference: request.reference }),
          deepLink: c.otherChannelUrl ?? provider.sources[0],
        })
      )
        await notify();
      break;
    }
    case 'use_other_channel':
      if (
        await change('reply_needs_person', {
          userAction: say('otherChannel', { provider: provider.name, url: c.otherChannelUrl, reference: request.reference }),
          deepLink: c.otherChannelUrl ?? provider.sources[0],
        })
      )
        await notify();
      break;
    case 'extension':
      await applyExtension(request, provider, c, facts, notify, say, submission.jurisdiction);
      break;
    case 'bounce':
      await applyBounce(request, provider, submission, {
        recipient: c.bounceRecipient,
        status: c.bounceStatus,
        // A delay notice (4.x.x) is not final; a DSN without a code or action is read as final.
        permanent: c.bouncePermanent !== false,
        trusted: trustedBounce,
        source: `DSN from ${facts.from} (${facts.auth})`,
      });
      break;
    case 'auto_reply':
    case 'unknown':
      if (c.class === 'unknown') await notify(say('unclearAnswer', { provider: provider.name }));
      break;
  }
  return (await getRequest(ref.submissionId, ref.requestId)).status;
}

const REFUSAL_MESSAGES: Record<RefusalReason, MessageKey> = {
  no_data: 'refusedNoData',
  not_applicable: 'refusedNotApplicable',
  compelling_grounds: 'refusedCompellingGrounds',
  exemption: 'refusedExemption',
  other: 'refusedOther',
};

function refusalExplanation(lang: Language, c: Classification): string {
  return `${message(lang, REFUSAL_MESSAGES[c.refusalReason ?? 'other'])} ${message(lang, 'refusedNext')}`;
}

async function applyExtension(
  request: RequestRecord,
  provider: Provider,
  c: Classification,
  facts: ReplyFacts,
  notify: (note?: string) => Promise<void>,
  say: (key: MessageKey, vars?: Record<string, string | undefined>) => string,
  jurisdiction: string,
): Promise<void> {
  const ref = { submissionId: request.submissionId, requestId: request.id };
  // The same place and receipt day as the first deadline (dispatch.ts).
  const place = deadlinePlaceFor(provider, request.law, jurisdiction);
  const sentDate = request.sentAt ? receiptDate(new Date(request.sentAt), place.timeZones) : undefined;
  if (request.extended || !sentDate || !request.dueDate) return;
  if (request.basis === 'ccpa-opt-out') {
    await notify(say('extensionNotAllowed', { provider: provider.name, due: request.dueDate }));
    return;
  }
  // GDPR Art. 12(3), the CCPA rules and the US state acts: the extension must be claimed within the
  // first period; a late claim moves nothing.
  if (Date.parse(facts.at) > deadlineEnd(request.dueDate, place.timeZones).getTime()) {
    await notify(say('extensionLate', { provider: provider.name, due: request.dueDate }));
    return;
  }
  // The period the company named, within at most two further months (GDPR) or 45 more days (CCPA
  // deletion, US state acts); the legal maximum when it named none (deadlines/extension.ts).
  const claim = { months: c.extensionMonths, days: c.extensionDays, until: c.extensionUntil };
  const extension = extendedDueDate({ basis: request.basis, receipt: sentDate, claimedOn: toDateString(new Date(facts.at)), claim, place });
  const extendedDue = extension.due;
  const named = c.extensionUntil
    ? ` until ${c.extensionUntil.replace(/^--/, '')}`
    : c.extensionDays
      ? ` for ${c.extensionDays} days`
      : c.extensionMonths
        ? ` for ${c.extensionMonths} months`
        : '';
  const moved = await applyEvent(ref, 'reply_extension', {
    extended: true,
    dueDate: extendedDue,
  });
  if (moved) {
    await addEvent({
      ...ref,
      // Events sort by time, then key: this one shares the reply's time and must follow the reply.
      key: `${facts.eventKey}#extension`,
      at: facts.at,
      kind: 'deadline_extended',
      detail: `Deadline moved once from ${request.dueDate} to ${extendedDue} (extension claimed${named}; the law allows one extension, to ${extension.maximum} at the latest).`,
    });
    await notify(say('extended', { provider: provider.name, due: extendedDue }));
  }
}
