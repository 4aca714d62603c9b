// The person's own data, from their status page: download everything held about them as one zip,
// or delete everything. Both are authorized by the status link's token alone, and a wrong token looks
// like an unknown id (404).
//
// Deletion runs in an order that leaves nothing half-written and can be repeated after a crash:
//   1. the submission item becomes a tombstone (conditional write). From then on every page, API call
//      and session upload answers 404, and every workflow step ends quietly (functions/handlers/gone.ts);
//   2. the workflow execution is stopped, so no reminder or notice follows;
//   3. the pointers outside the submission's partition (Message-ID pointers, inbound-mail records,
//      browser-job pointers), found through the items in it;
//   4. every item in the partition (requests, events, sessions, notification claims);
//   5. the evidence (letters/, replies/, screenshots/ of the submission), every stored version;
//   6. one last mail to the person, and the tombstone forgets the address.
// A repeat finds the tombstone still "pending" and runs steps 2-6 again (each is idempotent); once
// it is done, the id answers 404 like any unknown one.
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { findProvider } from '../core/providers/catalog.ts';
import { deletedMail } from '../core/mail-content.ts';
import type { Language } from '../core/model.ts';
import { config } from '../adapters/config.ts';
import { clock } from '../adapters/clock.ts';
import { deleteSubmissionEvidence, getEvidence } from '../adapters/evidence.ts';
import { sendMail } from '../adapters/mailer.ts';
import { verifySignature } from '../adapters/signing.ts';
import { stopSubmissionWorkflow } from '../adapters/workflow.ts';
import {
  beginErasure,
  claimErasureMail,
  deleteBrowserJobPointers,
  deleteInboundMailRecords,
  deleteItems,
  deleteMessagePointers,
  finishErasure,
  releaseErasureMail,
  submissionItems,
  type Tombstone,
} from '../data/erase.ts';
import { getSubmission, type EventRecord, type RequestRecord, type Submission } from '../data/store.ts';
import { NotFound } from './errors.ts';

async function tokenValid(id: string, token: string | undefined): Promise<boolean> {
  return !!token && (await verifySignature('status', id, token));
}

async function authorized(id: string, token: string | undefined): Promise<Submission> {
  const submission = (await tokenValid(id, token)) ? await getSubmission(id) : undefined;
  if (!submission) throw new NotFound('submission not found');
  return submission;
}

// ---- download ----

/** Evidence keys the workflow writes for this submission and request; anything else is not exported. */
function evidencePattern(submissionId: string, requestId: string): RegExp {
  const id = submissionId.replace(/[^\w-]/g, '');
  const rid = requestId.replace(/[^\w-]/g, '');
  return new RegExp(`^(letters|replies|screenshots)/${id}/${rid}/([\\w.-]+)$`);
}

export interface PersonalDataExport {
  filename: string;
  zip: Buffer;
}

/**
 * Everything held about the person: timeline.json (the submission as they gave it, each request with
 * its events) and every evidence file those events name, under <request>-<provider>/<folder>/. Only
 * keys read from this submission's own event items reach the evidence store.
 */
export async function exportPersonalData(id: string, token: string | undefined): Promise<PersonalDataExport> {
  const submission = await authorized(id, token);
  const { requests, events, sessions } = await submissionItems(id);
  requests.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  events.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  const files: Zippable = {};
  const missing: string[] = [];
  const exported = new Map<string, string>();

  const requestOf = new Map(requests.map((r) => [r.id, r]));
  for (const event of events) {
    const request = requestOf.get(event.requestId);
    if (!request) continue;
    for (const ref of event.evidence ?? []) {
      const match = evidencePattern(id, request.id).exec(ref);
      if (!match || exported.has(ref)) continue;
      // A long-tail slug (dn:acme) has a colon, which no file name on Windows may hold.
      const path = `${request.id}-${request.provider.replace(/[^a-z0-9-]/g, '-')}/${match[1]}/${match[2]}`;
      try {
        const body = await getEvidence(ref);
        // Screenshots are compressed already; letters and replies are text.
        files[path] = [new Uint8Array(body), { level: ref.endsWith('.png') ? 0 : 6 }];
        exported.set(ref, path);
      } catch {
        missing.push(ref); // past retention, or never written (a crash before the upload)
      }
    }
  }

  if (submission.authorizationPdf) {
    try {
      files['authorization.pdf'] = [new Uint8Array(await getEvidence(submission.authorizationPdf)), { level: 6 }];
    } catch {
      missing.push(submission.authorizationPdf);
    }
  }

  const timeline = {
    exportedAt: clock().now().toISOString(),
    about:
      'Everything Optout Autopilot holds about this submission: what you gave us, each request with its history, and the letters, replies and screenshots named in that history (in the folders beside this file). Provider sessions are listed, their cookies are not included.',
    submission: {
      id: submission.id,
      name: submission.name,
      email: submission.email,
      jurisdiction: submission.jurisdiction,
      lang: submission.lang,
      status: submission.status,
      createdAt: submission.createdAt,
      verifiedAt: submission.verifiedAt ?? null,
      accounts: submission.accounts,
      grounds: submission.grounds ?? null,
      // The signed authorization as kept: its text, the typed signature, when, from where, and the
      // verification trail; its PDF is authorization.pdf beside this file.
      authorization: submission.authorization ?? null,
    },
    requests: requests.map((r) => requestEntry(r, events, exported)),
    sessions,
    evidenceMissing: missing,
  };
  files['timeline.json'] = [Buffer.from(`${JSON.stringify(timeline, null, 2)}\n`), { level: 6 }];
  const zip = Buffer.from(zipSync(files, { mtime: clock().now() }));
  return { filename: `optout-${id}.zip`, zip };
}

