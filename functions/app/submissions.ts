// Use cases of the web form: submit, verify the email address, read the status, confirm or cancel.
import { z } from 'zod';
import { defaultLanguage, JurisdictionSchema, lawFor } from '../core/jurisdiction.ts';
import { findProvider, getProvider } from '../core/providers/catalog.ts';
import { config } from '../adapters/config.ts';
import { clock } from '../adapters/clock.ts';
import { sign, verifySignature } from '../adapters/signing.ts';
import { sendMail } from '../adapters/mailer.ts';
import { verifyMail } from '../core/mail-content.ts';
import { startSubmissionWorkflow } from '../adapters/workflow.ts';
import {
  addEvent,
  createSubmission,
  expiresAt,
  getSubmission,
  listRequests,
  newId,
  transitionSubmission,
  type EventRecord,
  type RequestRecord,
  type Submission,
} from '../data/store.ts';
import { LANGUAGES, type Language, type RequestStatus } from '../core/model.ts';
import { isClosed } from '../core/lifecycle.ts';
import { applyEvent } from '../data/lifecycle.ts';
import { Conflict, NotFound, parseInput, ValidationError } from './errors.ts';
import { multiLine, singleLine, textProblem, textRules } from '../core/text-rules.ts';
import { identifierProblem, MAX_IDENTIFIER_CHARS } from '../core/identifiers.ts';
import { GroundsSchema } from '../core/grounds.ts';
import { signatureMatches } from '../core/authorization.ts';
import { signAuthorization, verificationTrail, type SigningContext } from './authorization.ts';
import { notifyStatusChange } from './notify.ts';
import { extendSessions, saveSession } from './sessions.ts';
import { admitSubmission } from './limits.ts';
import { parseCookieExport } from '../browser/cookies.ts';

/** Whether a deployment limited to `allowed` codes (or the groups EU, EEA) serves `jurisdiction`. */
export function jurisdictionAllowed(jurisdiction: string, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  const code = jurisdiction.toUpperCase();
  const groups = lawFor(code) === 'gdpr' ? ['EU', 'EEA'] : [];
  // A German Land is served where its country is ("DE" allows "DE-BE").
  if (/^DE-/.test(code)) groups.push('DE');
  return allowed.includes(code) || groups.some((g) => allowed.includes(g));
}

