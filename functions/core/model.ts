// Domain vocabulary shared by every runtime: submission statuses, legal bases, channels.
import { z } from 'zod';

// Request statuses and their transitions live in one module (core/lifecycle.ts); re-exported here.
export type { RequestStatus } from './lifecycle.ts';

const SUBMISSION_STATUSES = ['awaiting_verification', 'verified', 'cancelled'] as const;
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

/** English, German, French, Spanish, Italian, Dutch, Polish: every letter, email and page exists in each. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
