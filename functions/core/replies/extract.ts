// Pulling details out of a classified reply: the sentence around a match, a channel URL, an extension period.

/** Abbreviations whose dot does not end a sentence ("Art. 12 Abs. 3", "Cal. Civ. Code"). */
const ABBREVIATION = /(?:^|[\s(])(?:Art|Abs|lit|Nr|No|Sec|Cal|Civ|Reg|ca|bzw|ggf|vgl|gem|z\.B|e\.g|i\.e|Mr|Ms|Mrs|Dr|St)\.$/i;

/** Start and end of the sentence containing `index` in normalised text (sentences end at . ! ? or a line break). */
function sentenceBounds(text: string, index: number): { start: number; end: number } {
  let start = 0;
  const boundary = /[.!?](?=\s)\s*|\n/g;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    if (m[0].startsWith('.') && ABBREVIATION.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    const endOfBoundary = m.index + m[0].length;
    if (endOfBoundary <= index) {
      start = endOfBoundary;
      continue;
    }
    return { start, end: m.index + (m[0].startsWith('\n') ? 0 : 1) };
  }
  return { start, end: text.length };
}

export function sentenceAt(text: string, index: number, maxLength = 400): string {
  const { start, end } = sentenceBounds(text, index);
  const s = text.slice(start, end).trim();
  return s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s;
}

const URL = /\bhttps?:\/\/[^\s<>"'\][)(]+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
/** URLs that are never a request channel. */
const NOT_A_CHANNEL = /unsubscribe|\.(?:png|jpe?g|gif|svg)(?:\?|$)|\/track|\/pixel|\/open\?|mailto:/i;
/** Paths that look like a privacy request channel, preferred when no URL sits next to the matched phrase. */
const CHANNEL_HINT = /privacy|datenschutz|form|request|dsar|gdpr|dsgvo|ccpa|portal|support|help|contact|kontakt|rights|opt-?out/i;
/** Our own inbound addresses must never be offered as "the other channel". */
const OUR_ADDRESS = /^reply\+/i;

function cleanUrl(u: string): string {
  return u.replace(/[.,;:!?]+$/, '');
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(URL)].map((m) => cleanUrl(m[0])).filter((u) => !NOT_A_CHANNEL.test(u));
}

/**
 * The channel a "use another channel" reply points to: a URL in the matched sentence or the two after it,
 * then a privacy-looking URL anywhere in the reply, then an email address in those sentences (as mailto:).
 */
export function extractChannelUrl(text: string, matchIndex: number, senderAddress: string): string | undefined {
  const { start } = sentenceBounds(text, matchIndex);
  let end = sentenceBounds(text, matchIndex).end;
  for (let n = 0; n < 2 && end < text.length; n++) end = sentenceBounds(text, end + 1).end;
  const near = text.slice(start, end);
  const nearUrl = urlsIn(near)[0];
  if (nearUrl) return nearUrl;
  const hinted = urlsIn(text).find((u) => CHANNEL_HINT.test(u));
  if (hinted) return hinted;
  const sender = senderAddress.toLowerCase();
  const address = [...near.matchAll(EMAIL)].map((m) => m[0].replace(/\.$/, '')).find((a) => !OUR_ADDRESS.test(a) && a.toLowerCase() !== sender);
  return address ? `mailto:${address}` : undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  ein: 1,
  einen: 1,
  einem: 1,
  un: 1,
  une: 1,
  uno: 1,
  een: 1,
  één: 1,
  jeden: 1,
  '1': 1,
  two: 2,
  zwei: 2,
  deux: 2,
  dos: 2,
  due: 2,
  twee: 2,
  dwa: 2,
  '2': 2,
  three: 3,
  drei: 3,
  trois: 3,
  tres: 3,
  tre: 3,
  drie: 3,
  trzy: 3,
  '3': 3,
};
/** "N months" in en, de, fr, es, it, nl, pl; a lookahead, not \b, ends it, since "miesiące" ends in a letter \b does not know. */
const NUMBER = '(a|an|one|two|three|1|2|3|einen?|einem|zwei|drei|une?|uno|deux|trois|dos|tres|due|tre|een|één|twee|drie|jeden|dwa|trzy)';
const MONTH_NOUN = '(?:months?|monate?n?|mois|mes|meses|mese|mesi|maand|maanden|miesiąc|miesiące|miesięcy)(?![\\w\\u00C0-\\u024F])';
/** Words for "further" before the noun ("two further months", "zwei weitere Monate", "twee extra maanden"). */
const FURTHER_BEFORE = '(further|additional|more|extra|weitere[nm]?|zusätzliche[nm]?|aanvullende|additionele)';
/** ... and after it ("deux mois supplémentaires", "dos meses más", "due mesi aggiuntivi"). */
const FURTHER_AFTER = '(?: (supplémentaires|additionnels|adicionales|más|ulteriori|aggiuntivi|in più|extra))?';
/** ... and before the number ("further two months", "weitere zwei Monate", "ulteriori due mesi", "o kolejne dwa miesiące"). */
const FURTHER_LEADING = '(further|additional|weitere[nm]?|zusätzliche[nm]?|otros|ulteriori|altri|nog|kolejne|dodatkowe)';
const MONTHS = new RegExp(`(?<![\\w\\u00C0-\\u024F])${NUMBER}[ -](?:${FURTHER_BEFORE} )?${MONTH_NOUN}${FURTHER_AFTER}`, 'gi');
const MONTHS_AFTER = new RegExp(`\\b${FURTHER_LEADING} ${NUMBER} ${MONTH_NOUN}`, 'gi');
/** Words just before "one month" that make it the original deadline, not the extension ("within one month"). */
const WITHIN = /(?:\b(?:within|innerhalb|in|entro|binnen)|dans (?:un|le) délai d'|en (?:el|un) plazo de|w (?:terminie|ciągu))\s*$/i;
const DAYS =
  /\b(?:(?:an? )?(?:additional|further|another|weitere) (\d{1,3}|forty-five|thirty|sixty|ninety) (?:calendar |business )?(?:days|tage)|(\d{1,3}|forty-five) (?:additional|further|more|extra|weitere) (?:calendar |business )?(?:days|tage))\b/i;
const DAY_WORDS: Record<string, number> = { 'forty-five': 45, thirty: 30, sixty: 60, ninety: 90 };

const MONTH_NUMBERS: Record<string, number> = {
  january: 1,
  jan: 1,
  januar: 1,
  jänner: 1,
  february: 2,
  feb: 2,
  februar: 2,
  march: 3,
  mar: 3,
  märz: 3,
  maerz: 3,
  april: 4,
  apr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juni: 6,
  july: 7,
  jul: 7,
  juli: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  dezember: 12,
  dez: 12,
};
const MONTH_NAME = `(${Object.keys(MONTH_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\b\\.?`;
const WEEKDAY_EN = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:the\\s+)?';
const WEEKDAY_DE = '(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\\s+)?(?:den\\s+)?';
/** "until 15 January [2027]", "by January 15th, 2027", "no later than 2027-01-15", "bis zum 15. Januar 2027", "bis 15.01.2027". */
const UNTIL_PATTERNS: readonly { re: RegExp; pick: (m: RegExpExecArray) => { day?: string; month?: string; year?: string } }[] = [
  {
    re: new RegExp(
      `\\b(?:until|till|by|no later than|on or before)\\s+${WEEKDAY_EN}(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_NAME}(?:,?\\s+(\\d{4}))?`,
      'gi',
    ),
    pick: (m) => ({ day: m[1], month: m[2], year: m[3] }),
  },
  {
    re: new RegExp(`\\b(?:until|till|by|no later than|on or before)\\s+${WEEKDAY_EN}${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, 'gi'),
    pick: (m) => ({ month: m[1], day: m[2], year: m[3] }),
  },
  {
    re: new RegExp(`\\b(?:bis|spätestens)(?:\\s+(?:zum|am|spätestens))?\\s+${WEEKDAY_DE}(\\d{1,2})\\.\\s*${MONTH_NAME}(?:\\s+(\\d{4}))?`, 'gi'),
    pick: (m) => ({ day: m[1], month: m[2], year: m[3] }),
  },
  {
    re: new RegExp(`\\b(?:bis|spätestens)(?:\\s+(?:zum|am|spätestens))?\\s+${WEEKDAY_DE}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})?`, 'gi'),
    pick: (m) => ({ day: m[1], month: m[2], year: m[3] }),
  },
  {
    re: /\b(?:until|till|by|no later than|on or before|bis(?: zum)?|spätestens(?: am| zum)?)\s+(\d{4})-(\d{2})-(\d{2})\b/gi,
    pick: (m) => ({ year: m[1], month: m[2], day: m[3] }),
  },
];

/**
 * The date an extension runs to, when the sentence names one ("until 15 January"): 'YYYY-MM-DD', or
 * '--MM-DD' without a year (the deadline rules take its next occurrence). Conservative: a day that does
 * not exist, or two different dates, give nothing.
 */
function extractUntil(scope: string): string | undefined {
  const found = new Set<string>();
  for (const { re, pick } of UNTIL_PATTERNS) {
    for (const m of scope.matchAll(re)) {
      const { day, month, year } = pick(m as RegExpExecArray);
      const monthNumber = /^\d+$/.test(month ?? '') ? Number(month) : MONTH_NUMBERS[(month ?? '').toLowerCase()];
      const dayNumber = Number(day);
      if (!monthNumber || monthNumber > 12 || !Number.isInteger(dayNumber) || dayNumber < 1) return undefined;
      const y = year ? Number(year) : 2000; // a leap year: 29 February is a day of some year
      if (dayNumber > new Date(Date.UTC(y, monthNumber, 0)).getUTCDate()) return undefined;
      const md = `${String(monthNumber).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
      found.add(year ? `${year}-${md}` : `--${md}`);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The extension period stated in the matched sentence or the next one. Months stated "further/additional"
 * win over a bare "one month" (which is usually the original deadline). Days are returned when stated,
 * and the date it runs to when one is named ("until 15 January": `until`).
 */
export function extractExtension(text: string, matchIndex: number): { months?: number; days?: number; until?: string } {
  const first = sentenceBounds(text, matchIndex);
  const second = first.end < text.length ? sentenceBounds(text, first.end + 1) : first;
  const scope = text.slice(first.start, second.end);

  const after = [...scope.matchAll(MONTHS_AFTER)].map((m) => NUMBER_WORDS[(m[2] ?? '').toLowerCase()]);
  const stated = [...scope.matchAll(MONTHS)].map((m) => ({
    n: NUMBER_WORDS[(m[1] ?? '').toLowerCase()],
    further: Boolean(m[2] || m[3]),
    within: WITHIN.test(scope.slice(Math.max(0, (m.index ?? 0) - 20), m.index)),
  }));
  const until = extractUntil(scope);
  const withUntil = until ? { until } : {};
  const months = after[0] ?? stated.find((s) => s.further)?.n ?? stated.find((s) => !s.within)?.n;
  if (months) return { months, ...withUntil };

  const d = scope.match(DAYS);
  if (d) {
    const raw = (d[1] ?? d[2] ?? '').toLowerCase();
    const days = DAY_WORDS[raw] ?? Number(raw);
    if (Number.isFinite(days) && days > 0) return { days, ...withUntil };
  }
  return withUntil;
}
