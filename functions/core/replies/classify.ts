// Rule-based classification of providers' replies to our letters. Every decision names its evidence.
//
// Decision order (first that applies wins):
//  1. Transport reports, decided by structure, not wording: a delivery status notification
//     (multipart/report; report-type=delivery-status, or a message/delivery-status part) is a `bounce`,
//     unless every recipient was delivered (a success notice: `auto_reply`); a read receipt
//     (report-type=disposition-notification) is an `auto_reply`; a mail from MAILER-DAEMON/postmaster
//     that says delivery failed is a `bounce`.
//  2. The quoted copy of our letter is removed (see quotes.ts); everything below reads only the reply's own text.
//  3. Provider patterns from the catalog (`replyPatterns`), tried against subject and body. If any match,
//     the winner among them is chosen by the class precedence of step 5; generic patterns are not consulted.
//  4. An out-of-office text ("I am out of the office until...", "Abwesenheitsnotiz", subject "Out of office")
//     is an `auto_reply`, whatever else the text says: the person is away, the request is not handled yet.
//  5. Generic phrases (patterns/<lang>.ts). A phrase does not count when a negation ("cannot", "nicht", "ne")
//     or a condition ("if", "once", "sobald", "si") of its own language or English stands before it in the
//     same clause. Among matching classes:
//       identity_requested > use_other_channel > extension > refused > confirmed > acknowledged
//     i.e. whatever needs the person's action first, then the provider's final word, a refusal before a
//     confirmation (a mail that says "we processed your request" and "no account found" is a refusal),
//     and a plain acknowledgement last.
//     A weak confirmation (a portal or ticket status line: "Status: Completed", "Request ... is complete")
//     counts only when the reply has no word of regret ("unfortunately", "leider") and no substantive
//     acknowledgement ("we are reviewing") contradicts it; a bare ticket number does not contradict it.
//  6. Only now do automation markers count: RFC 3834 headers (Auto-Submitted other than "no",
//     X-Autoreply, X-Autorespond, Precedence: auto_reply/bulk/junk), an "Automatic reply" subject, a
//     no-reply sender, or a "do not reply to this message" notice make it an `auto_reply`.
//     Hence a ticket system's "This is an automated message. Your request #123 has been received" is an
//     `acknowledged`: it tells us the request arrived, which an out-of-office does not.
//  7. Otherwise `unknown`.
import type { Classification, ProviderReplyPattern, ReplyClass, ReplyInput } from './classes.ts';
import { REPLY_CLASSES } from './classes.ts';
import { decide, type Hit, type Ignored } from './decide.ts';
import { addressOf, checkInput, cleanSubject, lowerKeys, normalise, replyInputFromRaw } from './input.ts';
import { clauseRulesFor, GENERIC_PATTERNS, SUBJECT_AUTO_REPLY } from './patterns/index.ts';
import { stripQuoted } from './quotes.ts';
import { automationMarkers, transportReport } from './transport.ts';

/** For these classes a mere possibility ("can be extended", "may need to verify") is not the thing itself. */
const POSSIBILITY_HEDGED: readonly ReplyClass[] = ['extension', 'identity_requested'];
/** How far before a match a negation or condition is looked for. */
const NEGATION_WINDOW = 90;

interface CompiledProviderPattern {
  class: ReplyClass;
  re: RegExp;
  lang?: string;
}

/**
 * Classifies one reply. `providerPatterns` (the provider's catalog `replyPatterns`) are tried before the
 * generic ones. Throws a TypeError naming the field when the input is malformed, and an Error naming the
 * pattern when a provider pattern is not a valid regular expression or names an unknown class.
 */
