// A reply as the classifier reads it: built from a raw message (mailparser), checked, and normalised
// (header names lower-cased, the sender's bare address, the subject without Re:/AW: prefixes, and the
// text with wrapped lines joined and typographic characters made plain).
import { simpleParser } from 'mailparser';
import type { ReplyAttachment, ReplyInput } from './classes.ts';
import { SUBJECT_PREFIX } from './patterns/index.ts';

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
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
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

/** Throws a TypeError naming the field when the input is malformed. */
export function checkInput(input: ReplyInput): void {
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

export function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  return out;
}

export function addressOf(from: string): string {
  const m = from.match(/<([^<>\s]+@[^<>\s]+)>/) ?? from.match(/([^\s<>"]+@[^\s<>"]+)/);
  return (m?.[1] ?? from).trim().toLowerCase();
}

export function cleanSubject(subject: string): string {
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
