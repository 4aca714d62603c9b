// The holiday calendars: one per place whose holidays move a deadline, each rule with its source, as
// rules that holidays.ts computes for any year (no year tables that run out).
//
// Judgement calls, each kept here so it can be corrected in one place ("never early": a day we count
// as a holiday can only make a deadline later, never earlier):
// - Ireland: the Organisation of Working Time Act 1997 gives no substitute public holiday when one falls
//   on a weekend (the employee gets a benefit instead), but the following weekday is then a bank holiday
//   (banks and most offices close; e.g. Mon 28 Dec 2026 for St Stephen's Day). Counted.
// - Germany: the holidays of the controller's Land; where its Land is not known, every Land's
//   (german-holidays.ts, with its own judgement calls).
// - England and Wales: the one-off bank holidays a proclamation adds (jubilees, coronations) cannot be
//   computed and are not counted; Scotland's and Northern Ireland's extra days are not counted.
// - Netherlands: besides the Algemene termijnenwet's days, the bridging days the Crown equates with
//   holidays by decree every few years (art. 3(3)) follow a fixed pattern, applied to every year.
// - Luxembourg: a holiday on a Sunday gives each employee a compensatory day off within three months,
//   not a fixed date: no substitute day.
// - US states without a computation statute we know: the federal holidays with their observed days,
//   plus the day after Thanksgiving (a state holiday in many states); Indiana, Nebraska and Kentucky
//   add their own legal holidays (Good Friday, Arbor Day, Christmas Eve).
import { FRI, MON, THU, TUE } from './calendar.ts';
import { GERMAN_CALENDARS } from './german-holidays.ts';
import type { HolidayCalendar, HolidayRule } from './holidays.ts';

const fixed = (name: string, month: number, day: number, source: string) => ({ name, source, kind: 'fixed', month, day }) as const;
const nth = (name: string, month: number, wd: number, n: number, source: string) => ({ name, source, kind: 'weekday', month, weekday: wd, nth: n }) as const;
const easter = (name: string, offset: number, source: string) => ({ name, source, kind: 'easter', offset }) as const;

// ---------------------------------------------------------------------------------------------
// California: the business days of the CCPA rules, and CCP § 12a for its calendar-day periods
// ---------------------------------------------------------------------------------------------

const GC = 'Gov. Code § 6700';

/**
 * Gov. Code § 6700 plus the CalHR day after Thanksgiving (also a holiday under CCP § 135), applied to
 * every year (when each holiday was introduced is not modelled; more holidays only make deadlines later).
 * Days appointed ad hoc by the Governor or President cannot be computed and are not included.
 * Lunar New Year: see lunar.ts.
 */
export const CALIFORNIA_HOLIDAY_RULES: readonly HolidayRule[] = [
  fixed("New Year's Day", 1, 1, GC),
  nth('Martin Luther King Jr. Day', 1, MON, 3, GC),
  { name: 'Lunar New Year', source: GC, kind: 'lunar-new-year' },
  fixed('Lincoln Day', 2, 12, GC),
  nth("Presidents' Day", 2, MON, 3, GC),
  fixed('Cesar Chavez Day', 3, 31, GC),
  fixed('Genocide Remembrance Day', 4, 24, GC),
  nth('Memorial Day', 5, MON, -1, GC),
  fixed('Juneteenth', 6, 19, GC),
  fixed('Independence Day', 7, 4, GC),
  nth('Labor Day', 9, MON, 1, GC),
  fixed('Admission Day', 9, 9, GC),
  nth('Native American Day', 9, FRI, 4, GC),
  nth('Columbus Day', 10, MON, 2, GC),
  { ...fixed('Veterans Day', 11, 11, 'Gov. Code §§ 6700, 6701'), saturdayGivesFriday: true },
  nth('Thanksgiving Day', 11, THU, 4, GC),
  { name: 'Day after Thanksgiving', source: 'CalHR; CCP § 135', kind: 'weekday', month: 11, weekday: THU, nth: 4, plusDays: 1 },
  fixed('Christmas Day', 12, 25, GC),
];