/** `personal`: personal mode, where the letters are the person's own (no agent, nothing to sign). */
export function submissionSchema(maxAccounts: number, allowedJurisdictions: string[] = [], personal = false) {
  // Strict objects: a key we do not know is refused (and named), never stored.
  return z
    .strictObject(
      {
        // Names and identifiers are shown to people: every character visible (core/text-rules.ts).
        name: singleLine(200, { visibleOnly: true }),
        email: z
          .string({ message: 'must be a text: an email address' })
          .trim()
          .toLowerCase()
          .max(254, 'is too long (254 characters at most)')
          .pipe(z.email('is not a valid email address')),
        jurisdiction: JurisdictionSchema.refine((code) => jurisdictionAllowed(code, allowedJurisdictions), {
          message: `is not served by this deployment (it serves ${allowedJurisdictions.join(', ')})`,
        }),
        accounts: z
          .array(
            z.strictObject({
              provider: z
                .string({ message: 'must be a text: a provider slug from GET /api/providers' })
                // Before trimming: a CR/LF around the slug is refused, not silently cut off.
                .superRefine(textRules())
                .trim()
                .toLowerCase()
                // A curated slug, or a long-tail company "dn:<slug>" (GET /api/companies); one a curated
                // provider covers becomes that provider's slug (the curated catalog wins).
                .refine((slug) => findProvider(slug) !== undefined, {
                  message: 'is not a provider in the catalog (see GET /api/providers and GET /api/companies)',
                })
                .transform((slug) => findProvider(slug)?.slug ?? slug),
              identifier: singleLine(MAX_IDENTIFIER_CHARS, { visibleOnly: true }),
              /** An exported cookie file of the person's logged-in session, for the browser channel. */
              session: multiLine(200_000).optional(),
              keepSession: z.boolean({ message: 'must be true or false' }).default(false),
            }),
            { message: 'must be a list of accounts' },
          )
          .min(1, 'must list at least one account')
          .max(maxAccounts, `may list at most ${maxAccounts} accounts`),
        consent: z.literal(true, { message: 'must be true: the person instructs us to send these requests' }),
        /**
         * The person's full name, typed as their signature under the authorization text (core/authorization.ts).
         * Every letter goes out as their authorized agent, so every submission needs it. In personal mode
         * the letters go out as the person's own: none is asked for, and one sent anyway is ignored.
         */
        signature: personal
          ? z
              .unknown()
              .optional()
              .transform((): string | undefined => undefined)
          : z.string({ message: 'is required: type your full name as your signature under the authorization' }).pipe(singleLine(200, { visibleOnly: true })),
        /** The person's language for emails and pages; by default the main language of their jurisdiction. */
        lang: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }).optional(),
        /** Optional: the person's own grounds for a GDPR objection (core/grounds.ts), stated in its letters. */
        grounds: GroundsSchema.optional(),
      },
      { message: 'must be a JSON object' },
    )
    .superRefine((input, ctx) => {
      // (An empty signature or name has its own issue already.)
      const readable = (text: string | undefined): text is string => !!text && !textProblem(text);
      if (readable(input.name) && readable(input.signature) && !signatureMatches(input.name, input.signature)) {
        ctx.addIssue({ code: 'custom', path: ['signature'], message: 'must be your full name as given in name (type it as your signature)' });
      }
      const seen = new Set<string>();
      input.accounts.forEach((account, i) => {
        const id = `${account.provider}\n${account.identifier.toLowerCase()}`;
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['accounts', i], message: 'lists the same account twice' });
        seen.add(id);
        const provider = findProvider(account.provider);
        // The identifiers go into the verification mail: no link or domain of the submitter's choosing (core/identifiers.ts).
        const misleading = provider && readable(account.identifier) ? identifierProblem(account.identifier, provider) : undefined;
        if (misleading) ctx.addIssue({ code: 'custom', path: ['accounts', i, 'identifier'], message: misleading });
        if (account.session && provider) {
          try {
            if (parseCookieExport(account.session, provider.origins).length === 0) {
              ctx.addIssue({ code: 'custom', path: ['accounts', i, 'session'], message: `holds no cookie for ${provider.name}` });
            }
          } catch (error) {
            ctx.addIssue({ code: 'custom', path: ['accounts', i, 'session'], message: (error as Error).message });
          }
        }
      });
    });
}
export type SubmissionInput = z.infer<ReturnType<typeof submissionSchema>>;

export function parseSubmission(body: unknown): SubmissionInput {
  return parseInput(submissionSchema(config().maxAccounts, config().allowedJurisdictions, config().personal), body, 'invalid submission');
}

export async function statusToken(id: string): Promise<string> {
  return sign('status', id);
}

export async function statusUrl(id: string): Promise<string> {
  return `${config().publicUrl}/status/${id}?t=${await statusToken(id)}`;
}

async function verifyToken(id: string): Promise<string> {
  return `${id}.${await sign('verify', id)}`;
}

/** When an unconfirmed submission, and any session given with it, is deleted (TTL, local sweep). */
function unverifiedExpiry(now: Date): number {
  return Math.floor((now.getTime() + config().unverifiedHours * 3_600_000) / 1000);
}

/**
 * Stores the submission (one item: nothing half-written) and mails the verification link, within the
 * abuse limits (app/limits.ts). `clientAddress` is the caller's network address, for the per-client limit;
 * it and the user agent are kept with the signed authorization (app/authorization.ts).
 */
