/**
 * Response deadlines for GDPR and CCPA requests: the only place where they are computed.
 *
 * Sources (all from research/law.md):
 * - GDPR Art. 12(3): answer within one month of receipt; extendable by two further months (three in total).
 * - Regulation (EEC, Euratom) No 1182/71, Art. 3: a period in months ends on the day of the last month with
 *   the same number as the day of receipt, or on the last day of that month if there is no such day; a
 *   period ending on a Saturday, Sunday or public holiday ends with the next working day.
 * - 11 CCR §7026(f): opt-out of sale/sharing within 15 business days; §7027 (limit the use of sensitive
 *   personal information) is treated like an opt-out.
 * - 11 CCR §7021: confirm receipt within 10 business days; respond within 45 calendar days; one extension
 *   of 45 more (90 in total).
 * - "Business day" = Monday to Friday except California state holidays: the union of Government Code
 *   §6700 and the CalHR list (which adds the day after Thanksgiving); §6701 moves a Sunday holiday to Monday.
 *
 * Items marked "verify" in law.md, and the judgement calls made here, each live in one named place:
 * - DEADLINE_RULES: 15 business days for opt-out (§7026(f), verify) and for limit of sensitive PI (§7027, verify).
 * - GDPR_DEFAULT_HOLIDAYS: public holidays differ per member state, so by default only Saturday and Sunday
 *   move a GDPR deadline; callers may pass the holidays of the relevant state.
 * - CALIFORNIA_HOLIDAY_RULES: the current §6700 list plus the CalHR day after Thanksgiving, applied to every
 *   year (when each holiday was introduced is not modelled; more holidays only make deadlines later).
 *   Days appointed ad hoc by the Governor or President cannot be computed and are not included.
 * - SUNDAY_OBSERVED_ON_MONDAY: §6701 enumerates fixed dates; we apply the Sunday-to-Monday rule to every
 *   holiday (only Lunar New Year is affected beyond the list), again so nobody is called late too early.
 * - Lunar New Year: ICU's Chinese calendar (Intl) finds the lunation, and the new moon time is refined with
 *   Meeus' algorithm because ICU's approximation puts some near-midnight new moons on the wrong day
 *   (e.g. 2027: ICU says Feb 7, the Hong Kong Observatory says Feb 6).
 */

import type { Basis } from './model.ts';

// ---------------------------------------------------------------------------------------------
// Public types and errors
// ---------------------------------------------------------------------------------------------

export const DEADLINE_LAWS = [
  'gdpr',
  'gdpr-extended',
  'ccpa-opt-out',
  'ccpa-ack',
  'ccpa-delete',
  'ccpa-delete-extended',
  'us-state',
  'us-state-extended',
] as const;
export type DeadlineLaw = (typeof DEADLINE_LAWS)[number];

/** Bad input to a deadline function; `argument` names the parameter that was wrong. */
export class DeadlineInputError extends Error {
  readonly argument: string;
  constructor(argument: string, problem: string) {
    super(`Invalid ${argument}: ${problem}`);
    this.name = 'DeadlineInputError';
    this.argument = argument;
  }
}

export interface DeadlineOptions {
  /**
   * Public holidays ('YYYY-MM-DD') of the member state whose law applies. A GDPR period ending on one
   * of them moves to the next working day. Default: none (Saturday and Sunday only).
   */
  gdprHolidays?: ReadonlySet<string>;
}

// ---------------------------------------------------------------------------------------------
// The rules, one row per deadline
// ---------------------------------------------------------------------------------------------

type DeadlineRule =
  | { count: 'gdpr-months'; months: number; source: string }
  | { count: 'california-business-days'; days: number; source: string }
  | { count: 'calendar-days'; days: number; source: string };

/**
 * Calendar-day periods are not moved off weekends or holidays: law.md gives no such rule for §7021.
 */
export const DEADLINE_RULES: Readonly<Record<DeadlineLaw, DeadlineRule>> = {
  gdpr: { count: 'gdpr-months', months: 1, source: 'GDPR Art. 12(3); Reg. 1182/71 Art. 3' },
  'gdpr-extended': {
    count: 'gdpr-months',
    months: 3,
    source: 'GDPR Art. 12(3) extension by two further months; Reg. 1182/71 Art. 3',
  },
  'ccpa-opt-out': {
    count: 'california-business-days',
    days: 15,
    source: '11 CCR §7026(f) (verify); also §7027 limit of sensitive PI (verify)',
  },
  'ccpa-ack': { count: 'california-business-days', days: 10, source: '11 CCR §7021 confirmation of receipt' },
  'ccpa-delete': { count: 'calendar-days', days: 45, source: '11 CCR §7021 response' },
  'ccpa-delete-extended': { count: 'calendar-days', days: 90, source: '11 CCR §7021 response with one 45-day extension' },
  'us-state': { count: 'calendar-days', days: 45, source: 'US state privacy acts (Colorado, Virginia...): respond within 45 days' },
  'us-state-extended': { count: 'calendar-days', days: 90, source: 'US state privacy acts: one extension by 45 more days' },
};

