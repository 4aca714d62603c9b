// What a language contributes to reply classification, and the builder its phrase patterns are written with.
//
// Patterns run against normalised text: quoted parts removed, all whitespace collapsed to single spaces,
// typographic quotes and dashes made plain (see normalise() in input.ts). So a space in a pattern
// matches exactly one space. Write `~N` for "up to N words" (lazy); such a gap never swallows a negation
// word and never runs past the end of a sentence, so "we have not turned off" cannot match "we have ~3 turned off".
//
// `\b` is rewritten to a word boundary that knows letters beyond ASCII: JavaScript's own `\b` sees no
// boundary between a space and "é", "ü" or "ż", so /\bété/ would never match "a été" and /\büberprüfen/
// never "zu überprüfen". Letters are those of the Latin script, enough for en, de, fr, es, it, nl and pl;
// no `u` flag, whose case-folded \p{L} classes take a second to compile. So write \S* rather than \p{L}*.
import type { RefusalReason } from '../classes.ts';

export const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl'] as const;
export type Lang = (typeof LANGS)[number];

export type TextClass = 'acknowledged' | 'confirmed' | 'refused' | 'identity_requested' | 'use_other_channel' | 'extension' | 'auto_reply';

export interface GenericPattern {
  class: TextClass;
  lang: Lang;
  re: RegExp;
  /** refused only: what kind of refusal this phrase expresses. */
  refusal?: RefusalReason;
  /**
   * auto_reply: an out-of-office text is decisive; a "do not reply" notice only counts when nothing else matched.
   * confirmed: a weak one (a portal's "Status: Completed" line) only counts when no other class matched and
   * the reply carries no word of regret (see decide.ts).
   * acknowledged: a weak one (a bare ticket number) does not stand against a weak confirmation.
   */
  strength?: 'strong' | 'weak';
}

/**
 * The words of one language that govern a phrase in the same clause (classify.ts step 5). Each field is
 * regular-expression source, an alternation; `\b` knows accented letters here too (see compile()).
 */
export interface ClauseWords {
  /** Before a match: the phrase is denied ("not", "nicht", "ne", "no", "non", "niet", "nie"). */
  negation: string;
  /** Before a match: the phrase is conditional or hypothetical ("if", "once", "sobald", "si", "se", "zodra"). */
  hedge: string;
  /** Before an extension or identity phrase: a mere possibility ("can be extended"). */
  possibility: string;
  /** After ", ": the conjunction that opens a new clause ("and", "und", "et"). */
  and: string;
  /** After ", ": words that open a new clause with its own subject ("we", "wir", "nous"). */
  opener: string;
  /** Words that turn the sentence ("but", "aber", "mais"). */
  contrast: string;
  /** Anywhere in a reply: regret or denial, so a bare status line is not a confirmation. */
  regret: string;
}

/** How a language's mail clients and ticket systems quote the message replied to (see quotes.ts). */
export interface QuoteMarkers {
  /** The first word(s) of an attribution line ("On", "Am", "Le", "W dniu"). */
  attributionStart: string;
  /** The whole attribution, possibly wrapped over up to three lines joined by spaces. */
  attribution: string;
  /** Between dashes: "Original Message", "Message d'origine", "Forwarded message". */
  separator: string;
  /** Outlook header block: the "From:" label and the labels that follow it ("Sent", "To", "Subject"). */
  headerFrom: string;
  headerNext: string;
  /** Ticket systems' label above the repeated request ("Your request:", "Votre demande :"). */
  requestLabel: string;
  /** Ticket systems' "please type your reply above this line" marker. */
  replyAbove: string;
}

/** Everything one language contributes: phrases, clause words, subject words, bounce words and quote markers. */
export interface Language {
  lang: Lang;
  words: ClauseWords;
  subject: {
    /** Reply and forward prefixes ("Re", "AW", "TR", "RV", "Odp"). */
    prefixes: string;
    /** A subject that opens with one of these is an out-of-office (strong). */
    outOfOffice: string;
    /** A subject that opens with one of these is an automatic reply (weak). */
    autoReply: string;
  };
  /** A mail system's words for "delivery failed" (only read in mail from MAILER-DAEMON/postmaster). */
  bounceText: string;
  quoting: QuoteMarkers;
  patterns: Omit<GenericPattern, 'lang'>[];
}

/** Letters of the Latin script (Latin-1 Supplement and Extended-A/B: é, ü, ß, ą, ł, ż), digits and underscore. */
const WORD_CHAR = String.raw`[\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]`;
const WORD_START = `(?<!${WORD_CHAR})(?=${WORD_CHAR})`;
const WORD_END = `(?<=${WORD_CHAR})(?!${WORD_CHAR})`;
/** A `\b` whose next matched character is a word character: followed (after group openers) by a letter, digit or \S \w \d \p. */
const BOUNDARY_BEFORE_WORD = /(?<!\\)\\b(?=(?:\(\?[:=]|\((?!\?))*(?:[\p{L}\p{N}_]|\\[SwdpP]))/gu;
const OTHER_BOUNDARY = /(?<!\\)\\b/g;

/**
 * Compiles regular-expression source with a `\b` that knows accented letters; flags always include i. A `\b` before a
 * word becomes a word start, any other a word end (each one lookbehind and one lookahead: an alternation of
 * both, which `\b` means in general, makes the classifier several times slower).
 */
export function compile(source: string, flags = ''): RegExp {
  return new RegExp(source.replace(BOUNDARY_BEFORE_WORD, WORD_START).replace(OTHER_BOUNDARY, WORD_END), `i${flags}`);
}

/**
 * Words a `~N` gap must not swallow: the negations of every language (each language's `words.negation`).
 * Not the Italian "mai" (never), which is the German month "Mai".
 */
const NOT_NEGATION = String.raw`(?!(?:not|no|cannot|never|nicht|kein\S*|nie|ne|n'|pas|aucun\S*|jamais|nunca|ningun\S*|ningún|non|nessun\S*|niet|geen|nooit|nigdy|żadn\S*)\b)`;
/** Abbreviations ending in a dot that do not end a sentence (a gap may run over them). */
const ABBREVIATIONS = String.raw`(?:Art|Abs|lit|Nr|No|Sec|Cal|Civ|Reg|ca|bzw|ggf|vgl|gem|z\.B|e\.g|i\.e|Mr|Ms|Mrs|Dr|ust|pkt)\.`;

/** Builds a case-insensitive RegExp; `~N` becomes a lazy gap of up to N words without negations. */
export function r(strings: TemplateStringsArray, ...values: unknown[]): RegExp {
  const src = String.raw(strings, ...values).replace(/~(\d+) /g, (_m, n: string) => `(?:${NOT_NEGATION}(?:${ABBREVIATIONS}|\\S*[^\\s.!?;]) ){0,${n}}?`);
  return compile(src);
}
