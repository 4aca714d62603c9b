// Limits that settings are checked against, each with its reason.

/**
 * An inline Map state runs at most 40 iterations at once (Step Functions and the local interpreter
 * alike); the follow-up loop of every request must run at the same time, so 40 is the ceiling.
 */
export const MAX_ACCOUNTS_LIMIT = 40;

/**
 * A request's longest wait for an answer: an extended GDPR deadline (Art. 12(3): one month plus two
 * more, at most 92 days). A deployment keeps data at least this long plus both grace periods.
 */
export const LONGEST_GDPR_DEADLINE_DAYS = 92;
