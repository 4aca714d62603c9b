// Status emails to the person: one summary after dispatch, then one short mail per status change.
// Each is claimed with a conditional write before it is sent, so a re-run never mails twice.
import { getCatalog } from '../core/providers/catalog.ts';
import { render } from '../core/templates.ts';
import type { Language, RequestStatus } from '../core/model.ts';
import { config } from '../adapters/config.ts';
import { sendMail } from '../adapters/mailer.ts';
import { getRequest, getSubmission, listRequests, putItem, type RequestRecord } from '../data/store.ts';
import { sign } from '../adapters/signing.ts';

const STATUS_TEXT: Record<Language, Record<RequestStatus, string>> = {
  en: {
    queued: 'waiting to be sent',
    sent: 'sent, waiting for an answer',
    acknowledged: 'received by the company, waiting for its decision',
    confirmed: 'confirmed: done',
    refused: 'refused by the company',
    needs_user_action: 'needs you',
    reminded: 'reminder sent after the deadline passed',
    escalated: 'escalated: a complaint draft is ready for you',
    failed: 'failed',
    cancelled: 'cancelled',
  },
  de: {
    queued: 'wartet auf den Versand',
    sent: 'gesendet, wartet auf Antwort',
    acknowledged: 'vom Unternehmen bestätigt erhalten, Entscheidung ausstehend',
    confirmed: 'bestätigt: erledigt',
    refused: 'vom Unternehmen abgelehnt',
    needs_user_action: 'braucht Sie',
    reminded: 'Erinnerung nach Fristablauf gesendet',
    escalated: 'eskaliert: ein Beschwerdeentwurf liegt für Sie bereit',
    failed: 'fehlgeschlagen',
    cancelled: 'abgebrochen',
  },
};

const CHANNEL_TEXT: Record<Language, Record<string, string>> = {
  en: { email: 'letter by email', settings: 'account setting', webform: 'web form', none: 'no channel' },
  de: { email: 'Brief per E-Mail', settings: 'Kontoeinstellung', webform: 'Webformular', none: 'kein Kanal' },
};

export function statusText(lang: Language, status: RequestStatus): string {
  return STATUS_TEXT[lang][status];
}

export function channelText(lang: Language, channel: string): string {
  return CHANNEL_TEXT[lang][channel] ?? channel;
}

function line(lang: Language, request: RequestRecord) {
  return {
    provider: getCatalog().get(request.provider)?.name ?? request.provider,
    identifier: request.identifier,
    channel: channelText(lang, request.channel),
    status: statusText(lang, request.status),
    dueDate: request.dueDate ?? null,
    reference: request.reference,
    userAction: request.status === 'needs_user_action' ? (request.userAction ?? null) : null,
    deepLink: request.status === 'needs_user_action' ? (request.deepLink ?? null) : null,
  };
}

async function statusLink(submissionId: string): Promise<string> {
  return `${config().publicUrl}/status/${submissionId}?t=${await sign('status', submissionId)}`;
}

/** One email listing every request, its channel and its deadline. */
export async function sendSummary(input: { submissionId: string }): Promise<{ submissionId: string }> {
  const submission = await getSubmission(input.submissionId);
  if (!submission) throw new Error(`submission ${input.submissionId} not found`);
  const claimed = await putItem(
    { PK: `SUB#${submission.id}`, SK: 'NOTIFY#summary' },
    { type: 'notification', expiresAt: submission.expiresAt },
    true,
  );
  if (!claimed) return input;
  const { requests } = await listRequests(submission.id);
  const lang = submission.lang;
  await sendMail({
    to: [submission.email],
    subject: render(`emails/summary.${lang}.subject.hbs`, { count: requests.length }).trim(),
    text: render(`emails/summary.${lang}.hbs`, {
      name: submission.name,
      requests: requests.map((r) => line(lang, r)),
      link: await statusLink(submission.id),
    }),
    messageId: `summary.${submission.id}@${config().inboundDomain}`,
    autoSubmitted: true,
  });
  return input;
}

/** A short email about one request's new status; `changeKey` makes it once-only. */
export async function notifyStatusChange(submissionId: string, requestId: string, changeKey: string, note?: string): Promise<void> {
  const submission = await getSubmission(submissionId);
  if (!submission) return;
  const claimed = await putItem(
    { PK: `SUB#${submissionId}`, SK: `NOTIFY#${requestId}#${changeKey}` },
    { type: 'notification', expiresAt: submission.expiresAt },
    true,
  );
  if (!claimed) return;
  const request = await getRequest(submissionId, requestId);
  const lang = submission.lang;
  const view = line(lang, request);
  await sendMail({
    to: [submission.email],
    subject: render(`emails/change.${lang}.subject.hbs`, view).trim(),
    text: render(`emails/change.${lang}.hbs`, { ...view, name: submission.name, note: note ?? null, link: await statusLink(submissionId) }),
    messageId: `change.${submissionId}.${requestId}.${changeKey.replace(/[^\w.-]/g, '')}@${config().inboundDomain}`,
    autoSubmitted: true,
  });
}
