// The answer periods of the US state privacy acts other than California's, and how each state moves a
// period that ends on a weekend or holiday. Keyed by jurisdiction code ('US-IA'); the acts themselves
// (names, citations in letters) are in functions/core/us-states.ts.
//
// Computation: Colorado (C.R.S. § 2-4-108(2)) and Texas (Tex. Gov. Code § 311.014(b)) say a period whose
// last day is a Saturday, Sunday or legal holiday runs to the next day that is none of these. For the
// other states no such statute was confirmed; their periods are rolled forward the same way (never early),
// off Saturdays, Sundays and the federal holidays with their observed days (holiday-calendars.ts, 'US'),
// and in Indiana, Nebraska and Kentucky off the state's own legal holidays as well ('US-IN', 'US-NE',
// 'US-KY': Good Friday, Arbor Day, Christmas Eve).
import type { HolidayCalendarId } from './holiday-calendars.ts';

export interface UsStatePeriod {
  /** Days to answer, from receipt. */
  responseDays: number;
  /** The one extension the act allows, in days, when the controller says so within the first period. */
  extensionDays: number;
  /** Where the act says so, and how sure we are. */
  periodSource: string;
  /** The holidays a period ending on one rolls off (besides Saturdays and Sundays). */
  holidays: HolidayCalendarId;
  /** The computation statute that rolls the period forward, or why we roll it anyway. */
  computation: string;
}

const NEVER_EARLY = 'no computation statute confirmed: rolled forward off weekends and federal holidays (never early)';

/** Most acts: 45 days, extendable once by 45 more (Colorado, Connecticut, Virginia, Oregon, Montana...). */
const DEFAULT_US_STATE_PERIOD: UsStatePeriod = {
  responseDays: 45,
  extensionDays: 45,
  periodSource: 'the act\'s "respond within 45 days, extendable once by 45 more" (functions/core/us-states.ts `response`)',
  holidays: 'US',
  computation: NEVER_EARLY,
};

/** States whose period, holidays or computation differ from the default, or whose period was checked here. */
const US_STATE_PERIODS: Readonly<Record<string, UsStatePeriod>> = {
  'US-CO': {
    ...DEFAULT_US_STATE_PERIOD,
    periodSource: 'C.R.S. § 6-1-1306(2)',
    holidays: 'US-CO',
    computation: 'C.R.S. § 2-4-108(2): a period ending on a Saturday, Sunday or legal holiday (C.R.S. § 24-11-101) runs to the next day that is none of these',
  },
  'US-TX': {
    ...DEFAULT_US_STATE_PERIOD,
    periodSource: 'Tex. Bus. & Com. Code § 541.052(b)',
    holidays: 'US-TX',
    computation:
      'Tex. Gov. Code § 311.014(b): a period ending on a Saturday, Sunday or legal holiday (Gov. Code § 662.003(a), (b)) runs to the next day that is none of these',
  },
  'US-IA': {
    responseDays: 90,
    extensionDays: 45,
    periodSource:
      'Iowa Code § 715D.3: 90 days, extendable once by 45 more when reasonably necessary, with notice within the first 90 days (seen in summaries, datanuance.co; verify against the statute text)',
    holidays: 'US',
    computation: NEVER_EARLY,
  },
  'US-NE': {
    ...DEFAULT_US_STATE_PERIOD,
    periodSource: 'Neb. Rev. Stat. § 87-1108(2) (statute text seen: 45 days, once 45 more)',
    holidays: 'US-NE',
    computation:
      "Neb. Rev. Stat. § 25-2221: a period ending on a Saturday, Sunday or holiday runs to the next day that is none; Nebraska's holidays include Arbor Day (not read here: verify)",
  },
  'US-IN': {
    ...DEFAULT_US_STATE_PERIOD,
    periodSource: 'Ind. Code § 24-15-3-1(c)(1) (statute text seen: 45 days, once 45 more)',
    holidays: 'US-IN',
    computation: `${NEVER_EARLY}, and off Good Friday, a legal holiday in Indiana (IC 1-1-9-1)`,
  },
  'US-MN': { ...DEFAULT_US_STATE_PERIOD, periodSource: 'Minn. Stat. § 325M.14 (Attorney General summary: 45 days, once 45 more; subdivision not seen)' },
  'US-MD': {
    ...DEFAULT_US_STATE_PERIOD,
    periodSource:
      'Maryland Online Data Privacy Act, Md. Code, Com. Law § 14-4701 ff. (enacted as subtitle 46, now subtitle 47: § 14-4706 on mgaleg.maryland.gov; the period from summaries: 45 days, once 45 more; section not seen)',
  },
  'US-NH': { ...DEFAULT_US_STATE_PERIOD, periodSource: 'RSA 507-H:4 (summaries: 45 days, once 45 more)' },
  'US-KY': {
    ...DEFAULT_US_STATE_PERIOD,
    periodSource: 'KRS 367.3615 (summaries: 45 days; the 45-day extension follows the Virginia model, not seen)',
    holidays: 'US-KY',
    computation:
      'KRS 446.030: a period ending on a Saturday, Sunday or legal holiday runs to the next day that is none; Christmas Eve counted as a Kentucky legal holiday (not read here: verify)',
  },
  'US-DE': { ...DEFAULT_US_STATE_PERIOD, periodSource: "6 Del. C. § 12D-104 (45 days, once 45 more: the act's pattern, not seen in the statute text)" },
};

/** The period of a state's act; the default (45 + 45, rolled forward) for a state not listed or none given. */
export function usStatePeriod(jurisdiction: string | undefined): UsStatePeriod {
  if (!jurisdiction) return DEFAULT_US_STATE_PERIOD;
  return US_STATE_PERIODS[jurisdiction.trim().toUpperCase()] ?? DEFAULT_US_STATE_PERIOD;
}
