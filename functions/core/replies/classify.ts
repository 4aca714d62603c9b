// Rule-based classification of providers' replies to our letters. Every decision names its evidence.
//
// Decision order (first that applies wins):
//  1. Transport reports, decided by structure, not wording: a delivery status notification
//     (multipart/report; report-type=delivery-status, or a message/delivery-status part) is a `bounce`,
//     unless every recipient was delivered (a success notice: `auto_reply`); a read receipt
//     (report-type=disposition-notification) is an `auto_reply`; a mail from MAILER-DAEMON/postmaster
//     that says delivery failed is a `bounce`.
//  2. The quoted copy of our letter is removed (see quotes.ts); everything below reads only the reply's own text.
//  3. Provider patterns from the catalog (`replyPatterns`), tried against subject and body. If any match,
//     the winner among them is chosen by the class precedence of step 5; generic patterns are not consulted.
//  4. An out-of-office text ("I am out of the office until...", "Abwesenheitsnotiz", subject "Out of office")
//     is an `auto_reply`, whatever else the text says: the person is away, the request is not handled yet.
//  5. Generic phrases (patterns.ts). A phrase does not count when a negation ("cannot", "nicht") or a
//     condition ("if", "once", "sobald") stands before it in the same clause. Among matching classes:
//       identity_requested > use_other_channel > extension > refused > confirmed > acknowledged
//     i.e. whatever needs the person's action first, then the provider's final word, a refusal before a
//     confirmation (a mail that says "we processed your request" and "no account found" is a refusal),
//     and a plain acknowledgement last.
//     A weak confirmation (a portal or ticket status line: "Status: Completed", "Request ... is complete")
//     counts only when the reply has no word of regret ("unfortunately", "leider") and no substantive
//     acknowledgement ("we are reviewing") contradicts it; a bare ticket number does not contradict it.
//  6. Only now do automation markers count: RFC 3834 headers (Auto-Submitted other than "no",
//     X-Autoreply, X-Autorespond, Precedence: auto_reply/bulk/junk), an "Automatic reply" subject, a
//     no-reply sender, or a "do not reply to this message" notice make it an `auto_reply`.
//     Hence a ticket system's "This is an automated message. Your request #123 has been received" is an
//     `acknowledged`: it tells us the request arrived, which an out-of-office does not.
//  7. Otherwise `unknown`.
import { readFile } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import {
  type Classification,
  type ProviderReplyPattern,
  REPLY_CLASSES,
  type RefusalReason,
  type ReplyAttachment,
  type ReplyClass,
  type ReplyInput,
} from './classes.ts';
import { allDelivered, bounceFromText, failedRecipient, parseDeliveryStatus } from './dsn.ts';
import { extractChannelUrl, extractExtension, sentenceAt } from './extract.ts';
import {
  BOUNCE_TEXT,
  CLAUSE_BREAK,
  DAEMON_SENDER,
  GENERIC_PATTERNS,
  HEDGE,
  HEDGE_POSSIBILITY,
  NEGATION,
  NO_REPLY_SENDER,
  REGRET,
  SUBJECT_AUTO_REPLY,
  SUBJECT_PREFIX,
} from './patterns.ts';
import { stripQuoted } from './quotes.ts';

/** Which class wins when several match (see step 5 above; `bounce` only comes from provider patterns here). */
export const CLASS_PRECEDENCE: readonly ReplyClass[] = [
  'bounce',
  'identity_requested',
  'use_other_channel',
  'extension',
  'refused',
  'confirmed',
  'acknowledged',
];
/** For these classes a mere possibility ("can be extended", "may need to verify") is not the thing itself. */
const POSSIBILITY_HEDGED: readonly ReplyClass[] = ['extension', 'identity_requested'];
/** How far before a match a negation or condition is looked for. */
const NEGATION_WINDOW = 90;

interface Hit {
  class: ReplyClass;
  source: 'provider' | 'generic';
  lang?: string;
  where: 'subject' | 'body';
  text: string;
  index: number;
  refusal?: RefusalReason;
  strength?: 'strong' | 'weak';
}

