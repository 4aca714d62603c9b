// Calendar arithmetic for the deadline rules: days since 1970-01-01 in the proleptic Gregorian calendar,
// no time zones (those are in zones.ts), and the validation every public deadline function shares.

/** Bad input to a deadline function; `argument` names the parameter that was wrong. */
export class DeadlineInputError extends Error {
  readonly argument: string;
  constructor(argument: string, problem: string) {
    super(`Invalid ${argument}: ${problem}`);
    this.name = 'DeadlineInputError';
    this.argument = argument;
  }
}

export const MS_PER_DAY = 86_400_000;

/** Years for which dates are accepted; bounded by the Lunar New Year computation (ICU and ΔT). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

export const SUN = 0;
export const MON = 1;
export const TUE = 2;
export const WED = 3;
export const THU = 4;
export const FRI = 5;
export const SAT = 6;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return 'an invalid Date';
  return String(value);
}

export function assertYear(year: unknown, argument: string): asserts year is number {
  // One year past LAST_YEAR so that counting days from the last accepted date still works.
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR + 1) {
    throw new DeadlineInputError(argument, `expected a whole year from ${FIRST_YEAR} to ${LAST_YEAR}, got ${String(year)}`);
  }
}

export function splitDate(value: unknown, argument: string): { year: number; month: number; day: number } {
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

export function parseDate(value: unknown, argument: string): number {
  const { year, month, day } = splitDate(value, argument);
  return civilToDays(year, month, day);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// civilToDays / daysToCivil: Howard Hinnant's algorithms (chrono-compatible), exact for any year.
export function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function daysToCivil(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatDate(days: number): string {
  const { year, month, day } = daysToCivil(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function isWeekend(days: number): boolean {
  const w = weekday(days);
  return w === SAT || w === SUN;
}

/** The same day number `months` months later, or the last day of that month if it has no such day. */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = daysToCivil(days);
  const monthIndex = month - 1 + months;
  const endYear = year + Math.floor(monthIndex / 12);
  const endMonth = (monthIndex % 12) + 1;
  return civilToDays(endYear, endMonth, Math.min(day, daysInMonth(endYear, endMonth)));
}

/** The nth `wantedWeekday` of a month (nth -1 = the last one). */
export function nthWeekday(year: number, month: number, wantedWeekday: number, nth: number): number {
  if (nth === -1) {
    const last = civilToDays(year, month, daysInMonth(year, month));
    return last - ((weekday(last) - wantedWeekday + 7) % 7);
  }
  const first = civilToDays(year, month, 1);
  return first + ((wantedWeekday - weekday(first) + 7) % 7) + (nth - 1) * 7;
}

/** The last `wantedWeekday` strictly before month/day (Buß- und Bettag: the Wednesday before 23 November). */
export function weekdayBefore(year: number, month: number, day: number, wantedWeekday: number): number {
  const before = civilToDays(year, month, day) - 1;
  return before - ((weekday(before) - wantedWeekday + 7) % 7);
}

/** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilToDays(year, month, day);
}
