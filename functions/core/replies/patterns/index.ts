// Every generic phrase and word list the reply classifier knows, assembled from one file per language
// (en.ts, de.ts, fr.ts, es.ts, it.ts, nl.ts, pl.ts). To add a language: write its file after build.ts's
// `Language` and list it in LANGUAGES; nothing else names a language.
import { compile, type GenericPattern, type Lang, type Language, LANGS } from './build.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';
import { pl } from './pl.ts';

export type { GenericPattern, Lang, TextClass } from './build.ts';

/** In the order their phrases are tried: the order matters only among hits of one class in a mixed-language reply. */
const LANGUAGES: readonly Language[] = [en, de, fr, es, it, nl, pl];

export const GENERIC_PATTERNS: GenericPattern[] = LANGUAGES.flatMap((l) => l.patterns.map((p) => ({ ...p, lang: l.lang })));

function anyOf(pick: (l: Language) => string, of: readonly Language[] = LANGUAGES): string {
  return of.map((l) => `(?:${pick(l)})`).join('|');
}

/** The compiled clause words that govern one phrase (see ClauseWords in build.ts). */
export interface ClauseRules {
  negation: RegExp;
  hedge: RegExp;
  possibility: RegExp;
  /** Global: iterate with matchAll. */
  clauseBreak: RegExp;
}

function clauseRules(of: readonly Language[]): ClauseRules {
  return {
    negation: compile(anyOf((l) => l.words.negation, of)),
    hedge: compile(anyOf((l) => l.words.hedge, of)),
    possibility: compile(anyOf((l) => l.words.possibility, of)),
    clauseBreak: compile(
      String.raw`[.!?;:]\s|,\s(?:${anyOf((l) => l.words.and, of)})\b|,\s(?=(?:${anyOf((l) => l.words.opener, of)})\b)|\b(?:${anyOf((l) => l.words.contrast, of)})\b|\n`,
      'g',
    ),
  };
}

const RULES_BY_LANG = new Map<string, ClauseRules>(
  LANGS.map((lang) => [lang, clauseRules(LANGUAGES.filter((l) => l.lang === lang || l.lang === 'en'))] as const),
);
const RULES_ANY_LANG = clauseRules(LANGUAGES);

/**
 * The clause words for a phrase of language `lang`: its own and English ones (English boilerplate, such as a
 * ticket system's footer, turns up in replies of every language). A phrase of no or an unknown language
 * (a provider pattern without `lang`) is read with the words of every language.
 */
export function clauseRulesFor(lang: string | undefined): ClauseRules {
  return (lang && RULES_BY_LANG.get(lang as Lang)) || RULES_ANY_LANG;
}

/** Words of regret or denial in any language: a reply using any of them is never confirmed by a mere status line. */
export const REGRET = compile(anyOf((l) => l.words.regret));

/** Subjects (after Re:/AW: prefixes are removed) that mark an automatic reply. Strong: an out-of-office. */
export const SUBJECT_AUTO_REPLY: { re: RegExp; strength: 'strong' | 'weak' }[] = [
  { re: compile(`^(?:${anyOf((l) => l.subject.outOfOffice)})`), strength: 'strong' },
  { re: compile(`^(?:${anyOf((l) => l.subject.autoReply)})`), strength: 'weak' },
];

/** Reply prefixes removed from a subject before it is matched, and the "[External]" tag mail gateways add. */
export const SUBJECT_PREFIX = compile(
  String.raw`^\s*(?:(?:${anyOf((l) => l.subject.prefixes)})\s*(?:\[\d+\])?\s*:|\[(?:external|extern|externe|externo|esterno|extern|zewnętrzny)\])\s*`,
);

/** Local parts of mail-system senders; their mail is a bounce when it also reads like one. */
export const DAEMON_SENDER = /^(?:mailer-daemon|mailerdaemon|mail-daemon|postmaster|mail\.delivery\.system)$/i;
/** A daemon's mail that says delivery failed. */
export const BOUNCE_TEXT = compile(anyOf((l) => l.bounceText));
/** Sender addresses that never read replies. */
export const NO_REPLY_SENDER = /^(?:no-?reply|do-?not-?reply|donotreply|noreply-\w+|notifications?|mailer)(?:[+.-][\w.-]*)?$/i;

/** Quote markers of every language, compiled for quotes.ts. */
export const QUOTE_MARKERS = {
  attributionStart: compile(String.raw`^\s*(?:${anyOf((l) => l.quoting.attributionStart)})\b`),
  attribution: compile(anyOf((l) => l.quoting.attribution)),
  separator: compile(String.raw`^\s*-{2,}\s*(?:${anyOf((l) => l.quoting.separator)})\s*-{2,}`),
  headerFrom: compile(String.raw`^\s*\*?(?:${anyOf((l) => l.quoting.headerFrom)})\s*:\*?\s+\S`),
  headerNext: compile(String.raw`^\s*\*?(?:${anyOf((l) => l.quoting.headerNext)})\s*:\*?`),
  requestLabel: compile(String.raw`^\s*(?:${anyOf((l) => l.quoting.requestLabel)})\s*(?:\([^)]*\))?\s*:?\s*$`),
  replyAbove: compile(String.raw`^\s*#{1,3}-?.*(?:${anyOf((l) => l.quoting.replyAbove)}).*$`),
};