// ---------------------------------------------------------------------------------------------
// Other US holidays
// ---------------------------------------------------------------------------------------------

const USC = '5 U.S.C. § 6103(a)';
const US_FEDERAL_RULES: readonly HolidayRule[] = [
  fixed("New Year's Day", 1, 1, USC),
  nth('Birthday of Martin Luther King, Jr.', 1, MON, 3, USC),
  nth("Washington's Birthday", 2, MON, 3, USC),
  nth('Memorial Day', 5, MON, -1, USC),
  fixed('Juneteenth National Independence Day', 6, 19, USC),
  fixed('Independence Day', 7, 4, USC),
  nth('Labor Day', 9, MON, 1, USC),
  nth('Columbus Day', 10, MON, 2, USC),
  fixed('Veterans Day', 11, 11, USC),
  nth('Thanksgiving Day', 11, THU, 4, USC),
  fixed('Christmas Day', 12, 25, USC),
];

const DAY_AFTER_THANKSGIVING: HolidayRule = {
  name: 'Day after Thanksgiving',
  source: 'never early (a holiday in many states)',
  kind: 'weekday',
  month: 11,
  weekday: THU,
  nth: 4,
  plusDays: 1,
};

/** A state whose legal holidays add to the federal ones: the 'US' calendar plus `extra`. */
function usStateCalendar(state: string, source: string, extra: readonly HolidayRule[]): HolidayCalendar {
  return {
    name: `${state}: US federal holidays with their observed days, the day after Thanksgiving, and ${extra.map((r) => r.name).join(', ')} (${source})`,
    source: `5 U.S.C. § 6103; ${source}`,
    observance: 'us-federal',
    rules: [...US_FEDERAL_RULES, DAY_AFTER_THANKSGIVING, ...extra],
  };
}

const CRS = 'C.R.S. § 24-11-101(1)';
const TGC_A = 'Tex. Gov. Code § 662.003(a)';
const TGC_B = 'Tex. Gov. Code § 662.003(b)';

// ---------------------------------------------------------------------------------------------
// Member states of the controller (GDPR) and the United Kingdom (UK GDPR)
// ---------------------------------------------------------------------------------------------

const OWTA = 'Organisation of Working Time Act 1997, Sch. 2 (as amended 2022)';
const BFDA = 'Banking and Financial Dealings Act 1971, Sch. 1, and royal proclamation';
const CT = 'Code du travail, art. L3133-1';
const ATW = 'Algemene termijnenwet, art. 3(1)';
const ATW_BRIDGE = 'Algemene termijnenwet, art. 3(3): days equated by decree (pattern of the decrees)';
const LU = 'Code du travail (Luxembourg), art. L. 232-2';

