// The answer deadlines of every law, one row each with its source, and the counting they use.
//
// - GDPR Art. 12(3): one month from receipt, extendable by two further months. Counted per Regulation
//   (EEC, Euratom) No 1182/71, Art. 3: the same day number in the last month, or that month's last day;
//   a period ending on a Saturday, Sunday or public holiday ends with the next working day. Public
//   holidays are those of the Member State where the action is taken (Art. 2(1)): the controller's
//   (holiday-calendars.ts; 1 January and 25 December where its holidays are unknown); under UK GDPR the UK's bank
//   holidays as well.
// - CCPA, 11 CCR § 7026(f): opt out within 15 business days (§ 7027, limit of sensitive PI, treated
//   alike; both read from law.cornell.edu/regulations/california/11-CCR-7026, to be checked against
//   the official text). § 7021: confirm receipt within 10 business days; answer within 45
//   calendar days, once extended by 45 (90 in total). Business days skip California holidays; a
//   calendar-day period ending on a Saturday, Sunday or holiday runs to the next day that is none
//   (CCP § 12a, holidays per CCP § 135: the same California list).
// - Other US state acts: the state's period (us-states.ts; 45 + 45 by default, Iowa 90 + 45), rolled
//   forward per the state's computation statute (Colorado, Texas) or, where none is known, anyway.
import type { Basis } from '../model.ts';
import { addMonths, DeadlineInputError, describe, formatDate, parseDate } from './calendar.ts';
import { type HolidayCalendarId, isHolidayCalendarId } from './holiday-calendars.ts';
import { isNonWorkingDay, rollForward } from './holidays.ts';
import { usStatePeriod } from './us-states.ts';

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

/** Where a deadline runs: whose holidays end no period, which state's act applies, where its day ends. */
export interface DeadlinePlace {
  /**
   * GDPR: the controller's country (ISO 3166-1, e.g. 'IE'; the provider's `legalEntity.country`), for a
   * German controller its Land ('DE-NW', `legalEntity.land`; 'DE' alone counts every Land's holidays),
   * plus 'GB' under UK GDPR. None: 1 January and 25 December only.
   */
  countries?: readonly string[];
  /** US state acts: the person's state ('US-CO'), whose period and computation statute apply. */
  usState?: string;
  /** IANA zones where the due day ends; the latest wins (zones.ts). */
  timeZones?: readonly string[];
}

type DeadlineRule =
  | { count: 'gdpr-months'; months: number; source: string }
  | { count: 'california-business-days'; days: number; source: string }
  | { count: 'california-calendar-days'; days: number; source: string }
  | { count: 'us-state-days'; extended: boolean; source: string };

