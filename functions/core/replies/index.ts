// Public entry of reply classification: import from here.
export { type Classification, type ProviderReplyPattern, REFUSAL_REASONS, type RefusalReason, REPLY_CLASSES, type ReplyAttachment, type ReplyClass, type ReplyInput } from './classes.ts';
export { CLASS_PRECEDENCE, classifyFile, classifyRawEmail, classifyReply, replyInputFromRaw } from './classify.ts';
export { stripQuoted } from './quotes.ts';