interface Ignored {
  hit: Hit;
  why: string;
}

interface CompiledProviderPattern {
  class: ReplyClass;
  re: RegExp;
  lang?: string;
}

/**
 * Classifies one reply. `providerPatterns` (the provider's catalog `replyPatterns`) are tried before the
 * generic ones. Throws a TypeError naming the field when the input is malformed, and an Error naming the
 * pattern when a provider pattern is not a valid regular expression or names an unknown class.
 */
export function classifyReply(input: ReplyInput, providerPatterns: ProviderReplyPattern[] = []): Classification {
  checkInput(input);
  const compiled = compileProviderPatterns(providerPatterns);
  const headers = lowerKeys(input.headers);
  const sender = addressOf(input.from);

  // 1. transport reports
  const report = transportReport(input, headers, sender);
  if (report) return report;

  // 2. the reply's own words
  const body = normalise(stripQuoted(input.text));
  const subject = normalise(cleanSubject(input.subject));
  const segments = { subject, body };

  // 3. provider patterns
  const providerHits: Hit[] = [];
  const ignored: Ignored[] = [];
  for (const p of compiled) {
    for (const where of ['subject', 'body'] as const) {
      const found = firstUsableMatch(segments[where], p.re, p.class, ignored, {
        class: p.class,
        source: 'provider',
        where,
        ...(p.lang ? { lang: p.lang } : {}),
      });
      if (found) {
        providerHits.push(found);
        break;
      }
    }
  }
  if (providerHits.length > 0) return decide(providerHits, ignored, segments, sender, []);

  // 4 + 5. generic patterns
  const hits: Hit[] = [];
  for (const p of GENERIC_PATTERNS) {
    for (const where of ['subject', 'body'] as const) {
      const found = firstUsableMatch(segments[where], p.re, p.class, ignored, {
        class: p.class,
        source: 'generic',
        lang: p.lang,
        where,
        ...(p.refusal ? { refusal: p.refusal } : {}),
        ...(p.strength ? { strength: p.strength } : {}),
      });
      if (found) {
        hits.push(found);
        break;
      }
    }
  }
  const subjectAuto = SUBJECT_AUTO_REPLY.map((s) => ({ strength: s.strength, text: subject.match(s.re)?.[0] })).find((s) => s.text);
  const strongSeen = hits.some((h) => h.class === 'auto_reply' && h.strength === 'strong');
  if (subjectAuto?.text && subjectAuto.strength === 'strong' && !strongSeen) {
    hits.push({ class: 'auto_reply', source: 'generic', where: 'subject', text: subjectAuto.text, index: 0, strength: 'strong' });
  }

  // 6. automation markers, used only when no substantive phrase matched
  const markers = automationMarkers(headers, sender, subjectAuto?.text);
  return decide(hits, ignored, segments, sender, markers);
}

/** Parses a raw RFC 5322 message with mailparser and classifies it. */
export async function classifyRawEmail(
  raw: Buffer | string,
  providerPatterns: ProviderReplyPattern[] = [],
): Promise<Classification> {
  return classifyReply(await replyInputFromRaw(raw), providerPatterns);
}

/** Reads an .eml file and classifies it (used by `optout classify <file.eml>`). */
export async function classifyFile(path: string, providerPatterns: ProviderReplyPattern[] = []): Promise<Classification> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (err) {
    throw new Error(`cannot read reply file ${path}: ${(err as Error).message}`);
  }
  return classifyRawEmail(raw, providerPatterns);
}

/** Content types whose text we keep from attachments: the machine-readable parts of reports. */
const REPORT_PARTS = /^(?:message\/(?:global-)?delivery-status|message\/(?:global-)?disposition-notification|text\/rfc822-headers)$/i;

