// Status emails to the person: one summary after dispatch; then a change that needs the person (a
// hand-over, identity asked, a failure) is mailed at once, and every other change waits for the
// day's digest: at most one mail per submission per day, listing every change of every request
// (the complaint draft itself is mailed at once by the follow-up). Pending changes and the next
// digest's due time live in the table (functions/data/digest.ts); a light scheduled job sends the
// due ones (sendDueDigests: the hourly Digests function on AWS, a timer in the local runtime).
// Each mail is claimed with a conditional write before it is sent, so a re-run never mails twice.
import { findProvider } from '../core/providers/catalog.ts';
import { render } from '../core/templates.ts';
import type { Language, RequestStatus } from '../core/model.ts';
import { config } from '../adapters/config.ts';
import { sendMail } from '../adapters/mailer.ts';
import { getRequest, getSubmission, listRequests, putItem, type RequestRecord } from '../data/store.ts';
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
import { templateExists } from '../core/templates.ts';
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
    queued: "in attesa di invio",
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

/**
 * Whether a request's status needs the person now (handed over to them: identity asked, another
 * channel, a bounce; or failed): then the change is mailed at once instead of in the digest.
 */
export function needsPersonNow(status: RequestStatus): boolean {
  return reachedBy(status, 'handed_over') || reachedBy(status, 'failed');
}

/** Changes are collected this long (clock time) before a digest goes out, so one turn's changes share it. */
export const DIGEST_COLLECT_MS = 3_600_000;

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
  // Escalated: the complaint draft went to the person at once (app/followup.ts escalate), with the
  // reason (no answer, or the refusal); the digest does not repeat it.
  if (reachedBy(request.status, 'escalated')) return;
  if (!needsPersonNow(request.status)) {
    await queueForDigest(submissionId, submission.expiresAt, { requestId, changeKey, status: request.status, note: note ?? null });
    return;
  }
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

/** Records a change and plans the digest: after DIGEST_COLLECT_MS, and a day after the last one at the earliest. */
async function queueForDigest(submissionId: string, expiresAt: number, change: { requestId: string; changeKey: string; status: RequestStatus; note: string | null }) {
  const now = clock().now();
  await addDigestChange(submissionId, { ...change, at: now.toISOString() }, expiresAt);
  const last = await lastDigestAt(submissionId);
  const due = Math.max(now.getTime() + DIGEST_COLLECT_MS, last ? Date.parse(last) + DAY_MS : 0);
  await planDigest(submissionId, new Date(due).toISOString(), expiresAt);
}

/** Words for a change that is not a new status (a final notice leaves the request reminded). */
const CHANGE_TEXT: Partial<Record<Language, Record<string, string>>> = {
  en: { 'final-notice': 'final notice sent: the complaint comes next if the company stays silent' },
  de: { 'final-notice': 'letzte Mahnung gesendet: bleibt das Unternehmen still, folgt die Beschwerde' },
};

/** The template for `lang`, or the English one where that language has none yet. */
function emailTemplate(name: string, lang: Language): string {
  return templateExists(`emails/${name}.${lang}.hbs`) ? `emails/${name}.${lang}` : `emails/${name}.en`;
}

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
      const template = emailTemplate('digest', lang);
      try {
        await sendMail({
          to: [submission.email],
          subject: render(`${template}.subject.hbs`, { count: items.length }).trim(),
          text: render(`${template}.hbs`, { name: submission.name, changes: items, link: await statusLink(submission.id) }),
          messageId: `digest.${submission.id}.${due.dueAt.replace(/[^\w.-]/g, '')}@${config().inboundDomain}`,
          autoSubmitted: true,
        });
      } catch (error) {
        await releaseDigestClaim(submission.id, due.dueAt);
        throw error;
      }
      sentAt = clock().now().toISOString();
    }
    await deleteDigestChanges(changes.map((c) => c.key));
    await finishDigest(submission.id, due.dueAt, sentAt, submission.expiresAt);
    // Changes recorded while this digest went out wait for the next one (a day later).
    const left = await pendingDigestChanges(submission.id);
    if (left.length > 0) {
      const last = sentAt ?? (await lastDigestAt(submission.id));
      const next = Math.max(clock().now().getTime() + DIGEST_COLLECT_MS, last ? Date.parse(last) + DAY_MS : 0);
      await planDigest(submission.id, new Date(next).toISOString(), submission.expiresAt);
    }
    return sentAt !== undefined;
  }
}
