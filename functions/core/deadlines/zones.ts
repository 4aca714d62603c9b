// Where a deadline's day ends. A due date is a calendar date; it has passed only at the end of that day
// where the business is, not at midnight UTC: a reminder must not go out on the afternoon of the due
// day. Where the business's zone is uncertain, the latest plausible zone is
// taken, and where several apply, the latest end wins: never early.
import { DeadlineInputError, describe, formatDate, MS_PER_DAY, parseDate } from './calendar.ts';

/** California (CCPA): the business's day ends in Los Angeles. */
export const CALIFORNIA_TIME_ZONE = 'America/Los_Angeles';

/** A US business whose state we cannot tell: Hawaii is the latest US state zone (never early). */
export const LATEST_US_TIME_ZONE = 'Pacific/Honolulu';

/** Nothing known about the business: "anywhere on Earth" (UTC-12), the latest day end there is. */
export const LATEST_TIME_ZONE = 'Etc/GMT+12';

/**
 * The zone of a controller in each country (its seat; for countries spanning zones, the latest one a
 * controller there could plausibly sit in: the Azores for Portugal, the Canaries for Spain).
 */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CH: 'Europe/Zurich',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Atlantic/Canary',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome',
  LI: 'Europe/Vaduz',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PL: 'Europe/Warsaw',
  PT: 'Atlantic/Azores',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  US: LATEST_US_TIME_ZONE,
};

/** The latest zone of each US state (postal code), for a business whose address names its state. */
const US_STATE_TIME_ZONES: Readonly<Record<string, string>> = {
  AL: 'America/Chicago',
  AK: 'America/Adak',
  AZ: 'America/Phoenix',
  AR: 'America/Chicago',
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  CT: 'America/New_York',
  DE: 'America/New_York',
  DC: 'America/New_York',
  FL: 'America/Chicago',
  GA: 'America/New_York',
  HI: 'Pacific/Honolulu',
  ID: 'America/Los_Angeles',
  IL: 'America/Chicago',
  IN: 'America/Chicago',
  IA: 'America/Chicago',
  KS: 'America/Denver',
  KY: 'America/Chicago',
  LA: 'America/Chicago',
  ME: 'America/New_York',
  MD: 'America/New_York',
  MA: 'America/New_York',
  MI: 'America/Chicago',
  MN: 'America/Chicago',
  MS: 'America/Chicago',
  MO: 'America/Chicago',
  MT: 'America/Denver',
  NE: 'America/Denver',
  NV: 'America/Los_Angeles',
  NH: 'America/New_York',
  NJ: 'America/New_York',
  NM: 'America/Denver',
  NY: 'America/New_York',
  NC: 'America/New_York',
  ND: 'America/Denver',
  OH: 'America/New_York',
  OK: 'America/Chicago',
  OR: 'America/Los_Angeles',
  PA: 'America/New_York',
  RI: 'America/New_York',
  SC: 'America/New_York',
  SD: 'America/Denver',
  TN: 'America/Chicago',
  TX: 'America/Denver',
  UT: 'America/Denver',
  VT: 'America/New_York',
  VA: 'America/New_York',
  WA: 'America/Los_Angeles',
  WV: 'America/New_York',
  WI: 'America/Chicago',
  WY: 'America/Denver',
};

const US_STATE_NAMES: Readonly<Record<string, string>> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
};

/**
 * The zone of a US business from its postal address ("..., San Francisco, CA 94107, USA" or
 * "..., Redmond, Washington 98052, USA"): the state before the ZIP code. Undefined when no state is found.
 */
export function usAddressTimeZone(address: string): string | undefined {
  const match = /,\s*([A-Za-z][A-Za-z ]*?)\s+\d{5}(?:-\d{4})?\b/.exec(address);
  if (!match) return undefined;
  const state = match[1]!.trim();
  const code = state.length === 2 ? state.toUpperCase() : US_STATE_NAMES[state.toLowerCase()];
  return code ? US_STATE_TIME_ZONES[code] : undefined;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function assertTimeZone(zone: unknown): asserts zone is string {
  if (typeof zone !== 'string') throw new DeadlineInputError('timeZone', `expected an IANA time zone, got ${describe(zone)}`);
  try {
    zoneFormat(zone);
  } catch {
    throw new DeadlineInputError('timeZone', `${describe(zone)} is not an IANA time zone`);
  }
}

function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  return format;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `utcMs`. */
function offsetMs(zone: string, utcMs: number): number {
  const parts = zoneFormat(zone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The first instant (UTC ms) of calendar day `day` in `zone`. */
function startOfDayMs(day: number, zone: string): number {
  const midnightUtc = day * MS_PER_DAY;
  let guess = midnightUtc - offsetMs(zone, midnightUtc);
  // Twice: the offset at the guess may differ (a DST change near midnight).
  guess = midnightUtc - offsetMs(zone, guess);
  return guess;
}

/**
 * The last millisecond of `date` in each of `zones`, the latest of them: until then the deadline is met.
 * No zones: the latest zone there is (LATEST_TIME_ZONE).
 */
export function deadlineEnd(date: string, zones: readonly string[] = []): Date {
  const day = parseDate(date, 'date');
  const list = zones.length > 0 ? zones : [LATEST_TIME_ZONE];
  let latest = Number.NEGATIVE_INFINITY;
  for (const zone of list) {
    assertTimeZone(zone);
    latest = Math.max(latest, startOfDayMs(day + 1, zone) - 1);
  }
  return new Date(latest);
}

/** The calendar date of `instant` in `zone`. */
function dateIn(instant: Date, zone: string): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DeadlineInputError('instant', `expected a valid Date, got ${describe(instant)}`);
  }
  assertTimeZone(zone);
  const ms = instant.getTime();
  return formatDate(Math.floor((ms + offsetMs(zone, ms)) / MS_PER_DAY));
}

/**
 * The day a letter sent at `instant` counts as received: the latest of its UTC date and its date in
 * each of the business's zones (a letter sent at 23:30 UTC in July reaches Dublin on the next day).
 */
export function receiptDate(instant: Date, zones: readonly string[] = []): string {
  const utc = dateIn(instant, 'UTC');
  const dates = [utc, ...zones.map((zone) => dateIn(instant, zone))];
  const latest = dates.sort().at(-1)!;
  parseDate(latest, 'instant'); // the year range every date-taking function checks
  return latest;
}