/** Builds the classifier's input from a raw message; embedded messages (a returned letter) stay attachments. */
export async function replyInputFromRaw(raw: Buffer | string): Promise<ReplyInput> {
  if (typeof raw !== 'string' && !Buffer.isBuffer(raw)) throw new TypeError('raw email must be a Buffer or a string');
  const parsed = await simpleParser(raw, {
    keepDeliveryStatus: true,
    ignoreEmbedded: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    if (!(key in headers)) headers[key] = value;
  }
  const attachments: ReplyAttachment[] = parsed.attachments.map((a) =>
    REPORT_PARTS.test(a.contentType) ? { contentType: a.contentType, content: a.content.toString('utf8') } : { contentType: a.contentType },
  );
  const from = parsed.from?.value[0]?.address ?? parsed.from?.text ?? '';
  return {
    from,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    headers,
    ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
    attachments,
  };
}

// ---------------------------------------------------------------------------------------------------------

function checkInput(input: ReplyInput): void {
  if (typeof input !== 'object' || input === null) throw new TypeError('reply input must be an object');
  for (const field of ['from', 'subject', 'text'] as const) {
    if (typeof input[field] !== 'string') throw new TypeError(`reply input field "${field}" must be a string`);
  }
  if (typeof input.headers !== 'object' || input.headers === null || Array.isArray(input.headers)) {
    throw new TypeError('reply input field "headers" must be an object of header name to value');
  }
  if (input.contentType !== undefined && typeof input.contentType !== 'string') {
    throw new TypeError('reply input field "contentType" must be a string when given');
  }
  if (input.attachments !== undefined && !Array.isArray(input.attachments)) {
    throw new TypeError('reply input field "attachments" must be an array when given');
  }
}

function compileProviderPatterns(patterns: ProviderReplyPattern[]): CompiledProviderPattern[] {
  if (!Array.isArray(patterns)) throw new TypeError('provider patterns must be an array');
  return patterns.map((p, i) => {
    if (!(REPLY_CLASSES as readonly string[]).includes(p.class) || p.class === 'unknown') {
      throw new Error(`provider reply pattern ${i} names unknown class "${p.class}"`);
    }
    try {
      return { class: p.class as ReplyClass, re: new RegExp(p.pattern, 'i'), ...(p.lang ? { lang: p.lang } : {}) };
    } catch (err) {
      throw new Error(`provider reply pattern ${i} (/${p.pattern}/) is not a valid regular expression: ${(err as Error).message}`);
    }
  });
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  return out;
}

function addressOf(from: string): string {
  const m = from.match(/<([^<>\s]+@[^<>\s]+)>/) ?? from.match(/([^\s<>"]+@[^\s<>"]+)/);
  return (m?.[1] ?? from).trim().toLowerCase();
}

function cleanSubject(subject: string): string {
  let s = subject;
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(SUBJECT_PREFIX, '');
  }
  return s.trim();
}

/**
 * Whitespace collapsed inside paragraphs (so phrases match across wrapped lines), paragraphs and list
 * items kept on their own lines, typographic quotes, apostrophes and dashes made plain.
 */
export function normalise(text: string): string {
  const plain = text
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\r\n?/g, '\n');
  const paragraphs = plain.split(/\n[ ]*\n/);
  return paragraphs
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .reduce((acc, line) => {
          if (acc === '') return line;
          return /^(?:[-*•·]|\d+[.)])\s/.test(line) ? `${acc}\n${line}` : `${acc} ${line}`;
        }, '')
        .replace(/ {2,}/g, ' '),
    )
    .filter((p) => p !== '')
    .join('\n');
}

/** The first match of `re` in `text` that is neither negated nor conditional; the rest go to `ignored`. */
function firstUsableMatch(
  text: string,
  re: RegExp,
  cls: ReplyClass,
  ignored: Ignored[],
  template: Omit<Hit, 'text' | 'index'>,
): Hit | undefined {
  if (text === '') return undefined;
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of text.matchAll(global)) {
    if (m[0] === '') continue;
    const hit: Hit = { ...template, text: m[0].trim(), index: m.index ?? 0 };
    const why = deniedBy(text, hit.index, cls);
    if (why) {
      ignored.push({ hit, why });
      continue;
    }
    return hit;
  }
  return undefined;
}