/**
 * Which rule sets the answer deadline of a first letter of `basis`; `extended` once the company has
 * claimed its one extension. A plain request (no law) gets GDPR's month as a courtesy period.
 */
export function deadlineFor(basis: Basis, extended = false): DeadlineLaw {
  switch (basis) {
    case 'ccpa-opt-out':
      return 'ccpa-opt-out';
    case 'ccpa-delete':
      return extended ? 'ccpa-delete-extended' : 'ccpa-delete';
    case 'us-state-request':
      return extended ? 'us-state-extended' : 'us-state';
    case 'gdpr-objection':
    case 'ai-training-request':
      return extended ? 'gdpr-extended' : 'gdpr';
  }
}

/** Public holidays assumed for GDPR periods when the caller passes none (member states differ). */
export const GDPR_DEFAULT_HOLIDAYS: ReadonlySet<string> = new Set();

// ---------------------------------------------------------------------------------------------
// California holidays: one row per holiday
// ---------------------------------------------------------------------------------------------

const SUN = 0;
const MON = 1;
const THU = 4;
const FRI = 5;
const SAT = 6;

type HolidayRule =
  | { name: string; source: string; kind: 'fixed'; month: number; day: number }
  /** nth weekday of the month; nth -1 = last. `plusDays` shifts the result (day after Thanksgiving). */
  | { name: string; source: string; kind: 'weekday'; month: number; weekday: number; nth: number; plusDays?: number }
  | { name: string; source: string; kind: 'lunar-new-year' };

const GC = 'Gov. Code §6700';

export const CALIFORNIA_HOLIDAY_RULES: readonly HolidayRule[] = [
  { name: "New Year's Day", source: GC, kind: 'fixed', month: 1, day: 1 },
  { name: 'Martin Luther King Jr. Day', source: GC, kind: 'weekday', month: 1, weekday: MON, nth: 3 },
  { name: 'Lunar New Year', source: GC, kind: 'lunar-new-year' },
  { name: 'Lincoln Day', source: GC, kind: 'fixed', month: 2, day: 12 },
  { name: "Presidents' Day", source: GC, kind: 'weekday', month: 2, weekday: MON, nth: 3 },
  { name: 'Cesar Chavez Day', source: GC, kind: 'fixed', month: 3, day: 31 },
  { name: 'Genocide Remembrance Day', source: GC, kind: 'fixed', month: 4, day: 24 },
  { name: 'Memorial Day', source: GC, kind: 'weekday', month: 5, weekday: MON, nth: -1 },
  { name: 'Juneteenth', source: GC, kind: 'fixed', month: 6, day: 19 },
  { name: 'Independence Day', source: GC, kind: 'fixed', month: 7, day: 4 },
  { name: 'Labor Day', source: GC, kind: 'weekday', month: 9, weekday: MON, nth: 1 },
  { name: 'Admission Day', source: GC, kind: 'fixed', month: 9, day: 9 },
  { name: 'Native American Day', source: GC, kind: 'weekday', month: 9, weekday: FRI, nth: 4 },
  { name: 'Columbus Day', source: GC, kind: 'weekday', month: 10, weekday: MON, nth: 2 },
  { name: 'Veterans Day', source: GC, kind: 'fixed', month: 11, day: 11 },
  { name: 'Thanksgiving Day', source: GC, kind: 'weekday', month: 11, weekday: THU, nth: 4 },
  { name: 'Day after Thanksgiving', source: 'CalHR', kind: 'weekday', month: 11, weekday: THU, nth: 4, plusDays: 1 },
  { name: 'Christmas Day', source: GC, kind: 'fixed', month: 12, day: 25 },
];

/** §6701: a holiday on a Sunday is also observed on the following Monday (applied to every rule above). */
export const SUNDAY_OBSERVED_ON_MONDAY = true;

