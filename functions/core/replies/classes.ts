// The vocabulary of reply classification: the classes, the input a classifier takes and what it returns.

export const REPLY_CLASSES = [
  'acknowledged',
  'confirmed',
  'refused',
  'identity_requested',
  'use_other_channel',
  'extension',
  'auto_reply',
  'bounce',
  'unknown',
] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

/**
 * Why a refusal was given, so the status email can explain the next step:
 * - no_data: "not in our records" / "no account found" (the person must check the identifier they gave)
 * - not_applicable: the law or right is said not to apply ("we do not sell data", "only for California residents")
 * - compelling_grounds: Art. 21(1) legitimate interests said to override the objection
 * - exemption: a statutory exemption is claimed
 * - other: a plain "we decline"
 */
const REFUSAL_REASONS = ['no_data', 'not_applicable', 'compelling_grounds', 'exemption', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface ReplyAttachment {
  contentType: string;
  /** Text content; only needed for delivery-status parts. */
  content?: string;
}

export interface ReplyInput {
  from: string;
  subject: string;
  /** Plain text body (mailparser converts HTML-only mails to text). */
  text: string;
  /** Header names in any case; values as raw strings. */
  headers: Record<string, string>;
  /** The top-level Content-Type with parameters, e.g. "multipart/report; report-type=delivery-status". */
  contentType?: string;
  attachments?: ReplyAttachment[];
}

export interface ProviderReplyPattern {
  class: string;
  /** Case-insensitive regular expression, tried against subject and body. */
  pattern: string;
  lang?: string;
}

export interface Classification {
  class: ReplyClass;
  /** Human-readable evidence, strongest first, e.g. 'generic:confirmed:en "we have processed your objection"'. */
  reasons: string[];
  /** extension: months stated (default 2 when the mail names no period: no days and no date). */
  extensionMonths?: number;
  /** extension: set instead of extensionMonths when the mail states the extension in days (CCPA: 45). */
  extensionDays?: number;
  /** extension: the date it runs to when the mail names one: 'YYYY-MM-DD', or '--MM-DD' without a year. */
  extensionUntil?: string;
  /** use_other_channel: the web form / privacy centre URL, or "mailto:<address>" when only an address is named. */
  otherChannelUrl?: string;
  /** bounce: the recipient that failed (lowercased). */
  bounceRecipient?: string;
  /** bounce: enhanced status code (RFC 3463), e.g. "5.1.1". */
  bounceStatus?: string;
  /** bounce: true when the failure is permanent (5.x.x or Action: failed), false for 4.x.x / delayed. */
  bouncePermanent?: boolean;
  /** identity_requested: the sentence asking for identification. */
  identityAsk?: string;
  /** refused: the kind of refusal. */
  refusalReason?: RefusalReason;
}
