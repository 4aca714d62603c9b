// Reply matching: which request an inbound mail answers. Every letter carries three marks, made here
// (or, for the Message-ID, by the outbox) and read here; mail-in (SMTP, SES, and personal mode's
// inbox) tries them in this order:
// 1. The reply token in a recipient. A letter's Reply-To is reply+<token>@<inbound domain> (replyAddress;
//    personal mode has none: replies come to the person's own address). The token is random per
//    request (newReplyToken) and found through the table's GSI1.
// 2. In-Reply-To / References naming one of our letters' Message-IDs (<reference>.<kind>.<attempt>@<inbound
//    domain>, app/outbox.ts messageIdFor): every letter sent leaves a pointer item from its Message-ID
//    to its request.
// 3. The request's reference (OA-XXXX-XXXX, referenceFor) in the subject, for answers that start a new
//    thread (a ticket system): found through the pointer of the request's first letter, whose
//    Message-ID begins with the reference, one lookup per basis.
// A message none of these matches is kept as unmatched by mail-in; it is never guessed.
import { createHash, randomBytes } from 'node:crypto';
import { config } from '../adapters/config.ts';
import { BASES } from '../core/model.ts';
import { findByMessageId, findRequestByReplyToken, getRequest, type RequestRecord } from '../data/store.ts';
import { messageIdFor } from './outbox.ts';

/** The headers matching reads; `to` holds the To and Cc addresses. */
export interface ReplyHeaders {
  to: string[];
  inReplyTo?: string;
  references: string[];
  subject?: string;
}

export interface ReplyMatch {
  request: RequestRecord;
  /** How it matched, for the request's history ("reply token", "In-Reply-To/References <id>", ...). */
  by: string;
}

/** No l, o, 0, 1: a reference read aloud (or typed from a letter) is not misread. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const REFERENCE = /\bOA-([A-Z2-9]{4})-([A-Z2-9]{4})\b/i;

function base32(bytes: Buffer): string {
  return [...bytes].map((b) => ALPHABET[b % 32]).join('');
}

/** The request's reference, printed in every letter's subject; deterministic, so a re-run plans the same one. */
export function referenceFor(submissionId: string, index: number): string {
  const digest = createHash('sha256').update(`${submissionId}#${index}`).digest();
  const code = base32(digest).slice(0, 8).toUpperCase();
  return `OA-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Lower-case so that mail systems that fold the local part of reply+<token>@ still match. */
export function newReplyToken(): string {
  return base32(randomBytes(20));
}

/** The Reply-To of the request's letters. Personal mode: none, replies come to the person's own address (and are read from their inbox). */
export function replyAddress(request: RequestRecord): string | undefined {
  if (config().personal) return undefined;
  return `reply+${request.replyToken}@${config().inboundDomain}`;
}

function replyToken(addresses: string[]): string | undefined {
  const inbound = config().inboundDomain.toLowerCase();
  for (const address of addresses) {
    const match = /^reply\+([a-z0-9]+)@(.+)$/i.exec(address.trim().replace(/^<|>$/g, ''));
    if (match && match[2]!.toLowerCase() === inbound) return match[1]!.toLowerCase();
  }
  return undefined;
}

async function matchBySubject(subject: string | undefined): Promise<ReplyMatch | undefined> {
  const reference = REFERENCE.exec(subject ?? '')?.[0];
  if (!reference) return undefined;
  for (const basis of BASES) {
    const pointer = await findByMessageId(messageIdFor(reference, basis, 1));
    if (pointer) return { request: await getRequest(pointer.submissionId, pointer.requestId), by: `reference ${reference.toUpperCase()} in the subject` };
  }
  return undefined;
}

/** The request a message answers, by the three marks in order; `rcptTo` is the envelope's recipients. */
export async function matchReply(rcptTo: string[], headers: ReplyHeaders): Promise<ReplyMatch | undefined> {
  const token = replyToken([...rcptTo, ...headers.to]);
  if (token) {
    const request = await findRequestByReplyToken(token);
    if (request) return { request, by: 'reply token' };
  }
  for (const id of [headers.inReplyTo, ...headers.references].filter(Boolean) as string[]) {
    const pointer = await findByMessageId(id);
    if (pointer) return { request: await getRequest(pointer.submissionId, pointer.requestId), by: `In-Reply-To/References ${id}` };
  }
  return matchBySubject(headers.subject);
}

/**
 * Whether a message answers one of our letters, from its headers alone (In-Reply-To/References, or the
 * reference in the subject): personal mode reads the person's inbox and hands only these to mail-in.
 */
export async function answersOurLetter(headers: Omit<ReplyHeaders, 'to'>): Promise<boolean> {
  return (await matchReply([], { to: [], ...headers })) !== undefined;
}
