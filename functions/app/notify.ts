// Status emails to the person: one summary after dispatch; then a change that needs the person (a
// hand-over, identity asked, a failure) is mailed at once, and every other change waits for the
// day's digest: at most one mail per submission per day, listing every change of every request.
// A complaint draft (app/followup.ts escalate) goes out promptly, within PROMPT_COLLECT_MS, attached
// to a mail that lists every pending change: the drafts of requests whose deadlines ran out together
// arrive in one mail instead of one mail each. Pending changes and the next mail's due time live in
// the table (functions/data/digest.ts); a light scheduled job sends the due ones (sendDueDigests: the
// Digests function every 10 minutes on AWS, a timer in the local runtime). Each mail is claimed with
// a conditional write before it is sent, so a re-run never mails twice.
import { findProvider } from '../core/providers/catalog.ts';
import { changeMail, digestMail, summaryMail } from '../core/mail-content.ts';
import type { Language, RequestStatus } from '../core/model.ts';
import { config } from '../adapters/config.ts';
import { type OutgoingMail, sendMail } from '../adapters/mailer.ts';
import { MailServerError } from '../adapters/mail-servers.ts';
import { getEvidence } from '../adapters/evidence.ts';
import { getEvent, getRequest, getSubmission, listRequests, putItem, type RequestRecord } from '../data/store.ts';
import {
  addDigestChange,
  claimDigest,
  deleteDigestChanges,
  dropDigestPointer,
  dueDigests,
  finishDigest,
  lastDigestAt,
  pendingDigestChanges,
  planDigest,
  releaseDigestClaim,
} from '../data/digest.ts';
import { clock, DAY_MS } from '../adapters/clock.ts';
import { reachedBy } from '../core/lifecycle.ts';
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
  fr: {
    queued: "en attente d'envoi",
    sent: 'envoyée, en attente de réponse',
    acknowledged: "reçue par l'entreprise, en attente de sa décision",
    confirmed: 'confirmée : terminé',
    refused: "refusée par l'entreprise",
    needs_user_action: 'requiert votre intervention',
    reminded: 'rappel envoyé après expiration du délai',
    escalated: 'escaladée : un projet de réclamation vous attend',
    failed: 'échec',
    cancelled: 'annulée',
  },
  es: {
    queued: 'pendiente de envío',
    sent: 'enviada, a la espera de respuesta',
    acknowledged: 'recibida por la empresa, a la espera de su decisión',
    confirmed: 'confirmada: hecho',
    refused: 'rechazada por la empresa',
    needs_user_action: 'requiere su intervención',
    reminded: 'recordatorio enviado tras vencer el plazo',
    escalated: 'escalada: tiene listo un borrador de reclamación',
    failed: 'fallida',
    cancelled: 'cancelada',
  },
  it: {
    queued: 'in attesa di invio',
    sent: 'inviata, in attesa di risposta',
    acknowledged: 'ricevuta dalla società, in attesa della sua decisione',
    confirmed: 'confermata: fatto',
    refused: 'respinta dalla società',
    needs_user_action: 'richiede il suo intervento',
    reminded: 'sollecito inviato dopo la scadenza del termine',
    escalated: 'escalation: una bozza di reclamo è pronta per lei',
    failed: 'non riuscita',
    cancelled: 'annullata',
  },
  nl: {
    queued: 'wacht op verzending',
    sent: 'verstuurd, wacht op antwoord',
    acknowledged: 'ontvangen door het bedrijf, wacht op zijn beslissing',
    confirmed: 'bevestigd: klaar',
    refused: 'geweigerd door het bedrijf',
    needs_user_action: 'heeft u nodig',
    reminded: 'herinnering verstuurd na het verstrijken van de termijn',
    escalated: 'geëscaleerd: er ligt een conceptklacht voor u klaar',
    failed: 'mislukt',
    cancelled: 'geannuleerd',
  },
  pl: {
    queued: 'oczekuje na wysłanie',
    sent: 'wysłane, oczekuje na odpowiedź',
    acknowledged: 'otrzymane przez firmę, oczekuje na jej decyzję',
    confirmed: 'potwierdzone: załatwione',
    refused: 'odrzucone przez firmę',
    needs_user_action: 'wymaga Państwa działania',
    reminded: 'wysłano przypomnienie po upływie terminu',
    escalated: 'eskalacja: projekt skargi czeka na Państwa',
    failed: 'nieudane',
    cancelled: 'anulowane',
  },
};