/** Years for which dates are accepted; bounded by the Lunar New Year computation (ICU and ΔT). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

// ---------------------------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------------------------

/** The date by which an answer is due under `law` for a request received on `from` ('YYYY-MM-DD'). */
export function dueDate(law: DeadlineLaw, from: string, options: DeadlineOptions = {}): string {
  assertDeadlineLaw(law, 'law');
  parseDate(from, 'from');
  const rule = DEADLINE_RULES[law];
  switch (rule.count) {
    case 'gdpr-months':
      return addGdprMonths(from, rule.months, options.gdprHolidays);
    case 'california-business-days':
      return addCaliforniaBusinessDays(from, rule.days);
    case 'calendar-days':
      return formatDate(parseDate(from, 'from') + rule.days);
  }
}

/**
 * Regulation 1182/71 month counting: the same day number `months` months later, or the last day of that
 * month if it has no such day; a result on Saturday, Sunday or one of `holidays` moves to the next working day.
 */
export function addGdprMonths(
  from: string,
  months: number,
  holidays: ReadonlySet<string> = GDPR_DEFAULT_HOLIDAYS,
): string {
  const { year, month, day } = splitDate(from, 'from');
  if (!Number.isInteger(months) || months < 1) {
    throw new DeadlineInputError('months', `expected a whole number of months >= 1, got ${String(months)}`);
  }
  for (const holiday of holidays) parseDate(holiday, 'holidays');
  const monthIndex = month - 1 + months;
  const endYear = year + Math.floor(monthIndex / 12);
  const endMonth = (monthIndex % 12) + 1;
  let end = civilToDays(endYear, endMonth, Math.min(day, daysInMonth(endYear, endMonth)));
  while (isWeekend(end) || holidays.has(formatDate(end))) end += 1;
  return formatDate(end);
}

/** The `days`-th California business day after `from` (day 1 is the first business day after `from`). */
export function addCaliforniaBusinessDays(from: string, days: number): string {
  let current = parseDate(from, 'from');
  if (!Number.isInteger(days) || days < 0) {
    throw new DeadlineInputError('days', `expected a whole number of days >= 0, got ${String(days)}`);
  }
  let counted = 0;
  while (counted < days) {
    current += 1;
    if (isBusinessDay(current)) counted += 1;
  }
  return formatDate(current);
}

/** California state holidays of `year` ('YYYY-MM-DD', sorted), including Sunday holidays' Mondays. */
export function californiaHolidays(year: number): string[] {
  assertYear(year, 'year');
  return [...holidayDays(year)].sort((a, b) => a - b).map(formatDate);
}

export function isCaliforniaBusinessDay(date: string): boolean {
  return isBusinessDay(parseDate(date, 'date'));
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

/** Lunar New Year (Chinese calendar month 1, day 1, China standard time) of a Gregorian year. */
export function lunarNewYear(year: number): string {
  assertYear(year, 'year');
  return formatDate(lunarNewYearDay(year));
}

/** The last millisecond (UTC) of a calendar date: a deadline is met until then. */
export function endOfDay(date: string): Date {
  return new Date((parseDate(date, 'date') + 1) * MS_PER_DAY - 1);
}

/** Entry point for the CLI `optout deadline --law <law> --from <date>`. */
export function deadlineCommand(args: { law: string; from: string }): { due: string } {
  if (typeof args !== 'object' || args === null) {
    throw new DeadlineInputError('args', 'expected an object with law and from');
  }
  assertDeadlineLaw(args.law, 'law');
  return { due: dueDate(args.law, args.from) };
}

// ---------------------------------------------------------------------------------------------
// Validation and calendar arithmetic (days since 1970-01-01, proleptic Gregorian, no time zones)
// ---------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertDeadlineLaw(value: unknown, argument: string): asserts value is DeadlineLaw {
  if (typeof value !== 'string' || !(DEADLINE_LAWS as readonly string[]).includes(value)) {
    throw new DeadlineInputError(argument, `${describe(value)} is not one of ${DEADLINE_LAWS.join(', ')}`);
  }
}

