// An extension holds the company to the period it named, within the law's one extension:
// - GDPR Art. 12(3): "by two further months" at most (three months from receipt in all);
// - CCPA, 11 CCR § 7021(b): 45 more calendar days at most (90 from receipt);
// - US state acts: the act's one extension (45 more days at most; deadlines/us-states.ts).
// A company that names a shorter period ("a further month", "30 more days", "until 15 January") is held
// to it; one that names none gets the legal maximum. A named period never shortens the first deadline,
// and its end is rolled forward off weekends and holidays like every other period (never early).
import type { Basis } from '../model.ts';
import { addMonths, civilToDays, DeadlineInputError, daysInMonth, describe, formatDate, parseDate, splitDate } from './calendar.ts';
import { rollForward } from './holidays.ts';
import { DEADLINE_RULES, type DeadlinePlace, deadlineFor, dueDate, holidayCalendarsFor } from './rules.ts';
import { usStatePeriod } from './us-states.ts';

/** What an "extension claimed" reply named (functions/core/replies: extensionMonths/Days/Until). */
export interface ExtensionClaim {
  /** Further months ("two further months"). */
  months?: number;
  /** Further days ("an additional 30 days"). */
  days?: number;
  /** A date: 'YYYY-MM-DD', or '--MM-DD' when the reply gave no year ("until 15 January"). */
  until?: string;
}

export interface ExtendedDeadline {
  /** The new due date. */
  due: string;
  /** The latest the law allows. */
  maximum: string;
  /** The date the company's own words give (before the limits), if it named a period. */
  named?: string;
  /** 'named' when the company is held to its own period, 'maximum' otherwise. */
  held: 'named' | 'maximum';
}

const MONTH_DAY = /^--(\d{2})-(\d{2})$/;

/**
 * The due date after an extension of the first deadline of a `basis` request received on `receipt`,
 * claimed on `claimedOn` ('YYYY-MM-DD', resolves a date named without a year: its next occurrence).
 */
export function extendedDueDate(args: { basis: Basis; receipt: string; claimedOn: string; claim?: ExtensionClaim; place?: DeadlinePlace }): ExtendedDeadline {
  const { basis, receipt, claimedOn, claim = {}, place = {} } = args;
  const start = parseDate(receipt, 'receipt');
  const claimed = parseDate(claimedOn, 'claimedOn');
  const firstLaw = deadlineFor(basis, false);
  const extendedLaw = deadlineFor(basis, true);
  const original = dueDate(firstLaw, receipt, place);
  const maximum = dueDate(extendedLaw, receipt, place);
  if (firstLaw === extendedLaw) return { due: original, maximum: original, held: 'maximum' };

  const candidates: number[] = [];
  const rule = DEADLINE_RULES[firstLaw];
  if (claim.months !== undefined) {
    assertPositive(claim.months, 'claim.months');
    // GDPR counts the whole period from receipt (Reg. 1182/71): one month plus the further ones.
    // The day-counted laws add the months to the end of their first period.
    if (rule.count === 'gdpr-months') candidates.push(addMonths(start, rule.months + claim.months));
    else if (rule.count === 'us-state-days') candidates.push(addMonths(start + usStatePeriod(place.usState).responseDays, claim.months));
    else if (rule.count === 'california-calendar-days') candidates.push(addMonths(start + rule.days, claim.months));
  }
  if (claim.days !== undefined) {
    assertPositive(claim.days, 'claim.days');
    // From the first deadline as it stands (rolled forward): the later reading of "30 more days".
    candidates.push(parseDate(original, 'original') + claim.days);
  }
  if (claim.until !== undefined) candidates.push(resolveUntil(claim.until, claimed));
  if (candidates.length === 0) return { due: maximum, maximum, held: 'maximum' };

  const named = formatDate(rollForward(Math.max(...candidates), holidayCalendarsFor(firstLaw, place)));
  // Clamped between the first deadline and the maximum: the middle of the three ('YYYY-MM-DD' sorts as dates).
  const due = [original, named, maximum].sort()[1]!;
  return { due, maximum, named, held: named < maximum ? 'named' : 'maximum' };
}

function assertPositive(value: number, argument: string): void {
  if (!Number.isInteger(value) || value < 1) throw new DeadlineInputError(argument, `expected a whole number >= 1, got ${describe(value)}`);
}

/** 'YYYY-MM-DD' as is; '--MM-DD' as its first occurrence on or after `claimed`. */
function resolveUntil(until: string, claimed: number): number {
  const monthDay = MONTH_DAY.exec(until);
  if (!monthDay) return parseDate(until, 'claim.until');
  const month = Number(monthDay[1]);
  const day = Number(monthDay[2]);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 ? 29 : daysInMonth(2001, month))) {
    throw new DeadlineInputError('claim.until', `${describe(until)} is not a day of the year`);
  }
  const { year } = splitDate(formatDate(claimed), 'claimedOn');
  for (let y = year; y <= year + 8; y += 1) {
    if (day > daysInMonth(y, month)) continue; // 29 February: the next leap year
    const candidate = civilToDays(y, month, day);
    if (candidate >= claimed) return candidate;
  }
  throw new DeadlineInputError('claim.until', `${describe(until)} has no next occurrence`);
}