const CHANNEL_TEXT: Record<Language, Record<string, string>> = {
  en: { email: 'letter by email', settings: 'account setting', webform: 'web form', none: 'no channel' },
  de: { email: 'Brief per E-Mail', settings: 'Kontoeinstellung', webform: 'Webformular', none: 'kein Kanal' },
  fr: { email: 'courrier par e-mail', settings: 'paramètre du compte', webform: 'formulaire en ligne', none: 'aucun canal' },
  es: { email: 'escrito por correo electrónico', settings: 'ajuste de la cuenta', webform: 'formulario web', none: 'ningún canal' },
  it: { email: 'lettera via e-mail', settings: "impostazione dell'account", webform: 'modulo web', none: 'nessun canale' },
  nl: { email: 'brief per e-mail', settings: 'accountinstelling', webform: 'webformulier', none: 'geen kanaal' },
  pl: { email: 'pismo e-mailem', settings: 'ustawienie konta', webform: 'formularz internetowy', none: 'brak kanału' },
};

export function statusText(lang: Language, status: RequestStatus): string {
  return STATUS_TEXT[lang][status];
}

export function channelText(lang: Language, channel: string): string {
  return CHANNEL_TEXT[lang][channel] ?? channel;
}

function line(lang: Language, request: RequestRecord) {
  return {
    provider: findProvider(request.provider)?.name ?? request.provider,
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

/**
 * Sends a mail to the person; false when it could not go and that is not worth failing the task for.
 * In personal mode it goes through the person's own SMTP server, the same that sends the letters:
 * when that server refuses it for good (a From address it does not accept, which stops the letters
 * too), trying again cannot help and failing the task would only raise the "failure not recorded"
 * alarm for a failure that is recorded. What the mail would have said is on the status page; the
 * person runs the app in a terminal, so the console tells them, in one line, and the log has it too.
 */
async function mailPerson(mail: OutgoingMail, what: string, submissionId: string): Promise<boolean> {
  try {
    await sendMail(mail);
    return true;
  } catch (error) {
    if (!config().personal || !(error instanceof MailServerError) || error.$retryable) throw error;
    console.error(
      JSON.stringify({
        level: 'warn',
        msg: 'mail to the person refused by their own SMTP server',
        what,
        submissionId,
        setting: error.setting,
        error: error.message,
      }),
    );
    console.log(`Could not mail you ${what}: ${error.message} It is on your status page: ${await statusLink(submissionId)}`);
    return false;
  }
}

/** One email listing every request, its channel and its deadline. */
export async function sendSummary(input: { submissionId: string }): Promise<{ submissionId: string }> {
  const submission = await getSubmission(input.submissionId);
  if (!submission) throw new Error(`submission ${input.submissionId} not found`);
  const claimed = await putItem({ PK: `SUB#${submission.id}`, SK: 'NOTIFY#summary' }, { type: 'notification', expiresAt: submission.expiresAt }, true);
  if (!claimed) return input;
  const { requests } = await listRequests(submission.id);
  const lang = submission.lang;
  await mailPerson(
    {
      to: [submission.email],
      ...summaryMail(lang, {
        name: submission.name,
        requests: requests.map((r) => line(lang, r)),
        link: await statusLink(submission.id),
        personal: config().personal,
      }),
      messageId: `summary.${submission.id}@${config().inboundDomain}`,
      autoSubmitted: true,
    },
    'the summary of your requests',
    submission.id,
  );
  return input;
}

/**
 * Whether a request's status needs the person now (handed over to them: identity asked, another
 * channel, a bounce; or failed): then the change is mailed at once instead of in the digest.
 */
function needsPersonNow(status: RequestStatus): boolean {
  return reachedBy(status, 'handed_over') || reachedBy(status, 'failed');
}

/** Changes are collected this long (clock time) before a digest goes out, so one turn's changes share it. */
export const DIGEST_COLLECT_MS = 3_600_000;

/**
 * A complaint draft waits this long (clock time) for the drafts of the other requests escalating in
 * the same follow-up turn; with the scheduled job's 10 minutes, it reaches the person within 15.
 */
export const PROMPT_COLLECT_MS = 300_000;

/** The file name of a request's complaint draft, attached to the person's mail. */
export function complaintFileName(providerSlug: string, reference: string): string {
  return `complaint-${providerSlug.replace(/[^a-z0-9-]/gi, '-')}-${reference}.eml`;
}

/**
 * One request's new status; `changeKey` makes it once-only. Mailed at once when the request needs the
 * person (needsPersonNow), otherwise recorded for the submission's next digest.
 */
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
  // Escalated: the complaint draft is ready (filed by app/followup.ts escalate); it goes out promptly,
  // attached to one mail with every other draft ready by then.
  if (reachedBy(request.status, 'escalated')) {
    await queueForDigest(submissionId, submission.expiresAt, { requestId, changeKey, status: request.status, note: note ?? null, prompt: true });
    return;
  }
  if (!needsPersonNow(request.status)) {
    await queueForDigest(submissionId, submission.expiresAt, { requestId, changeKey, status: request.status, note: note ?? null });
    return;
  }
  const lang = submission.lang;
  const view = line(lang, request);
  await mailPerson(
    {
      to: [submission.email],
      ...changeMail(lang, { ...view, name: submission.name, note: note ?? null, link: await statusLink(submissionId) }),
      messageId: `change.${submissionId}.${requestId}.${changeKey.replace(/[^\w.-]/g, '')}@${config().inboundDomain}`,
      autoSubmitted: true,
    },
    `the news about your request to ${view.provider} (ref ${view.reference}: ${view.status})`,
    submissionId,
  );
}

/**
 * Records a change and plans the mail that carries it: a prompt change after PROMPT_COLLECT_MS,
 * any other after DIGEST_COLLECT_MS and a day after the last digest at the earliest.
 */
async function queueForDigest(
  submissionId: string,
  expiresAt: number,
  change: { requestId: string; changeKey: string; status: RequestStatus; note: string | null; prompt?: boolean },
) {
  const now = clock().now();
  await addDigestChange(submissionId, { ...change, at: now.toISOString() }, expiresAt);
  await planNext(submissionId, expiresAt, change.prompt === true);
}

async function planNext(submissionId: string, expiresAt: number, prompt: boolean, last?: string) {
  const now = clock().now().getTime();
  if (prompt) {
    await planDigest(submissionId, new Date(now + PROMPT_COLLECT_MS).toISOString(), expiresAt, 'prompt');
    return;
  }
  const lastAt = last ?? (await lastDigestAt(submissionId));
  const due = Math.max(now + DIGEST_COLLECT_MS, lastAt ? Date.parse(lastAt) + DAY_MS : 0);
  await planDigest(submissionId, new Date(due).toISOString(), expiresAt);
}

/** Words for a change that is not a new status (a final notice leaves the request reminded). */
const CHANGE_TEXT: Partial<Record<Language, Record<string, string>>> = {
  en: { 'final-notice': 'final notice sent: the complaint comes next if the company stays silent' },
  de: { 'final-notice': 'letzte Aufforderung gesendet: bleibt das Unternehmen still, folgt die Beschwerde' },
};

/**
 * Sends the digests that are due (at most `limit`), each once: every pending change of every request
 * of the submission, oldest first. Run by a light scheduled job (no browser). Returns how many went out.
 */
export async function sendDueDigests(limit = 25): Promise<number> {
  let sent = 0;
  for (const due of await dueDigests(clock().now().toISOString(), limit)) {
    try {
      if (await sendDigest(due)) sent += 1;
    } catch (error) {
      // Left planned: the next run tries again. The others go on.
      console.error(JSON.stringify({ level: 'error', msg: 'digest failed', submissionId: due.submissionId, error: (error as Error).message }));
    }
  }
  return sent;
}

async function sendDigest(due: { submissionId: string; dueAt: string; key: { PK: string; SK: string } }): Promise<boolean> {
  {
    const submission = await getSubmission(due.submissionId);
    if (!submission) {
      await dropDigestPointer(due.key); // deleted by the person, or past retention: nothing to tell
      return false;
    }
    const changes = await pendingDigestChanges(submission.id);
    let sentAt: string | undefined;
    if (changes.length > 0 && (await claimDigest(submission.id, due.dueAt, submission.expiresAt))) {
      const lang = submission.lang;
      const { requests } = await listRequests(submission.id);
      const byId = new Map(requests.map((r) => [r.id, r]));
      const items = changes.flatMap((change) => {
        const request = byId.get(change.requestId);
        if (!request) return [];
        const view = line(lang, { ...request, status: change.status as RequestStatus });
        const kind = change.changeKey.split(':')[0]!;
        const status = CHANGE_TEXT[lang]?.[kind] ?? CHANGE_TEXT.en?.[kind] ?? view.status;
        return [{ ...view, status, date: change.at.slice(0, 10), note: change.note }];
      });
      const attachments = await complaintDrafts(submission.id, changes, byId);
      let delivered: boolean;
      try {
        delivered = await mailPerson(
          {
            to: [submission.email],
            ...digestMail(lang, {
              name: submission.name,
              changes: items,
              link: await statusLink(submission.id),
              drafts: attachments.length,
              personal: config().personal,
            }),
            attachments: attachments.length > 0 ? attachments : undefined,
            messageId: `digest.${submission.id}.${due.dueAt.replace(/[^\w.-]/g, '')}@${config().inboundDomain}`,
            autoSubmitted: true,
          },
          `the news about ${items.length} of your requests`,
          submission.id,
        );
      } catch (error) {
        await releaseDigestClaim(submission.id, due.dueAt);
        throw error;
      }
      // Refused for good in personal mode (mailPerson): the changes are on the status page; not retried.
      if (delivered) sentAt = clock().now().toISOString();
    }
    await deleteDigestChanges(changes.map((c) => c.key));
    await finishDigest(submission.id, due.dueAt, sentAt, submission.expiresAt);
    // Changes recorded while this mail went out wait for the next one: a prompt one for a complaint
    // draft, otherwise the next day's digest.
    const left = await pendingDigestChanges(submission.id);
    if (left.length > 0)
      await planNext(
        submission.id,
        submission.expiresAt,
        left.some((c) => c.prompt),
        sentAt,
      );
    return sentAt !== undefined;
  }
}

/**
 * The complaint drafts among the changes, as attachments: each escalated request's draft exactly as
 * the outbox filed it (the evidence key comes from the request's own escalation event).
 */
async function complaintDrafts(
  submissionId: string,
  changes: { requestId: string; changeKey: string }[],
  requests: Map<string, RequestRecord>,
): Promise<{ filename: string; content: Buffer; contentType: string; contentDisposition: 'attachment' }[]> {
  const drafts = [];
  for (const change of changes) {
    const request = requests.get(change.requestId);
    if (change.changeKey !== 'escalated' || !request) continue;
    const evidenceKey = (await getEvent(submissionId, request.id, 'escalation'))?.evidence?.[0];
    if (!evidenceKey) continue;
    drafts.push({
      filename: complaintFileName(request.provider, request.reference),
      content: await getEvidence(evidenceKey),
      contentType: 'message/rfc822',
      contentDisposition: 'attachment' as const,
    });
  }
  return drafts;
}