function assertYear(year: unknown, argument: string): asserts year is number {
  // One year past LAST_YEAR so that counting business days from the last accepted date still works.
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR + 1) {
    throw new DeadlineInputError(argument, `expected a whole year from ${FIRST_YEAR} to ${LAST_YEAR}, got ${String(year)}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return 'an invalid Date';
  return String(value);
}

function splitDate(value: unknown, argument: string): { year: number; month: number; day: number } {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (!match) {
    throw new DeadlineInputError(argument, `expected a date written YYYY-MM-DD, got ${describe(value)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new DeadlineInputError(argument, `${describe(value)}: year must be from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  if (month < 1 || month > 12) {
    throw new DeadlineInputError(argument, `${describe(value)}: month must be 01 to 12`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new DeadlineInputError(argument, `${describe(value)} does not exist (that month has ${daysInMonth(year, month)} days)`);
  }
  return { year, month, day };
}

function parseDate(value: unknown, argument: string): number {
  const { year, month, day } = splitDate(value, argument);
  return civilToDays(year, month, day);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// civilToDays / daysToCivil: Howard Hinnant's algorithms (chrono-compatible), exact for any year.
function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysToCivil(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function formatDate(days: number): string {
  const { year, month, day } = daysToCivil(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

function isWeekend(days: number): boolean {
  const w = weekday(days);
  return w === SAT || w === SUN;
}

// ---------------------------------------------------------------------------------------------
// California holiday computation
// ---------------------------------------------------------------------------------------------

const holidayCache = new Map<number, ReadonlySet<number>>();

function isBusinessDay(days: number): boolean {
  return !isWeekend(days) && !holidayDays(daysToCivil(days).year).has(days);
}

function holidayDays(year: number): ReadonlySet<number> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  assertYear(year, 'date');
  const result = new Set<number>();
  for (const rule of CALIFORNIA_HOLIDAY_RULES) {
    const day = holidayOf(rule, year);
    result.add(day);
    if (SUNDAY_OBSERVED_ON_MONDAY && weekday(day) === SUN) result.add(day + 1);
  }
  holidayCache.set(year, result);
  return result;
}

function holidayOf(rule: HolidayRule, year: number): number {
  switch (rule.kind) {
    case 'fixed':
      return civilToDays(year, rule.month, rule.day);
    case 'weekday':
      return nthWeekday(year, rule.month, rule.weekday, rule.nth) + (rule.plusDays ?? 0);
    case 'lunar-new-year':
      return lunarNewYearDay(year);
  }
}

function nthWeekday(year: number, month: number, wantedWeekday: number, nth: number): number {
  if (nth === -1) {
    const last = civilToDays(year, month, daysInMonth(year, month));
    return last - ((weekday(last) - wantedWeekday + 7) % 7);
  }
  const first = civilToDays(year, month, 1);
  return first + ((wantedWeekday - weekday(first) + 7) % 7) + (nth - 1) * 7;
}

// ---------------------------------------------------------------------------------------------
// Lunar New Year (month 1, day 1 of the Chinese calendar, as a Gregorian date)
// ---------------------------------------------------------------------------------------------

let chineseFormat: Intl.DateTimeFormat | undefined;

/**
 * Step 1: ICU decides which new moon starts month 1 (this needs solar terms and leap-month rules).
 * Step 2: the exact instant of that new moon (Meeus) decides its date in China standard time, because
 * ICU's lower-precision new moon can land on the wrong side of midnight.
 */
function lunarNewYearDay(year: number): number {
  chineseFormat ??= new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  if (chineseFormat.resolvedOptions().calendar !== 'chinese') {
    throw new Error('This Node.js build has no Chinese calendar (full ICU is needed for Lunar New Year)');
  }
  // Search one day beyond Jan 21 - Feb 20 on each side, since ICU may be a day off.
  let icuDay: number | undefined;
  for (let day = civilToDays(year, 1, 20); day <= civilToDays(year, 2, 21); day += 1) {
    const parts = chineseFormat.formatToParts(new Date(day * MS_PER_DAY));
    const monthPart = parts.find((p) => p.type === 'month')?.value;
    const dayPart = parts.find((p) => p.type === 'day')?.value;
    if (monthPart === '1' && dayPart === '1') {
      icuDay = day;
      break;
    }
  }
  if (icuDay === undefined) throw new Error(`ICU found no Chinese new year between ${year}-01-20 and ${year}-02-21`);

  const julianDay = icuDay + UNIX_EPOCH_JULIAN_DAY;
  const lunation = Math.round((julianDay - MEEUS_NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const utcMs = (newMoonJde(lunation) - UNIX_EPOCH_JULIAN_DAY) * MS_PER_DAY - deltaTSeconds(year) * 1000;
  // China has used UTC+8 since 1929; before that Beijing mean solar time (116°25' E), as Reingold-Dershowitz.
  const offsetHours = year < 1929 ? 1397 / 180 : 8;
  const chinaDay = Math.floor((utcMs + offsetHours * 3_600_000) / MS_PER_DAY);
  if (Math.abs(chinaDay - icuDay) > 1) {
    throw new Error(`Lunar New Year ${year}: ICU (${formatDate(icuDay)}) and Meeus (${formatDate(chinaDay)}) disagree`);
  }
  return chinaDay;
}

const UNIX_EPOCH_JULIAN_DAY = 2_440_587.5;
const MEEUS_NEW_MOON_EPOCH = 2_451_550.097_66;
const SYNODIC_MONTH = 29.530_588_861;
const RAD = Math.PI / 180;

/** Meeus, Astronomical Algorithms (2nd ed.), ch. 49: Julian Ephemeris Day of new moon number `k`. */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const e = 1 - 0.002_516 * t - 0.000_007_4 * t * t;
  const m = (2.5534 + 29.105_356_7 * k - 0.000_001_4 * t ** 2 - 0.000_000_11 * t ** 3) * RAD;
  const mp = (201.5643 + 385.816_935_28 * k + 0.010_758_2 * t ** 2 + 0.000_012_38 * t ** 3 - 0.000_000_058 * t ** 4) * RAD;
  const f = (160.7108 + 390.670_502_84 * k - 0.001_611_8 * t ** 2 - 0.000_002_27 * t ** 3 + 0.000_000_011 * t ** 4) * RAD;
  const omega = (124.7746 - 1.563_755_88 * k + 0.002_067_2 * t ** 2 + 0.000_002_15 * t ** 3) * RAD;
  const s = Math.sin;
  let jde =
    2_451_550.097_66 + SYNODIC_MONTH * k + 0.000_154_37 * t ** 2 - 0.000_000_15 * t ** 3 + 0.000_000_000_73 * t ** 4;
  jde +=
    -0.4072 * s(mp) +
    0.172_41 * e * s(m) +
    0.016_08 * s(2 * mp) +
    0.010_39 * s(2 * f) +
    0.007_39 * e * s(mp - m) -
    0.005_14 * e * s(mp + m) +
    0.002_08 * e * e * s(2 * m) -
    0.001_11 * s(mp - 2 * f) -
    0.000_57 * s(mp + 2 * f) +
    0.000_56 * e * s(2 * mp + m) -
    0.000_42 * s(3 * mp) +
    0.000_42 * e * s(m + 2 * f) +
    0.000_38 * e * s(m - 2 * f) -
    0.000_24 * e * s(2 * mp - m) -
    0.000_17 * s(omega) -
    0.000_07 * s(mp + 2 * m) +
    0.000_04 * s(2 * mp - 2 * f) +
    0.000_04 * s(3 * m) +
    0.000_03 * s(mp + m - 2 * f) +
    0.000_03 * s(2 * mp + 2 * f) -
    0.000_03 * s(mp + m + 2 * f) +
    0.000_03 * s(mp - m + 2 * f) -
    0.000_02 * s(mp - m - 2 * f) -
    0.000_02 * s(3 * mp + m) +
    0.000_02 * s(4 * mp);
  // Planetary arguments: [constant, rate per lunation, coefficient].
  const planetary: readonly [number, number, number][] = [
    [299.77, 0.107_408, 0.000_325],
    [251.88, 0.016_321, 0.000_165],
    [251.83, 26.651_886, 0.000_164],
    [349.42, 36.412_478, 0.000_126],
    [84.66, 18.206_239, 0.000_11],
    [141.74, 53.303_771, 0.000_062],
    [207.14, 2.453_732, 0.000_06],
    [154.84, 7.306_86, 0.000_056],
    [34.52, 27.261_239, 0.000_047],
    [207.19, 0.121_824, 0.000_042],
    [291.34, 1.844_379, 0.000_04],
    [161.72, 24.198_154, 0.000_037],
    [239.56, 25.513_099, 0.000_035],
    [331.55, 3.592_518, 0.000_023],
  ];
  planetary.forEach(([constant, rate, coefficient], index) => {
    const argument = constant + rate * k - (index === 0 ? 0.009_173 * t * t : 0);
    jde += coefficient * s(argument * RAD);
  });
  return jde;
}

/** ΔT = TT - UT in seconds (Espenak & Meeus polynomials); off by seconds, which only matters at midnight. */
function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494_119 * t - 0.059_893_9 * t ** 2 + 0.006_196_6 * t ** 3 - 0.000_197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.844_93 * t - 0.0761 * t ** 2 + 0.002_093_6 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060_374 * t ** 2 + 0.001_727_5 * t ** 3 + 0.000_651_814 * t ** 4 + 0.000_023_735_99 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.322_17 * t + 0.005_589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return year < 2150 ? -20 + 32 * u * u - 0.5628 * (2150 - year) : -20 + 32 * u * u;
}
