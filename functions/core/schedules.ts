// How often the scheduled jobs run: one home for both runtimes (the CDK stack's EventBridge rules and
// the local runtime's timers read these).

/**
 * The Digests job (functions/handlers/digests.ts): sends the day's digests and, within minutes, the
 * mails that carry complaint drafts (functions/app/notify.ts PROMPT_COLLECT_MS).
 */
export const DIGESTS_EVERY_MINUTES = 10;