function requestEntry(request: RequestRecord, events: EventRecord[], exported: Map<string, string>) {
  return {
    id: request.id,
    provider: request.provider,
    providerName: findProvider(request.provider)?.name ?? request.provider,
    identifier: request.identifier,
    law: request.law,
    basis: request.basis,
    channel: request.channel,
    target: request.target ?? null,
    status: request.status,
    reference: request.reference,
    createdAt: request.createdAt,
    sentAt: request.sentAt ?? null,
    dueDate: request.dueDate ?? null,
    userAction: request.userAction ?? null,
    deepLink: request.deepLink ?? null,
    events: events
      .filter((e) => e.requestId === request.id)
      .map((e) => ({
        at: e.at,
        kind: e.kind,
        detail: e.detail,
        evidence: (e.evidence ?? []).map((ref) => exported.get(ref) ?? null).filter((path): path is string => path !== null),
        data: e.data ?? {},
      })),
  };
}

// ---- deletion ----

export interface Erased {
  items: number;
  pointers: number;
  evidence: number;
}

/** Deletes everything about the submission (see the order at the top); NotFound for a wrong token or an id already deleted. */
export async function erasePersonalData(id: string, token: string | undefined): Promise<Erased> {
  if (!(await tokenValid(id, token))) throw new NotFound('submission not found');
  const tombstone = await beginErasure(id);
  if (!tombstone) throw new NotFound('submission not found');

  await stopSubmissionWorkflow(id);

  const found = await submissionItems(id);
  const pointers = await deletePointers(id, found.requests, found.events);
  let items = await deleteItems(found.keys);
  const evidence = await deleteSubmissionEvidence(id);

  await sendDeletionMail(tombstone);
  // A step that was already running when the execution stopped may have written after step 4.
  const late = await submissionItems(id);
  items += await deleteItems(late.keys);
  await finishErasure(id);
  console.log(JSON.stringify({ level: 'info', msg: 'submission deleted by the person', submissionId: id, items, pointers, evidence }));
  return { items, pointers, evidence };
}

async function deletePointers(id: string, requests: RequestRecord[], events: EventRecord[]): Promise<number> {
  const messageIds = new Set<string>();
  const hashes = new Set<string>();
  for (const request of requests) {
    if (request.messageId) messageIds.add(request.messageId);
    if (request.sesMessageId) messageIds.add(`${request.sesMessageId}@email.amazonses.com`);
  }
  for (const event of events) {
    const data = event.data ?? {};
    if (typeof data.messageId === 'string') messageIds.add(data.messageId);
    if (typeof data.sesMessageId === 'string' && data.sesMessageId) messageIds.add(`${data.sesMessageId}@email.amazonses.com`);
    // Inbound mail is recorded under the SHA-256 of the raw message, which is the reply's evidence.
    for (const ref of event.evidence ?? []) {
      if (!ref.startsWith(`replies/${id}/`)) continue;
      const raw = await getEvidence(ref).catch(() => undefined);
      if (raw) hashes.add(createHash('sha256').update(raw).digest('hex'));
    }
  }
  return (await deleteMessagePointers(id, messageIds)) + (await deleteInboundMailRecords(id, hashes)) + (await deleteBrowserJobPointers(id));
}

/** The last mail: what was deleted, and that letters already delivered cannot be recalled. Once only. */
async function sendDeletionMail(tombstone: Tombstone): Promise<void> {
  if (!tombstone.mailTo || !(await claimErasureMail(tombstone.id))) return;
  const lang: Language = tombstone.lang ?? 'en';
  try {
    await sendMail({
      to: [tombstone.mailTo],
      ...deletedMail(lang, { id: tombstone.id, operator: config().operatorName, personal: config().personal }),
      messageId: `deleted.${tombstone.id}@${config().inboundDomain}`,
      autoSubmitted: true,
    });
  } catch (error) {
    await releaseErasureMail(tombstone.id);
    throw error;
  }
}