export async function submit(
  body: unknown,
  clientAddress?: string,
  userAgent?: string,
): Promise<{ id: string; status: 'awaiting_verification' } | { id: string; status: 'verified'; statusUrl: string }> {
  const input = parseSubmission(body);
  // Personal mode: letters go From the person's own mailbox, so only its address can submit.
  if (config().personal && input.email !== config().fromAddress.toLowerCase()) {
    throw new ValidationError('invalid submission', [
      { path: 'email', message: `must be your own address ${config().fromAddress} (personal mode sends From it; see optout setup)` },
    ]);
  }
  await admitSubmission(input.email, clientAddress);
  const now = clock().now();
  const id = newId(12);
  // Sessions first: if we stop between these writes, what is left is a sealed session nobody can
  // reach (it expires with the retention TTL), never a submission whose session went missing.
  for (const account of input.accounts) {
    if (!account.session) continue;
    const provider = getProvider(account.provider);
    await saveSession(id, provider.slug, parseCookieExport(account.session, provider.origins), account.keepSession, unverifiedExpiry(now));
  }
  const lang = input.lang ?? defaultLanguage(input.jurisdiction);
  // Personal mode: the person writes for themselves; there is no agent, so no authorization to keep.
  const authorization = config().personal
    ? undefined
    : signAuthorization(
        { ...input, signature: input.signature ?? '', law: lawFor(input.jurisdiction), lang, providers: input.accounts.map((a) => a.provider) },
        now,
        { clientAddress, userAgent },
      );
  const submission: Submission = {
    id,
    name: input.name,
    email: input.email,
    jurisdiction: input.jurisdiction,
    lang,
    status: 'awaiting_verification',
    accounts: input.accounts.map(({ provider, identifier }) => ({ provider, identifier })),
    ...(input.grounds ? { grounds: input.grounds } : {}),
    createdAt: now.toISOString(),
    ...(authorization ? { authorization } : {}),
    // Unconfirmed: kept for hours, not for the retention period. Confirming extends it (verify()).
    expiresAt: unverifiedExpiry(now),
  };
  await createSubmission(submission);
  // Personal mode: no double opt-in. The address is the person's own, proven in `optout setup` (the
  // SMTP login), and this local form is theirs alone; confirm at once and start the workflow.
  if (config().personal) {
    const verified = await verify(await verifyToken(submission.id), 'GET /api/verify', { clientAddress, userAgent });
    return { id: submission.id, status: 'verified', statusUrl: verified.statusUrl };
  }
  const link = `${config().publicUrl}/verify?token=${await verifyToken(submission.id)}`;
  const accounts = submission.accounts.map((a) => ({ provider: getProvider(a.provider).name, identifier: a.identifier }));
  await sendMail({
    to: [submission.email],
    // Nothing the submitter typed goes into this mail but the account list: the form must not be a
    // way to mail a text of one's choosing to any address.
    ...verifyMail(submission.lang, { link, accounts, hours: config().unverifiedHours }),
    messageId: `verify.${submission.id}@${config().inboundDomain}`,
    autoSubmitted: true,
  });
  return { id: submission.id, status: 'awaiting_verification' };
}

/** The submission a verification link belongs to, without changing anything (NotFound if forged). */
export async function checkVerifyToken(token: string | undefined): Promise<Submission> {
  const [id, signature] = (token ?? '').split('.');
  if (!id || !signature || !(await verifySignature('verify', id, signature))) {
    throw new NotFound('this verification link is not valid');
  }
  const submission = await getSubmission(id);
  if (!submission) throw new NotFound('this verification link is not valid');
  return submission;
}

/**
 * Confirms the address: marks it verified, adds the verification trail to the signed authorization
 * (`method`: the button's POST, or the API's GET; `context`: who confirmed), and starts the workflow (idempotent).
 */