export function classifyReply(input: ReplyInput, providerPatterns: ProviderReplyPattern[] = []): Classification {
  checkInput(input);
  const compiled = compileProviderPatterns(providerPatterns);
  const headers = lowerKeys(input.headers);
  const sender = addressOf(input.from);

  // 1. transport reports
  const report = transportReport(input, headers, sender);
  if (report) return report;

  // 2. the reply's own words
  const body = normalise(stripQuoted(input.text));
  const subject = normalise(cleanSubject(input.subject));
  const segments = { subject, body };

  // 3. provider patterns
  const providerHits: Hit[] = [];
  const ignored: Ignored[] = [];
  for (const p of compiled) {
    for (const where of ['subject', 'body'] as const) {
      const found = firstUsableMatch(segments[where], p.re, p.class, ignored, {
        class: p.class,
        source: 'provider',
        where,
        ...(p.lang ? { lang: p.lang } : {}),
      });
      if (found) {
        providerHits.push(found);
        break;
      }
    }
  }
  if (providerHits.length > 0) return decide(providerHits, ignored, segments, sender, []);

  // 4 + 5. generic patterns
  const hits: Hit[] = [];
  for (const p of GENERIC_PATTERNS) {
    for (const where of ['subject', 'body'] as const) {
      const found = firstUsableMatch(segments[where], p.re, p.class, ignored, {
        class: p.class,
        source: 'generic',
        lang: p.lang,
        where,
        ...(p.refusal ? { refusal: p.refusal } : {}),
        ...(p.strength ? { strength: p.strength } : {}),
      });
      if (found) {
        hits.push(found);
        break;
      }
    }
  }
  const subjectAuto = SUBJECT_AUTO_REPLY.map((s) => ({ strength: s.strength, text: subject.match(s.re)?.[0] })).find((s) => s.text);
  const strongSeen = hits.some((h) => h.class === 'auto_reply' && h.strength === 'strong');
  if (subjectAuto?.text && subjectAuto.strength === 'strong' && !strongSeen) {
    hits.push({ class: 'auto_reply', source: 'generic', where: 'subject', text: subjectAuto.text, index: 0, strength: 'strong' });
  }

  // 6. automation markers, used only when no substantive phrase matched
  const markers = automationMarkers(headers, sender, subjectAuto?.text);
  return decide(hits, ignored, segments, sender, markers);
}

/** Parses a raw RFC 5322 message with mailparser and classifies it. */
export async function classifyRawEmail(raw: Buffer | string, providerPatterns: ProviderReplyPattern[] = []): Promise<Classification> {
  return classifyReply(await replyInputFromRaw(raw), providerPatterns);
}

function compileProviderPatterns(patterns: ProviderReplyPattern[]): CompiledProviderPattern[] {
  if (!Array.isArray(patterns)) throw new TypeError('provider patterns must be an array');
  return patterns.map((p, i) => {
    if (!(REPLY_CLASSES as readonly string[]).includes(p.class) || p.class === 'unknown') {
      throw new Error(`provider reply pattern ${i} names unknown class "${p.class}"`);
    }
    try {
      return { class: p.class as ReplyClass, re: new RegExp(p.pattern, 'i'), ...(p.lang ? { lang: p.lang } : {}) };
    } catch (err) {
      throw new Error(`provider reply pattern ${i} (/${p.pattern}/) is not a valid regular expression: ${(err as Error).message}`);
    }
  });
}

/** Global copies of the patterns, compiled once: compiling the Unicode-aware patterns costs more than matching them. */
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();
function globalCopy(re: RegExp): RegExp {
  let global = GLOBAL_COPIES.get(re);
  if (!global) {
    global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    GLOBAL_COPIES.set(re, global);
  }
  return global;
}

/** The first match of `re` in `text` that is neither negated nor conditional; the rest go to `ignored`. */
function firstUsableMatch(text: string, re: RegExp, cls: ReplyClass, ignored: Ignored[], template: Omit<Hit, 'text' | 'index'>): Hit | undefined {
  if (text === '') return undefined;
  const global = globalCopy(re);
  for (const m of text.matchAll(global)) {
    if (m[0] === '') continue;
    const hit: Hit = { ...template, text: m[0].trim(), index: m.index ?? 0 };
    const why = deniedBy(text, hit.index, cls, template.lang);
    if (why) {
      ignored.push({ hit, why });
      continue;
    }
    return hit;
  }
  return undefined;
}

/** A negation or condition (in the words of language `lang`) before `index` in the same clause, or undefined. */
function deniedBy(text: string, index: number, cls: ReplyClass, lang: string | undefined): string | undefined {
  const rules = clauseRulesFor(lang);
  const start = Math.max(0, index - NEGATION_WINDOW);
  let before = text.slice(start, index);
  let lastBreak = -1;
  // a few characters past the match let a break look ahead at the word that opens the next clause (", we")
  for (const m of text.slice(start, index + 16).matchAll(rules.clauseBreak)) {
    if ((m.index ?? 0) < before.length) lastBreak = Math.min((m.index ?? 0) + m[0].length, before.length);
  }
  if (lastBreak >= 0) before = before.slice(lastBreak);
  const negation = before.match(rules.negation);
  if (negation) return `negated by "${negation[0]}"`;
  const hedge = before.match(rules.hedge) ?? (POSSIBILITY_HEDGED.includes(cls) ? before.match(rules.possibility) : null);
  if (hedge) return `conditional ("${hedge[0]}")`;
  return undefined;
}
