// Dates and lists as each language writes them in a letter: "25. November 2026", "1er mars 2027",
// "a, b and c", and lists of citations that hold commas themselves.
import type { Language } from '../model.ts';

const MONTHS: Record<Language, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  // Polish dates take the month in the genitive: "25 listopada 2026".
  pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
};

/**
 * "25 November 2026" (en), "25. November 2026" (de), "1er mars 2027" (fr), "25 de noviembre de 2026"
 * (es), "1º marzo 2027" (it), "25 november 2026" (nl), "25 listopada 2026" (pl).
 */
export function formatLetterDate(isoDate: string, lang: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthName = MONTHS[lang][month - 1];
  switch (lang) {
    case 'de':
      return `${day}. ${monthName} ${year}`;
    case 'fr':
      return `${day === 1 ? '1er' : day} ${monthName} ${year}`;
    case 'es':
      return `${day} de ${monthName} de ${year}`;
    case 'it':
      return `${day === 1 ? '1º' : day} ${monthName} ${year}`;
    default:
      return `${day} ${monthName} ${year}`;
  }
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const AND: Record<Language, string> = { en: ' and ', de: ' und ', fr: ' et ', es: ' y ', it: ' e ', nl: ' en ', pl: ' i ' };

/** "a, b and c". */
export function joinList(items: string[], lang: Language, separator = ', '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)}${AND[lang]}${items[items.length - 1]}`;
}

/**
 * A list of citations: citations that hold commas themselves ("article 21, paragraphe 1, du RGPD")
 * are kept apart by semicolons (French typography puts a space before it).
 */
export function joinCitations(items: string[], lang: Language): string {
  const separator = items.some((item) => item.includes(',')) ? (lang === 'fr' ? ' ; ' : '; ') : ', ';
  return joinList(items, lang, separator);
}
