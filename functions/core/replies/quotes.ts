// Removes quoted material from a reply so that a copy of our own letter never counts as the provider's words.

/** "On Mon, 2 Jun 2025 at 10:00, X <x@y> wrote:" (possibly wrapped onto two or three lines). */
const ATTRIBUTION_EN = /^\s*On\b[\s\S]{0,300}\bwrote\s*:\s*$/i;
/** "Am 02.06.2025 um 10:00 schrieb X <x@y>:" */
const ATTRIBUTION_DE = /^\s*Am\b[\s\S]{0,300}\bschrieb\b[\s\S]{0,300}:\s*$/i;
/** Separators after which mail clients put the original message. */
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|forwarded message|weitergeleitete nachricht)\s*-{2,}/i;
/** A line made only of dashes, underscores or equals signs (ticket systems and Outlook put the thread below one). */
const RULE_LINE = /^\s*[-_=\u2014\u2013]{20,}\s*$/;
/** Outlook-style header block: "From: ..." followed by "Sent:/Date:/To:/Subject:" within a few lines. */
const HEADER_FROM = /^\s*\*?(?:from|von|de)\s*:\*?\s+\S/i;
const HEADER_NEXT = /^\s*\*?(?:sent|date|to|subject|cc|gesendet|datum|an|betreff|envoyé)\s*:\*?/i;
/** Ticket systems that repeat the original request under a label. */
const ORIGINAL_REQUEST_LABEL =
  /^\s*(?:your (?:original )?(?:request|message|e-?mail|submission)|original (?:request|message)|ihre (?:ursprüngliche )?(?:anfrage|nachricht|e-mail))\s*(?:\([^)]*\))?\s*:?\s*$/i;
/** Ticket-system reply markers ("##- Please type your reply above this line -##"): the line itself is noise. */
const REPLY_ABOVE_MARKER = /^\s*#{1,3}-?.*(?:reply above this line|oberhalb dieser zeile).*$/i;

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
    if (REPLY_ABOVE_MARKER.test(line)) continue;

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
    if (ORIGINAL_MESSAGE.test(line)) break;
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l))) break;
    if (RULE_LINE.test(line) && hasContent()) break;
    if (ORIGINAL_REQUEST_LABEL.test(line) && hasContent()) break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** Number of lines (1-3) forming an attribution starting at line i, or 0. */
function attributionAt(lines: string[], i: number): number {
  const first = lines[i] ?? '';
  if (!/^\s*(?:On|Am)\b/i.test(first)) return 0;
  for (let n = 1; n <= 3 && i + n <= lines.length; n++) {
    const joined = lines.slice(i, i + n).join(' ');
    if (ATTRIBUTION_EN.test(joined) || ATTRIBUTION_DE.test(joined)) return n;
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