/** A negation or condition before `index` in the same clause, or undefined. */
export function deniedBy(text: string, index: number, cls: ReplyClass): string | undefined {
  const start = Math.max(0, index - NEGATION_WINDOW);
  let before = text.slice(start, index);
  let lastBreak = -1;
  // a few characters past the match let a break look ahead at the word that opens the next clause (", we")
  for (const m of text.slice(start, index + 16).matchAll(CLAUSE_BREAK)) {
    if ((m.index ?? 0) < before.length) lastBreak = Math.min((m.index ?? 0) + m[0].length, before.length);
  }
  if (lastBreak >= 0) before = before.slice(lastBreak);
  const negation = before.match(NEGATION);
  if (negation) return `negated by "${negation[0]}"`;
  const hedge = before.match(HEDGE) ?? (POSSIBILITY_HEDGED.includes(cls) ? before.match(HEDGE_POSSIBILITY) : null);
  if (hedge) return `conditional ("${hedge[0]}")`;
  return undefined;
}

function transportReport(input: ReplyInput, headers: Record<string, string>, sender: string): Classification | undefined {
  const contentType = (input.contentType ?? headers['content-type'] ?? '').toLowerCase();
  const reportType = contentType.startsWith('multipart/report') ? contentType.match(/report-type\s*=\s*"?([\w-]+)/)?.[1] : undefined;
  const parts = input.attachments ?? [];
  const statusParts = parts.filter((a) => /^message\/(?:global-)?delivery-status$/i.test(a.contentType));
  const isMdn = reportType === 'disposition-notification' || parts.some((a) => /disposition-notification$/i.test(a.contentType));

  if (reportType === 'delivery-status' || statusParts.length > 0) {
    const recipients = statusParts.flatMap((p) => parseDeliveryStatus(p.content ?? ''));
    const reasons = [`dsn:${reportType ? `multipart/report report-type=${reportType}` : 'message/delivery-status part'}`];
    if (allDelivered(recipients)) {
      return { class: 'auto_reply', reasons: [...reasons, 'dsn:every recipient delivered (success notice, not a bounce)'] };
    }
    const failed = failedRecipient(recipients) ?? {};
    const fromText = bounceFromText(input.text);
    return bounce(failed.recipient ?? fromText.recipient, failed.status ?? fromText.status, failed.action, [
      ...reasons,
      ...(failed.recipient ? [`dsn:Final-Recipient ${failed.recipient} Action ${failed.action ?? '?'} Status ${failed.status ?? '?'}`] : []),
      ...(failed.diagnostic ? [`dsn:Diagnostic-Code ${failed.diagnostic}`] : []),
    ]);
  }
  if (isMdn) return { class: 'auto_reply', reasons: ['mdn:read receipt (report-type=disposition-notification)'] };

  const local = sender.split('@')[0] ?? '';
  if (DAEMON_SENDER.test(local)) {
    const said = input.subject.match(BOUNCE_TEXT) ?? input.text.match(BOUNCE_TEXT);
    if (said) {
      const fromText = bounceFromText(input.text);
      return bounce(fromText.recipient, fromText.status, undefined, [`sender:${sender} (mail system)`, `bounce text "${said[0]}"`]);
    }
  }
  return undefined;
}

function bounce(recipient: string | undefined, status: string | undefined, action: string | undefined, reasons: string[]): Classification {
  const out: Classification = { class: 'bounce', reasons };
  if (recipient) out.bounceRecipient = recipient;
  if (status) out.bounceStatus = status;
  if (status || action) out.bouncePermanent = status ? status.startsWith('5') : action === 'failed';
  return out;
}

function automationMarkers(headers: Record<string, string>, sender: string, autoSubject: string | undefined): string[] {
  const markers: string[] = [];
  const autoSubmitted = headers['auto-submitted']?.split(';')[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') markers.push(`header:Auto-Submitted=${autoSubmitted}`);
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autogenerated']) {
    const v = headers[name];
    if (v !== undefined && !/^(?:no|false|0)$/i.test(v.trim())) markers.push(`header:${name}=${v.trim()}`);
  }
  const precedence = headers.precedence?.trim().toLowerCase();
  if (precedence && /^(?:auto_reply|bulk|junk)$/.test(precedence)) markers.push(`header:Precedence=${precedence}`);
  if (autoSubject) markers.push(`subject:"${autoSubject}"`);
  if (NO_REPLY_SENDER.test(sender.split('@')[0] ?? '')) markers.push(`sender:${sender} (no-reply address)`);
  return markers;
}

function describe(hit: Hit): string {
  const origin = `${hit.source}:${hit.class}${hit.lang ? `:${hit.lang}` : ''}`;
  const place = hit.where === 'subject' ? ' (subject)' : '';
  const refusal = hit.refusal ? ` [${hit.refusal}]` : '';
  return `${origin} "${hit.text}"${place}${refusal}`;
}

/** A weak confirmation (status line) is dropped when the reply regrets something or is still being worked on. */
function usableWeakConfirmation(hit: Hit, hits: Hit[], segments: { subject: string; body: string }, ignored: Ignored[]): boolean {
  if (hit.class !== 'confirmed' || hit.strength !== 'weak') return true;
  if (hits.some((h) => h.class === 'confirmed' && h.strength !== 'weak')) return true;
  const regret = segments.body.match(REGRET) ?? segments.subject.match(REGRET);
  if (regret) {
    ignored.push({ hit, why: `status line, but the reply says "${regret[0]}"` });
    return false;
  }
  const pending = hits.find((h) => h.class === 'acknowledged' && h.strength !== 'weak');
  if (pending) {
    ignored.push({ hit, why: `status line, but the reply says "${pending.text}"` });
    return false;
  }
  return true;
}

function decide(
  hits: Hit[],
  ignored: Ignored[],
  segments: { subject: string; body: string },
  sender: string,
  markers: string[],
): Classification {
  const strongAuto = hits.filter((h) => h.class === 'auto_reply' && h.strength !== 'weak');
  const substantive = hits.filter((h) => h.class !== 'auto_reply' && usableWeakConfirmation(h, hits, segments, ignored));
  const weakAuto = hits.filter((h) => h.class === 'auto_reply' && h.strength === 'weak');

  let winner: ReplyClass = 'unknown';
  let winning: Hit[] = [];
  const reasons: string[] = [];
  if (strongAuto.length > 0) {
    winner = 'auto_reply';
    winning = strongAuto;
  } else {
    for (const cls of CLASS_PRECEDENCE) {
      const of = substantive.filter((h) => h.class === cls);
      if (of.length > 0) {
        winner = cls;
        winning = of;
        break;
      }
    }
  }
  if (winner === 'unknown' && (weakAuto.length > 0 || markers.length > 0)) {
    winner = 'auto_reply';
    winning = weakAuto;
    reasons.push(...markers);
  }

  reasons.unshift(...winning.map(describe));
  const others = hits.filter((h) => !winning.includes(h));
  if (others.length > 0) reasons.push(...others.map((h) => `outranked: ${describe(h)}`));
  if (winner !== 'auto_reply' && markers.length > 0) reasons.push(`automated (${markers.join(', ')}) but the text says ${winner}`);
  for (const { hit, why } of ignored) reasons.push(`ignored (${why}): ${describe(hit)}`);
  if (winner === 'unknown') reasons.unshift('no rule matched');

  const out: Classification = { class: winner, reasons };
  const first = winning[0];
  const text = first?.where === 'subject' ? segments.subject : segments.body;
  if (winner === 'extension' && first) {
    const { months, days, until } = extractExtension(text, first.index);
    if (until) out.extensionUntil = until;
    if (days !== undefined) out.extensionDays = days;
    else if (months !== undefined || !until) out.extensionMonths = months ?? 2;
  }
  if (winner === 'use_other_channel' && first) {
    const url = extractChannelUrl(text, first.index, sender) ?? extractChannelUrl(segments.body, 0, sender);
    if (url) out.otherChannelUrl = url;
  }
  if (winner === 'identity_requested' && first) out.identityAsk = sentenceAt(text, first.index);
  if (winner === 'refused') out.refusalReason = first?.refusal ?? 'other';
  return out;
}
