/**
 * Response deadlines: the only place where they are computed (import from functions/core/deadlines.ts).
 * One concern per file, each rule next to its source:
 * - rules.ts: which period each law gives and how it is counted (GDPR months, CCPA business and
 *   calendar days, US state acts);
 * - holiday-calendars.ts: the holidays that end no period, as rules with their sources (California, US
 *   federal, Colorado, Texas, Indiana, Nebraska, Kentucky, Ireland, the UK, France, the Netherlands,
 *   Luxembourg, and 1 Jan / 25 Dec otherwise); german-holidays.ts: Germany's, per Land ("DE-NW"), and
 *   every Land's where the controller's Land is unknown; holidays.ts computes them for any year;
 * - us-states.ts: each US state act's period and computation rule;
 * - extension.ts: the period a company that claimed an extension is held to;
 * - zones.ts: when a due day ends (the business's time zone) and when a letter counts as received;
 * - place.ts: all of that for one request (its provider and law);
 * - calendar.ts, lunar.ts: date arithmetic and the Lunar New Year.
 * "Never early": where a rule is uncertain, the later date is chosen, so no company is called late
 * before it is.
 */
import { assertYear, DeadlineInputError, describe, formatDate, MS_PER_DAY, daysToCivil, FIRST_YEAR, LAST_YEAR, parseDate } from './calendar.ts';
import { holidaysOf } from './holidays.ts';
import { lunarNewYearDay } from './lunar.ts';

export { DeadlineInputError } from './calendar.ts';
export { CALIFORNIA_HOLIDAY_RULES, type HolidayCalendarId, isHolidayCalendarId } from './holiday-calendars.ts';
export { type HolidayRule, holidaysOf } from './holidays.ts';
export {
  addCaliforniaBusinessDays,
  addGdprMonths,
  DEADLINE_LAWS,
  DEADLINE_RULES,
  type DeadlineLaw,
  type DeadlinePlace,
  deadlineFor,
  dueDate,
  holidayCalendarsFor,
  isCaliforniaBusinessDay,
} from './rules.ts';
export { type UsStatePeriod, usStatePeriod } from './us-states.ts';
export { type ExtendedDeadline, type ExtensionClaim, extendedDueDate } from './extension.ts';
export {
  CALIFORNIA_TIME_ZONE,
  COUNTRY_TIME_ZONES,
  deadlineEnd,
  LATEST_TIME_ZONE,
  LATEST_US_TIME_ZONE,
  receiptDate,
  usAddressTimeZone,
} from './zones.ts';
export { deadlinePlaceFor } from './place.ts';

/** California state holidays of `year` ('YYYY-MM-DD', sorted), including the observed days (§ 6701). */
export function californiaHolidays(year: number): string[] {
  assertYear(year, 'year');
  return holidaysOf('US-CA', year).map((h) => h.date);
}

/** Lunar New Year (Chinese calendar month 1, day 1, China standard time) of a Gregorian year. */
export function lunarNewYear(year: number): string {
  assertYear(year, 'year');
  return formatDate(lunarNewYearDay(year));
}

/** The UTC calendar date of an instant. */
export function toDateString(instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DeadlineInputError('instant', `expected a valid Date, got ${describe(instant)}`);
  }
  const days = Math.floor(instant.getTime() / MS_PER_DAY);
  const year = daysToCivil(days).year;
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new DeadlineInputError('instant', `year ${year} is outside ${FIRST_YEAR}-${LAST_YEAR}`);
  }
  return formatDate(days);
}

/** The last millisecond of a calendar date in UTC. A deadline ends later: see deadlineEnd (zones.ts). */
export function endOfDay(date: string): Date {
  return new Date((parseDate(date, 'date') + 1) * MS_PER_DAY - 1);
}
