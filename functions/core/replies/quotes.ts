// Removes quoted material from a reply so that a copy of our own letter never counts as the provider's words.
import { QUOTE_MARKERS } from './patterns/index.ts';

/** A line made only of dashes, underscores or equals signs (ticket systems and Outlook put the thread below one). */
const RULE_LINE = /^\s*[-_=\u2014\u2013]{20,}\s*$/;
/**
 * The language-dependent markers, from patterns/<lang>.ts: attribution lines ("On ... wrote:", "Am ... schrieb:",
 * "Le ... a écrit :", "El ... escribió:", "Il giorno ... ha scritto:", "Op ... schreef ...:", "W dniu ... pisze:"),
 * "Original Message" separators, Outlook header blocks ("From:" followed by "Sent:/To:/Subject:" within a few
 * lines), ticket systems' "Your request:" labels and "##- Please type your reply above this line -##" markers.
 */
const { attributionStart, attribution, separator, headerFrom, headerNext, requestLabel, replyAbove } = QUOTE_MARKERS;

/**
 * Returns the reply's own text: drops lines starting with ">", and cuts at the first attribution line,
 * "Original Message" separator, Outlook header block, long rule line or "Your request:" label.
 * An attribution followed by ">" lines (bottom-posting) is only removed, so text after the quote survives.
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  const hasContent = () => kept.some((l) => l.trim() !== '');

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*>/.test(line)) continue;
    if (replyAbove.test(line)) continue;

    const attributionLength = attributionAt(lines, i);
    if (attributionLength > 0) {
      const next = nextNonEmpty(lines, i + attributionLength);
      if (next !== undefined && /^\s*>/.test(next)) {
        // bottom-posting or interleaved: drop the attribution, the ">" lines go by the rule above
        i += attributionLength - 1;
        continue;
      }
      break;
    }
    if (separator.test(line)) break;
    if (headerFrom.test(line) && lines.slice(i + 1, i + 5).some((l) => headerNext.test(l))) break;
    if (RULE_LINE.test(line) && hasContent()) break;
    if (requestLabel.test(line) && hasContent()) break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** Number of lines (1-3) forming an attribution starting at line i, or 0. */
function attributionAt(lines: string[], i: number): number {
  const first = lines[i] ?? '';
  if (!attributionStart.test(first)) return 0;
  for (let n = 1; n <= 3 && i + n <= lines.length; n++) {
    const joined = lines.slice(i, i + n).join(' ');
    if (attribution.test(joined)) return n;
  }
  return 0;
}

function nextNonEmpty(lines: string[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() !== '') return l;
  }
  return undefined;
}
