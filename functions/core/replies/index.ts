// Public entry of reply classification: import from here. The rules are in classify.ts (the order of
// decisions), input.ts, transport.ts, decide.ts, patterns/ (one file per language), quotes.ts, dsn.ts and extract.ts.
export { type Classification, type ProviderReplyPattern, type RefusalReason, REPLY_CLASSES, type ReplyInput } from './classes.ts';
export { classifyRawEmail, classifyReply } from './classify.ts';
export { stripQuoted } from './quotes.ts';
