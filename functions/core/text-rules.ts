// The rules for text a person gives us, in one place: the API refuses at the door what a letter
// could not carry, so nothing is accepted that fails later under the person's name.
//
// Refused in every text field: control characters (C0, DEL, C1: a CR/LF would add lines to a mail,
// a NUL cuts strings in other systems), bidirectional controls (U+202A-U+202E, U+2066-U+2069, and
// the marks U+200E, U+200F, U+061C: they make a name or address read differently from what it is),
// and broken UTF-16 (lone surrogates cannot be encoded in a mail).
// Multi-line fields (an address, a pasted cookie file) may hold line breaks and tabs, nothing else.
import { z } from 'zod';

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `value` is not acceptable text, naming the first offending character; undefined if it is fine. */
export function textProblem(value: string, multiLine = false): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains broken Unicode (a lone surrogate)';
  const line = multiLine ? undefined : /[\r\n]/.exec(value);
  if (line) return 'must be a single line (it contains a line break)';
  const control = (multiLine ? CONTROL_EXCEPT_LINES : CONTROL).exec(value);
  if (control) return `contains a control character (${codePoint(control[0])})`;
  const bidi = BIDI.exec(value);
  if (bidi) return `contains a text-direction control character (${codePoint(bidi[0])})`;
  return undefined;
}

function checked(multiLine: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, multiLine);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/** One line of text (names, account identifiers, subject parts): trimmed, non-empty, at most `max`. */
export function singleLine(max: number) {
  return z
    .string({ message: 'must be a text' })
    .superRefine(checked(false))
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'is required').max(max, `is too long (${max} characters at most)`));
}

/** Text that may span lines (a postal address, a pasted cookie file), at most `max`. */
export function multiLine(max: number) {
  return z.string({ message: 'must be a text' }).max(max, `is too large (${max} characters at most)`).superRefine(checked(true));
}