export const HOLIDAY_CALENDARS = {
  'US-CA': {
    name: 'California state holidays (Gov. Code §§ 6700, 6701; CalHR; CCP § 135)',
    source: 'Gov. Code §§ 6700, 6701',
    observance: 'sunday-to-monday',
    rules: CALIFORNIA_HOLIDAY_RULES,
  },
  US: {
    name: 'US federal holidays with their observed days, plus the day after Thanksgiving',
    source: '5 U.S.C. § 6103; the day after Thanksgiving: never early',
    observance: 'us-federal',
    rules: [...US_FEDERAL_RULES, DAY_AFTER_THANKSGIVING],
  },
  // States whose own legal holidays go beyond the federal list: each period there is rolled off the
  // federal days plus the state's own (more days only make a deadline later: never early). Statutes as
  // named in the audit (2026-11), not read here: verify against the statute text.
  'US-IN': usStateCalendar('Indiana', 'IC 1-1-9-1', [easter('Good Friday', -2, 'IC 1-1-9-1')]),
  'US-NE': usStateCalendar('Nebraska', 'Neb. Rev. Stat. § 25-2221', [
    nth('Arbor Day', 4, FRI, -1, 'Neb. Rev. Stat. § 25-2221 (Arbor Day, last Friday in April)'),
  ]),
  'US-KY': usStateCalendar('Kentucky', 'KRS 446.030', [
    fixed('Christmas Eve', 12, 24, 'a Kentucky state holiday, counted under KRS 446.030 (audit 2026-11; verify)'),
  ]),
  'US-CO': {
    name: 'Colorado legal holidays (C.R.S. § 24-11-101)',
    source: 'C.R.S. § 24-11-101',
    observance: 'sunday-to-monday',
    rules: [
      fixed("New Year's Day", 1, 1, CRS),
      nth('Dr. Martin Luther King, Jr. Day', 1, MON, 3, CRS),
      nth('Washington-Lincoln Day', 2, MON, 3, CRS),
      nth('Memorial Day', 5, MON, -1, CRS),
      fixed('Juneteenth', 6, 19, CRS),
      fixed('Independence Day', 7, 4, CRS),
      nth('Labor Day', 9, MON, 1, CRS),
      nth('Frances Xavier Cabrini Day', 10, MON, 1, CRS),
      fixed("Veterans' Day", 11, 11, CRS),
      nth('Thanksgiving Day', 11, THU, 4, CRS),
      fixed('Christmas Day', 12, 25, CRS),
    ],
  },
  'US-TX': {
    name: 'Texas national and state holidays (Tex. Gov. Code § 662.003(a), (b))',
    source: 'Tex. Gov. Code § 662.003',
    observance: 'none',
    rules: [
      fixed("New Year's Day", 1, 1, TGC_A),
      nth('Martin Luther King, Jr., Day', 1, MON, 3, TGC_A),
      nth("Presidents' Day", 2, MON, 3, TGC_A),
      nth('Memorial Day', 5, MON, -1, TGC_A),
      fixed('Independence Day', 7, 4, TGC_A),
      nth('Labor Day', 9, MON, 1, TGC_A),
      fixed('Veterans Day', 11, 11, TGC_A),
      nth('Thanksgiving Day', 11, THU, 4, TGC_A),
      fixed('Christmas Day', 12, 25, TGC_A),
      fixed('Confederate Heroes Day', 1, 19, TGC_B),
      fixed('Texas Independence Day', 3, 2, TGC_B),
      fixed('San Jacinto Day', 4, 21, TGC_B),
      fixed('Emancipation Day in Texas', 6, 19, TGC_B),
      fixed('Lyndon Baines Johnson Day', 8, 27, TGC_B),
      { name: 'Friday after Thanksgiving', source: TGC_B, kind: 'weekday', month: 11, weekday: THU, nth: 4, plusDays: 1 },
      fixed('Christmas Eve', 12, 24, TGC_B),
      fixed('26 December', 12, 26, TGC_B),
    ],
  },
  IE: {
    name: 'Ireland: public holidays, with the bank holiday that follows one on a weekend',
    source: OWTA,
    observance: 'next-free-weekday',
    rules: [
      fixed("New Year's Day", 1, 1, OWTA),
      { name: "St Brigid's Day", source: OWTA, kind: 'st-brigid' },
      fixed("St Patrick's Day", 3, 17, OWTA),
      easter('Easter Monday', 1, OWTA),
      nth('May bank holiday', 5, MON, 1, OWTA),
      nth('June bank holiday', 6, MON, 1, OWTA),
      nth('August bank holiday', 8, MON, 1, OWTA),
      nth('October bank holiday', 10, MON, -1, OWTA),
      fixed('Christmas Day', 12, 25, OWTA),
      fixed("St Stephen's Day", 12, 26, OWTA),
    ],
  },
  GB: {
    name: 'United Kingdom (England and Wales) bank holidays, with substitute days',
    source: BFDA,
    observance: 'next-free-weekday',
    rules: [
      fixed("New Year's Day", 1, 1, BFDA),
      easter('Good Friday', -2, 'common-law holiday'),
      easter('Easter Monday', 1, BFDA),
      nth('Early May bank holiday', 5, MON, 1, BFDA),
      nth('Spring bank holiday', 5, MON, -1, BFDA),
      nth('Summer bank holiday', 8, MON, -1, BFDA),
      fixed('Christmas Day', 12, 25, 'common-law holiday'),
      fixed('Boxing Day', 12, 26, BFDA),
    ],
  },
  ...GERMAN_CALENDARS,
  FR: {
    name: 'France: jours fériés (metropolitan; Alsace-Moselle extras not counted)',
    source: CT,
    observance: 'none',
    rules: [
      fixed("Jour de l'an", 1, 1, CT),
      easter('Lundi de Pâques', 1, CT),
      fixed('Fête du Travail', 5, 1, CT),
      fixed('Victoire 1945', 5, 8, CT),
      easter('Ascension', 39, CT),
      easter('Lundi de Pentecôte', 50, CT),
      fixed('Fête nationale', 7, 14, CT),
      fixed('Assomption', 8, 15, CT),
      fixed('Toussaint', 11, 1, CT),
      fixed('Armistice 1918', 11, 11, CT),
      fixed('Noël', 12, 25, CT),
    ],
  },
  NL: {
    name: 'Netherlands: algemeen erkende feestdagen and the days equated with them',
    source: 'Algemene termijnenwet, art. 3',
    observance: 'none',
    rules: [
      fixed('Nieuwjaarsdag', 1, 1, ATW),
      easter('Goede Vrijdag', -2, 'Algemene termijnenwet, art. 3(2)'),
      easter('Tweede Paasdag', 1, ATW),
      // 26 April when the 27th is a Sunday: a Saturday then, which ends no period anyway.
      fixed('Koningsdag', 4, 27, ATW),
      fixed('Bevrijdingsdag', 5, 5, ATW),
      easter('Hemelvaartsdag', 39, ATW),
      easter('Vrijdag na Hemelvaartsdag', 40, ATW_BRIDGE),
      easter('Tweede Pinksterdag', 50, ATW),
      fixed('Eerste Kerstdag', 12, 25, ATW),
      fixed('Tweede Kerstdag', 12, 26, ATW),
      ...['Nieuwjaarsdag', 'Koningsdag', 'Bevrijdingsdag', 'Eerste Kerstdag'].map(
        (of) => ({ name: `Maandag voor ${of}`, source: ATW_BRIDGE, kind: 'bridge', of, ifWeekday: TUE, offset: -1 }) as const,
      ),
      ...['Nieuwjaarsdag', 'Koningsdag', 'Bevrijdingsdag', 'Tweede Kerstdag'].map(
        (of) => ({ name: `Vrijdag na ${of}`, source: ATW_BRIDGE, kind: 'bridge', of, ifWeekday: THU, offset: 1 }) as const,
      ),
    ],
  },
  LU: {
    name: 'Luxembourg: jours fériés légaux',
    source: LU,
    observance: 'none',
    rules: [
      fixed('Nouvel An', 1, 1, LU),
      easter('Lundi de Pâques', 1, LU),
      fixed('1er mai', 5, 1, LU),
      fixed("Journée de l'Europe", 5, 9, LU),
      easter('Ascension', 39, LU),
      easter('Lundi de Pentecôte', 50, LU),
      fixed('Fête nationale', 6, 23, LU),
      fixed('Assomption', 8, 15, LU),
      fixed('Toussaint', 11, 1, LU),
      fixed('Noël', 12, 25, LU),
      fixed('Lendemain de Noël', 12, 26, LU),
    ],
  },
  /** Where the controller's holidays are unknown, at least these two: they are holidays in every Member State. */
  COMMON: {
    name: "1 January and 25 December (the controller's holidays are not known)",
    source: 'public holidays in every Member State (Regulation 1182/71 Art. 2(1): those of the Member State where the action is taken)',
    observance: 'none',
    rules: [fixed("New Year's Day", 1, 1, 'every Member State'), fixed('Christmas Day', 12, 25, 'every Member State')],
  },
} as const satisfies Record<string, HolidayCalendar>;

export type HolidayCalendarId = keyof typeof HOLIDAY_CALENDARS;

export function isHolidayCalendarId(value: string): value is HolidayCalendarId {
  return Object.hasOwn(HOLIDAY_CALENDARS, value);
}
