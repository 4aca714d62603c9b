// The rules for text a person gives us, in one place: the API refuses at the door what a letter
// could not carry, so nothing is accepted that fails later under the person's name.
//
// Refused in every text field: control characters (C0, DEL, C1: a CR/LF would add lines to a mail,
// a NUL cuts strings in other systems), bidirectional controls (U+202A-U+202E, U+2066-U+2069, and
// the marks U+200E, U+200F, U+061C: they make a name or address read differently from what it is),
// and broken text (lone surrogates cannot be encoded in a mail; U+FFFD is what a decoder leaves of
// bytes that were not UTF-8).
// Single-line fields take no line break of any kind: CR, LF and the Unicode separators U+2028, U+2029.
// Multi-line fields (an address, a pasted cookie file) may hold line breaks and tabs, nothing else.
// Where a person names themself or an account (name, signature, account identifier) every character
// must also be visible (`visibleOnly`): no zero-width, invisible or tag characters, which make a
// handle look like another. The joiners U+200C and U+200D stay allowed where a script or an emoji
// needs them (between two letters of a joining script, or inside an emoji sequence).
import { z } from 'zod';

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/** Invisible and format characters with no place in a name or handle (U+200E, U+200F are in BIDI). */
const INVISIBLE = /\u00AD|\u034F|\u180E|\u200B|[\u2060-\u2064]|\uFEFF|[\u{E0000}-\u{E007F}]/u;
const JOINER = /[\u200C\u200D]/;
const EMOJI_PART = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F/u;
/** A letter or mark of a script that joins (Arabic, the Indic scripts...): anything but Latin, Greek, Cyrillic or Common. */
const JOINING_LETTER = /^(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}])[\p{L}\p{M}]$/u;

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first joiner that stands where no script or emoji needs it, if any. */
function strayJoiner(value: string): string | undefined {
  const chars = Array.from(value);
  return chars.find((char, i) => {
    if (!JOINER.test(char)) return false;
    const [before, after] = [chars[i - 1] ?? '', chars[i + 1] ?? ''];
    const inEmoji = EMOJI_PART.test(before) && EMOJI_PART.test(after);
    return !inEmoji && !(JOINING_LETTER.test(before) && JOINING_LETTER.test(after));
  });
}

export interface TextOptions {
  /** Line breaks and tabs allowed (an address, a cookie file). */
  multiLine?: boolean;
  /** Every character visible: no zero-width, invisible or tag characters (names and handles). */
  visibleOnly?: boolean;
}

/** Why `value` is not acceptable text, naming the first offending character; undefined if it is fine. */
export function textProblem(value: string, options: boolean | TextOptions = false): string | undefined {
  const { multiLine = false, visibleOnly = false } = typeof options === 'boolean' ? { multiLine: options } : options;
  if (LONE_SURROGATE.test(value)) return 'contains broken Unicode (a lone surrogate)';
  if (value.includes('\uFFFD')) return 'contains broken text (U+FFFD, left where bytes were not valid UTF-8)';
  const line = multiLine ? undefined : LINE_BREAK.exec(value);
  if (line) return `must be a single line (it contains a line break${/[\r\n]/.test(line[0]) ? '' : `, ${codePoint(line[0])}`})`;
  const control = (multiLine ? CONTROL_EXCEPT_LINES : CONTROL).exec(value);
  if (control) return `contains a control character (${codePoint(control[0])})`;
  const bidi = BIDI.exec(value);
  if (bidi) return `contains a text-direction control character (${codePoint(bidi[0])})`;
  const invisible = visibleOnly ? (INVISIBLE.exec(value)?.[0] ?? strayJoiner(value)) : undefined;
  if (invisible) return `contains an invisible character (${codePoint(invisible)}): type it with visible characters only`;
  return undefined;
}

/** The text rules as a zod refinement, for schemas that transform the text after checking it. */
export function textRules(options: TextOptions = {}) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, options);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
  };
}

/** One line of text (names, account identifiers, subject parts): trimmed, non-empty, at most `max`. */
export function singleLine(max: number, options: { visibleOnly?: boolean } = {}) {
  return z
    .string({ message: 'must be a text' })
    .superRefine(textRules({ visibleOnly: options.visibleOnly }))
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'is required').max(max, `is too long (${max} characters at most)`));
}

/** Text that may span lines (a postal address, a pasted cookie file), at most `max`. */
export function multiLine(max: number) {
  return z
    .string({ message: 'must be a text' })
    .max(max, `is too large (${max} characters at most)`)
    .superRefine(textRules({ multiLine: true }));
}
