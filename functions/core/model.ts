// Domain vocabulary shared by every runtime: statuses, legal bases, channels.
import { z } from 'zod';

export const REQUEST_STATUSES = [
  'queued',
  'sent',
  'acknowledged',
  'confirmed',
  'refused',
  'needs_user_action',
  'reminded',
  'escalated',
  'failed',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses after which the follow-up loop has nothing left to do. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['confirmed', 'cancelled', 'failed'];

export const SUBMISSION_STATUSES = ['awaiting_verification', 'verified', 'cancelled'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * The legal action a letter takes.
 * - gdpr-objection: Art. 21(1) objection to AI training, with Art. 18(1)(d) restriction and Art. 17(1)(c) erasure.
 * - ccpa-opt-out: §1798.120 opt-out of sale/sharing plus §1798.121 limit of sensitive personal information.
 * - ccpa-delete: §1798.105 deletion.
 * - us-state-request: under a US state consumer privacy act (Colorado, Virginia...): opt-out of sale,
 *   targeted advertising and profiling, and deletion (functions/core/us-states.ts).
 * - ai-training-request: plain-language request for people under no such law.
 */
export const BASES = ['gdpr-objection', 'ccpa-opt-out', 'ccpa-delete', 'us-state-request', 'ai-training-request'] as const;
export const BasisSchema = z.enum(BASES);
export type Basis = z.infer<typeof BasisSchema>;

export const CHANNEL_TYPES = ['email', 'webform', 'settings'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const LANGUAGES = ['en', 'de'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