export const DEADLINE_RULES: Readonly<Record<DeadlineLaw, DeadlineRule>> = {
  gdpr: { count: 'gdpr-months', months: 1, source: 'GDPR Art. 12(3); Reg. 1182/71 Art. 2(1), 3' },
  'gdpr-extended': {
    count: 'gdpr-months',
    months: 3,
    source: 'GDPR Art. 12(3) extension by two further months; Reg. 1182/71 Art. 2(1), 3',
  },
  'ccpa-opt-out': {
    count: 'california-business-days',
    days: 15,
    source: '11 CCR § 7026(f) (verify); also § 7027 limit of sensitive PI (verify)',
  },
  'ccpa-ack': { count: 'california-business-days', days: 10, source: '11 CCR § 7021 confirmation of receipt' },
  'ccpa-delete': { count: 'california-calendar-days', days: 45, source: '11 CCR § 7021 response; CCP §§ 12a, 135' },
  'ccpa-delete-extended': {
    count: 'california-calendar-days',
    days: 90,
    source: '11 CCR § 7021 response with one 45-day extension; CCP §§ 12a, 135',
  },
  'us-state': { count: 'us-state-days', extended: false, source: "the state act's response period (deadlines/us-states.ts)" },
  'us-state-extended': { count: 'us-state-days', extended: true, source: "the state act's response period plus its one extension" },
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

/** The date by which an answer is due under `law` for a request received on `from` ('YYYY-MM-DD'). */
export function dueDate(law: DeadlineLaw, from: string, place: DeadlinePlace = {}): string {
  assertDeadlineLaw(law, 'law');
  const start = parseDate(from, 'from');
  const rule = DEADLINE_RULES[law];
  switch (rule.count) {
    case 'gdpr-months':
      return addGdprMonths(from, rule.months, place.countries);
    case 'california-business-days':
      return addCaliforniaBusinessDays(from, rule.days);
    case 'california-calendar-days':
      return formatDate(rollForward(start + rule.days, CALIFORNIA));
    case 'us-state-days': {
      const period = usStatePeriod(place.usState);
      const days = period.responseDays + (rule.extended ? period.extensionDays : 0);
      return formatDate(rollForward(start + days, [period.holidays]));
    }
  }
}

/** The holiday calendars that end no period of `law` at `place` (besides Saturdays and Sundays). */
export function holidayCalendarsFor(law: DeadlineLaw, place: DeadlinePlace = {}): HolidayCalendarId[] {
  const rule = DEADLINE_RULES[law];
  if (rule.count === 'gdpr-months') return gdprHolidayCalendars(place.countries);
  if (rule.count === 'us-state-days') return [usStatePeriod(place.usState).holidays];
  return [...CALIFORNIA];
}

/**
 * Each controller place's holiday calendar: a German Land's ("DE-NW") where it is known, "DE" (every
 * Land's holidays, never early) where not; another country's own; 1 January and 25 December for a
 * country without a calendar here, or where none is given. A subdivision without a calendar of its own
 * ("FR-IDF") gets its country's.
 */
function gdprHolidayCalendars(countries: readonly string[] = []): HolidayCalendarId[] {
  const result = new Set<HolidayCalendarId>();
  for (const raw of countries) {
    if (typeof raw !== 'string' || !/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(raw.trim())) {
      throw new DeadlineInputError('country', `expected an ISO 3166-1 country code like "IE" (or a German Land like "DE-NW"), got ${describe(raw)}`);
    }
    const upper = raw.trim().toUpperCase();
    const code = upper === 'UK' ? 'GB' : upper.startsWith('UK-') ? `GB-${upper.slice(3)}` : upper;
    const country = code.slice(0, 2);
    if (country === 'DE' && code.length > 2 && !isHolidayCalendarId(code)) {
      throw new DeadlineInputError('country', `${describe(raw)} is not a German Land (DE-BW, DE-BY, ... DE-TH)`);
    }
    const calendar = isHolidayCalendarId(code) ? code : country;
    // US calendars are for US laws: a GDPR period of a US controller gets the common days.
    result.add(isHolidayCalendarId(calendar) && country !== 'US' ? calendar : 'COMMON');
  }
  if (result.size === 0) result.add('COMMON');
  return [...result];
}

/**
 * Regulation 1182/71 month counting: the same day number `months` months later, or the last day of that
 * month if it has no such day; a result on a Saturday, Sunday or a holiday of the controller's country
 * (`countries`) moves to the next working day.
 */
export function addGdprMonths(from: string, months: number, countries?: readonly string[]): string {
  const start = parseDate(from, 'from');
  if (!Number.isInteger(months) || months < 1) {
    throw new DeadlineInputError('months', `expected a whole number of months >= 1, got ${String(months)}`);
  }
  return formatDate(rollForward(addMonths(start, months), gdprHolidayCalendars(countries)));
}

const CALIFORNIA: readonly HolidayCalendarId[] = ['US-CA'];

/** The `days`-th California business day after `from` (day 1 is the first business day after `from`). */
export function addCaliforniaBusinessDays(from: string, days: number): string {
  let current = parseDate(from, 'from');
  if (!Number.isInteger(days) || days < 0) {
    throw new DeadlineInputError('days', `expected a whole number of days >= 0, got ${String(days)}`);
  }
  let counted = 0;
  while (counted < days) {
    current += 1;
    if (!isNonWorkingDay(current, CALIFORNIA)) counted += 1;
  }
  return formatDate(current);
}

export function isCaliforniaBusinessDay(date: string): boolean {
  return !isNonWorkingDay(parseDate(date, 'date'), CALIFORNIA);
}

export function assertDeadlineLaw(value: unknown, argument: string): asserts value is DeadlineLaw {
  if (typeof value !== 'string' || !(DEADLINE_LAWS as readonly string[]).includes(value)) {
    throw new DeadlineInputError(argument, `${describe(value)} is not one of ${DEADLINE_LAWS.join(', ')}`);
  }
}
