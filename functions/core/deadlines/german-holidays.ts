// Germany's public holidays for GDPR periods (Reg. 1182/71 Art. 2(1): those of the Member State, and
// within it of the place, where the action is taken: the controller's Land). Public holidays are Land
// law, except 3 October (Einigungsvertrag Art. 2(2)); nine days are holidays in every Land, the rest in
// some Länder only. One calendar per Land ("DE-NW": the nine plus that Land's own), and "DE", for a
// German controller whose Land is not known: the nine plus every Land's own (never early).
//
// Sources: the Sonn- und Feiertagsgesetze of the Länder, as summarised in the federal interior
// ministry's overview "Gesetzliche Feiertage in der Bundesrepublik Deutschland" (Stand September 2018,
// reproduced at kalenderdesigner.de; the statutes themselves were not read here); the later additions
// as reported: Internationaler Frauentag in Berlin (since 2019) and Mecklenburg-Vorpommern (since 2023),
// Weltkindertag in Thüringen (since 2019), Reformationstag in Bremen, Hamburg, Niedersachsen and
// Schleswig-Holstein (since 2018).
//
// Judgement calls ("never early": a day counted as a holiday can only make a deadline later):
// - Holidays of only part of a Land count for the whole Land (the municipality is not known):
//   Mariä Himmelfahrt in Bavaria (municipalities with a mainly Catholic population), the Augsburger
//   Friedensfest in Bavaria (city of Augsburg), Fronleichnam in Sachsen (municipalities of the Landkreis
//   Bautzen named by ordinance) and Thüringen (municipalities with a mainly Catholic population).
// - Each holiday is applied to every year, also before it was introduced (e.g. Frauentag before 2019).
// - One-off holidays (Berlin's 8 May 2020 and 2025) cannot be computed and are not counted.
// - Ostersonntag and Pfingstsonntag (Brandenburg) are Sundays, which end no period anyway.
import { GERMAN_LAND_CODES, type GermanLandCode } from '../countries.ts';
import { WED } from './calendar.ts';
import type { HolidayCalendar, HolidayRule } from './holidays.ts';

const DE_ALL = 'Feiertagsgesetze of all 16 Länder; 3 Oct: Einigungsvertrag Art. 2(2)';
const LAND = 'Feiertagsgesetz of the Land (BMI overview, Stand 09/2018)';

const fixed = (name: string, month: number, day: number, source: string): HolidayRule => ({ name, source, kind: 'fixed', month, day });
const easter = (name: string, offset: number, source: string): HolidayRule => ({ name, source, kind: 'easter', offset });

/** The holidays of every Land. */
export const GERMAN_NATIONWIDE_RULES: readonly HolidayRule[] = [
  fixed('Neujahr', 1, 1, DE_ALL),
  easter('Karfreitag', -2, DE_ALL),
  easter('Ostermontag', 1, DE_ALL),
  fixed('Tag der Arbeit', 5, 1, DE_ALL),
  easter('Christi Himmelfahrt', 39, DE_ALL),
  easter('Pfingstmontag', 50, DE_ALL),
  fixed('Tag der Deutschen Einheit', 10, 3, DE_ALL),
  fixed('1. Weihnachtstag', 12, 25, DE_ALL),
  fixed('2. Weihnachtstag', 12, 26, DE_ALL),
];

/** Each Land holiday once, with the Länder where it is (or in part is) a public holiday. */
export const GERMAN_LAND_HOLIDAYS: readonly { rule: HolidayRule; laender: readonly GermanLandCode[] }[] = [
  { rule: fixed('Heilige Drei Könige', 1, 6, LAND), laender: ['DE-BW', 'DE-BY', 'DE-ST'] },
  { rule: fixed('Internationaler Frauentag', 3, 8, `${LAND}; Berlin since 2019, Mecklenburg-Vorpommern since 2023`), laender: ['DE-BE', 'DE-MV'] },
  {
    rule: easter('Fronleichnam', 60, `${LAND}; Sachsen and Thüringen: some municipalities only, counted (never early)`),
    laender: ['DE-BW', 'DE-BY', 'DE-HE', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-TH'],
  },
  { rule: fixed('Augsburger Friedensfest', 8, 8, `${LAND}; the city of Augsburg only, counted for Bavaria (never early)`), laender: ['DE-BY'] },
  {
    rule: fixed('Mariä Himmelfahrt', 8, 15, `${LAND}; Bavaria: mainly Catholic municipalities only, counted (never early)`),
    laender: ['DE-BY', 'DE-SL'],
  },
  { rule: fixed('Weltkindertag', 9, 20, `${LAND}; Thüringen since 2019`), laender: ['DE-TH'] },
  {
    rule: fixed('Reformationstag', 10, 31, `${LAND}; Bremen, Hamburg, Niedersachsen, Schleswig-Holstein since 2018`),
    laender: ['DE-BB', 'DE-HB', 'DE-HH', 'DE-MV', 'DE-NI', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH'],
  },
  { rule: fixed('Allerheiligen', 11, 1, LAND), laender: ['DE-BW', 'DE-BY', 'DE-NW', 'DE-RP', 'DE-SL'] },
  // The Wednesday before 23 November (the Wednesday before the last Sunday of the church year).
  { rule: { name: 'Buß- und Bettag', source: LAND, kind: 'weekday-before', month: 11, day: 23, weekday: WED }, laender: ['DE-SN'] },
];

function calendar(name: string, extra: readonly HolidayRule[]): HolidayCalendar {
  return { name, source: `${DE_ALL}; ${LAND}`, observance: 'none', rules: [...GERMAN_NATIONWIDE_RULES, ...extra] };
}

/** "DE-NW" -> the nine nationwide holidays plus that Land's own. */
function landCalendar(land: GermanLandCode): HolidayCalendar {
  const extra = GERMAN_LAND_HOLIDAYS.filter((h) => h.laender.includes(land)).map((h) => h.rule);
  return calendar(`Germany, ${land}: the public holidays of every Land and of this Land`, extra);
}

/** One calendar per Land, and "DE" (Land unknown): every Land's holidays, never early. */
export const GERMAN_CALENDARS = {
  DE: calendar(
    "Germany, Land not known: the public holidays of every Land plus each Land's own (never early)",
    GERMAN_LAND_HOLIDAYS.map((h) => h.rule),
  ),
  ...(Object.fromEntries(GERMAN_LAND_CODES.map((land) => [land, landCalendar(land)])) as Record<GermanLandCode, HolidayCalendar>),
};
