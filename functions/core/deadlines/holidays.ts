// Public holidays, computed for any year from the rules of each calendar (holiday-calendars.ts, where
// the calendars, their sources and the judgement calls are). A period that ends on a holiday of the
// calendar in force, or on a Saturday or Sunday, runs to the next day that is none of these.
import {
  assertYear,
  daysToCivil,
  easterSunday,
  FRI,
  formatDate,
  MON,
  nthWeekday,
  civilToDays,
  SAT,
  SUN,
  weekday,
  weekdayBefore,
  isWeekend,
} from './calendar.ts';
import { HOLIDAY_CALENDARS, type HolidayCalendarId } from './holiday-calendars.ts';
import { lunarNewYearDay } from './lunar.ts';

export type HolidayRule =
  | {
      name: string;
      source: string;
      kind: 'fixed';
      month: number;
      day: number;
      /** Gov. Code § 6701 (Veterans Day): "If November 11th falls upon a Saturday, the preceding Friday is a holiday". */
      saturdayGivesFriday?: boolean;
    }
  /** nth weekday of the month; nth -1 = last. `plusDays` shifts the result (day after Thanksgiving). */
  | { name: string; source: string; kind: 'weekday'; month: number; weekday: number; nth: number; plusDays?: number }
  /** The last `weekday` strictly before month/day (Buß- und Bettag: the Wednesday before 23 November). */
  | { name: string; source: string; kind: 'weekday-before'; month: number; day: number; weekday: number }
  /** Easter Sunday plus `offset` days (Good Friday -2, Easter Monday +1, Ascension +39, Whit Monday +50). */
  | { name: string; source: string; kind: 'easter'; offset: number }
  | { name: string; source: string; kind: 'lunar-new-year' }
  /** Ireland's St Brigid's Day: the first Monday in February, or 1 February when that is a Friday. */
  | { name: string; source: string; kind: 'st-brigid' }
  /** A day equated with a holiday because it bridges to one: `offset` days from the holiday named `of` when that falls on `ifWeekday`. */
  | { name: string; source: string; kind: 'bridge'; of: string; ifWeekday: number; offset: number };

/**
 * What happens when a holiday falls on a weekend:
 * - none: nothing (Saturday and Sunday end no period anyway);
 * - sunday-to-monday: the Monday is a holiday too (Gov. Code § 6701; C.R.S. § 24-11-101(2));
 * - us-federal: Saturday's holiday is observed on the Friday before, Sunday's on the Monday after
 *   (5 U.S.C. § 6103(b); Executive Order 11582);
 * - next-free-weekday: each weekend holiday gives the next weekday that is not already a holiday or a
 *   substitute (Ireland, England and Wales: 25 Dec on a Saturday gives Mon 27, 26 Dec Tue 28).
 */
export type WeekendObservance = 'none' | 'sunday-to-monday' | 'us-federal' | 'next-free-weekday';

export interface HolidayCalendar {
  name: string;
  source: string;
  observance: WeekendObservance;
  rules: readonly HolidayRule[];
}

// ---------------------------------------------------------------------------------------------
// Computation
// ---------------------------------------------------------------------------------------------

const cache = new Map<string, ReadonlyMap<number, string>>();

/** The holidays of `calendar` in `year`: day number -> name (substitute and bridging days included). */
function holidayDays(calendar: HolidayCalendarId, year: number): ReadonlyMap<number, string> {
  const cacheKey = `${calendar}:${year}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  assertYear(year, 'year');
  const result = new Map<number, string>();
  // The next year's rules too: a bridging day before 1 January falls in this year.
  for (const y of [year, year + 1]) {
    for (const [day, name] of computeYear(HOLIDAY_CALENDARS[calendar], y)) {
      if (daysToCivil(day).year === year && !result.has(day)) result.set(day, name);
    }
  }
  cache.set(cacheKey, result);
  return result;
}

/** Holidays of `calendar` in `year` as sorted 'YYYY-MM-DD' dates with their names. */
export function holidaysOf(calendar: HolidayCalendarId, year: number): { date: string; name: string }[] {
  return [...holidayDays(calendar, year)].sort(([a], [b]) => a - b).map(([day, name]) => ({ date: formatDate(day), name }));
}

/** Saturday, Sunday, or a holiday of any of `calendars`. */
export function isNonWorkingDay(day: number, calendars: readonly HolidayCalendarId[]): boolean {
  if (isWeekend(day)) return true;
  const year = daysToCivil(day).year;
  return calendars.some((calendar) => holidayDays(calendar, year).has(day));
}

/** `day` itself if it is a working day, else the next working day (the roll-forward of every rule here). */
export function rollForward(day: number, calendars: readonly HolidayCalendarId[]): number {
  let current = day;
  while (isNonWorkingDay(current, calendars)) current += 1;
  return current;
}

function computeYear(calendar: HolidayCalendar, year: number): Map<number, string> {
  const days = new Map<number, string>();
  const byName = new Map<string, number>();
  const add = (day: number, name: string) => {
    if (!days.has(day)) days.set(day, name);
  };
  for (const rule of calendar.rules) {
    if (rule.kind === 'bridge') continue;
    const day = ruleDay(rule, year);
    byName.set(rule.name, day);
    add(day, rule.name);
    if (rule.kind === 'fixed' && rule.saturdayGivesFriday && weekday(day) === SAT) add(day - 1, `${rule.name} (observed)`);
  }
  for (const rule of calendar.rules) {
    if (rule.kind !== 'bridge') continue;
    const of = byName.get(rule.of);
    if (of !== undefined && weekday(of) === rule.ifWeekday) add(of + rule.offset, rule.name);
  }
  const base = [...days].sort(([a], [b]) => a - b);
  for (const [day, name] of base) {
    const w = weekday(day);
    if (calendar.observance === 'sunday-to-monday' && w === SUN) add(day + 1, `${name} (observed)`);
    if (calendar.observance === 'us-federal' && w === SUN) add(day + 1, `${name} (observed)`);
    if (calendar.observance === 'us-federal' && w === SAT) add(day - 1, `${name} (observed)`);
    if (calendar.observance === 'next-free-weekday' && (w === SAT || w === SUN)) {
      let substitute = day + 1;
      while (isWeekend(substitute) || days.has(substitute)) substitute += 1;
      days.set(substitute, `${name} (substitute day)`);
    }
  }
  return days;
}

function ruleDay(rule: Exclude<HolidayRule, { kind: 'bridge' }>, year: number): number {
  switch (rule.kind) {
    case 'fixed':
      return civilToDays(year, rule.month, rule.day);
    case 'weekday':
      return nthWeekday(year, rule.month, rule.weekday, rule.nth) + (rule.plusDays ?? 0);
    case 'weekday-before':
      return weekdayBefore(year, rule.month, rule.day, rule.weekday);
    case 'easter':
      return easterSunday(year) + rule.offset;
    case 'lunar-new-year':
      return lunarNewYearDay(year);
    case 'st-brigid': {
      const first = civilToDays(year, 2, 1);
      return weekday(first) === FRI ? first : nthWeekday(year, 2, MON, 1);
    }
  }
}
