// The signed authorization's life: signed at submit (the text rendered for this person and kept
// verbatim with the typed signature, time, client address and user agent), the verification trail
// added when the address is confirmed, and a PDF of it attached to every letter sent as the person's
// agent. The PDF is stored once as evidence under letters/<submission>/authorization.pdf (so the
// person's download and deletion include it) and rendered again, byte for byte the same, by each
// letter task (those tasks may write evidence but not read it), or taken from the process's recent renders.
import { AUTHORIZATION_VERSION, renderAuthorizationText, sha256, type SignedAuthorization, type VerificationTrail } from '../core/authorization.ts';
import type { Law } from '../core/jurisdiction.ts';
import type { Language } from '../core/model.ts';
import { getProvider, letterAddressee } from '../core/providers/catalog.ts';
import { config } from '../adapters/config.ts';
import { putEvidence } from '../adapters/evidence.ts';
import { renderAuthorizationPdf } from '../adapters/pdf.ts';
import { updateSubmission, type Submission } from '../data/store.ts';

export interface SigningContext {
  clientAddress?: string;
  userAgent?: string;
}

/** The businesses the letters go to: each provider's legal entity for the person's law, once each. */
function businesses(providers: string[], law: Law, jurisdiction: string) {
  const seen = new Set<string>();
  const out: { entity: string; service: string }[] = [];
  for (const slug of providers) {
    if (seen.has(slug)) continue;
    seen.add(slug);
    const provider = getProvider(slug);
    out.push({ entity: letterAddressee(provider, law, jurisdiction).name, service: provider.name });
  }
  return out;
}

/** The authorization the person signs with `signature`, as it is stored on the submission. */
export function signAuthorization(
  input: { name: string; email: string; jurisdiction: string; law: Law; lang: Language; providers: string[]; signature: string },
  now: Date,
  context: SigningContext = {},
): SignedAuthorization {
  const text = renderAuthorizationText({
    lang: input.lang,
    law: input.law,
    jurisdiction: input.jurisdiction,
    person: { name: input.name, email: input.email },
    businesses: businesses(input.providers, input.law, input.jurisdiction),
    agent: { name: config().operatorName, contact: config().fromAddress },
    date: now.toISOString().slice(0, 10),
  });
  return {
    version: AUTHORIZATION_VERSION,
    lang: input.lang,
    text,
    textSha256: sha256(text),
    signature: input.signature,
    signedAt: now.toISOString(),
    clientAddress: context.clientAddress ?? null,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
  };
}

/** The trail of the address confirmation, added to the signed authorization at verify. */
export function verificationTrail(
  submission: Submission,
  confirmedAt: Date,
  method: VerificationTrail['method'],
  context: SigningContext = {},
): VerificationTrail {
  return {
    email: submission.email,
    linkSentAt: submission.createdAt,
    confirmedAt: confirmedAt.toISOString(),
    method,
    clientAddress: context.clientAddress ?? null,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
  };
}

function authorizationEvidenceKey(submissionId: string): string {
  return `letters/${submissionId}/authorization.pdf`;
}

export interface AuthorizationAttachment {
  filename: string;
  content: Buffer;
  contentType: 'application/pdf';
  contentDisposition: 'attachment';
}

/**
 * The signed authorization as a PDF attachment for a letter with `reference`, or undefined for a
 * submission made before authorizations were signed (its letters then claim no signed permission).
 * Stores the PDF as evidence the first time (idempotent: the same bytes every time).
 */
export async function authorizationAttachment(submission: Submission, reference: string): Promise<AuthorizationAttachment | undefined> {
  const record = submission.authorization;
  if (!record) return undefined;
  const pdf = await renderedPdf(record, config().operatorName);
  const evidenceKey = authorizationEvidenceKey(submission.id);
  if (submission.authorizationPdf !== evidenceKey) {
    await putEvidence(evidenceKey, pdf, 'application/pdf');
    await updateSubmission(submission.id, { authorizationPdf: evidenceKey });
  }
  return { filename: `authorization-${reference}.pdf`, content: pdf, contentType: 'application/pdf', contentDisposition: 'attachment' };
}

// Rendering takes 100-300 ms (font subsetting) and gives the same bytes for the same record, while a
// submission's letters go out one after the other: keep the last few PDFs of this process (a warm
// Lambda container, or the local runtime) instead of rendering the same one for every letter.
const RECENT_PDFS = 20;
const recentPdfs = new Map<string, Promise<Buffer>>();

function renderedPdf(record: SignedAuthorization, agentName: string): Promise<Buffer> {
  const id = sha256(JSON.stringify([record, agentName]));
  let pdf = recentPdfs.get(id);
  if (!pdf) {
    pdf = renderAuthorizationPdf(record, agentName);
    pdf.catch(() => recentPdfs.delete(id));
    recentPdfs.set(id, pdf);
    if (recentPdfs.size > RECENT_PDFS) recentPdfs.delete(recentPdfs.keys().next().value!);
  }
  return pdf;
}