export async function verify(
  token: string | undefined,
  method: 'POST /verify' | 'GET /api/verify' = 'GET /api/verify',
  context: SigningContext = {},
): Promise<{ id: string; statusUrl: string; lang: Language }> {
  const submission = await checkVerifyToken(token);
  const id = submission.id;
  if (submission.status === 'cancelled') throw new Conflict('this submission was cancelled');
  if (submission.status === 'awaiting_verification') {
    // Sessions first, so a crash in between leaves the submission unconfirmed (the link works again).
    await extendSessions(id, [...new Set(submission.accounts.map((a) => a.provider))], expiresAt());
    const now = clock().now();
    const authorization = submission.authorization && { ...submission.authorization, verification: verificationTrail(submission, now, method, context) };
    await transitionSubmission(id, ['awaiting_verification'], 'verified', {
      verifiedAt: now.toISOString(),
      expiresAt: expiresAt(),
      ...(authorization ? { authorization } : {}),
    });
  }
  // Starting is idempotent (execution name = submission id), so a second click, or a crash between
  // the two writes above and here, is mended by clicking the link again.
  await startSubmissionWorkflow(id);
  return { id, statusUrl: await statusUrl(id), lang: submission.lang };
}

export interface RequestView {
  id: string;
  provider: string;
  providerName: string;
  identifier: string;
  channel: string;
  target: string | null;
  basis: string;
  status: RequestStatus;
  reference: string;
  dueAt: string | null;
  userAction: string | null;
  deepLink: string | null;
  events: { at: string; kind: string; detail: string; evidence: string[] }[];
}

export interface SubmissionView {
  id: string;
  status: string;
  name: string;
  jurisdiction: string;
  /** The person's language: their pages and emails use it. */
  lang: Language;
  createdAt: string;
  requests: RequestView[];
}

async function authorized(id: string, token: string | undefined): Promise<Submission> {
  // A wrong token and an unknown id look the same from outside.
  if (!token || !(await verifySignature('status', id, token))) throw new NotFound('submission not found');
  const submission = await getSubmission(id);
  if (!submission) throw new NotFound('submission not found');
  return submission;
}

export function toRequestView(request: RequestRecord, events: EventRecord[]): RequestView {
  return {
    id: request.id,
    provider: request.provider,
    providerName: findProvider(request.provider)?.name ?? request.provider,
    identifier: request.identifier,
    channel: request.channel,
    target: request.target ?? null,
    basis: request.basis,
    status: request.status,
    reference: request.reference,
    dueAt: request.dueDate ?? null,
    userAction: request.userAction ?? null,
    deepLink: request.deepLink ?? null,
    events: events.filter((e) => e.requestId === request.id).map((e) => ({ at: e.at, kind: e.kind, detail: e.detail, evidence: e.evidence ?? [] })),
  };
}

export async function getStatus(id: string, token: string | undefined): Promise<SubmissionView> {
  const submission = await authorized(id, token);
  const { requests, events } = await listRequests(id);
  return {
    id,
    status: submission.status,
    name: submission.name,
    jurisdiction: submission.jurisdiction,
    lang: submission.lang,
    createdAt: submission.createdAt,
    requests: requests.map((r) => toRequestView(r, events)),
  };
}

const PERSON_ACTIONS = {
  confirm: { event: 'person_confirmed', kind: 'confirmed_by_person', detail: 'You marked this request as confirmed.' },
  cancel: { event: 'person_cancelled', kind: 'cancelled_by_person', detail: 'You cancelled this request.' },
} as const;

/** The person marks a request confirmed or cancels it; either ends its follow-up loop. */
export async function personAction(id: string, token: string | undefined, requestId: string, action: keyof typeof PERSON_ACTIONS): Promise<void> {
  await authorized(id, token);
  const { requests } = await listRequests(id);
  const request = requests.find((r) => r.id === requestId);
  if (!request) throw new NotFound(`request ${requestId} not found`);
  if (isClosed(request.status)) throw new Conflict(`request ${requestId} is already ${request.status}`);
  const step = PERSON_ACTIONS[action];
  if (!(await applyEvent({ submissionId: id, requestId }, step.event, {}, request.status))) {
    throw new Conflict(`request ${requestId} changed meanwhile; reload the page`);
  }
  const at = clock().now().toISOString();
  await addEvent({ submissionId: id, requestId, at, kind: step.kind, detail: step.detail });
  await notifyStatusChange(id, requestId, `${step.kind}:${at}`);
}
