import { describe, expect, it } from 'vitest';
import {
  addCaliforniaBusinessDays,
  addGdprMonths,
  CALIFORNIA_HOLIDAY_RULES,
  californiaHolidays,
  DEADLINE_LAWS,
  type DeadlineLaw,
  DeadlineInputError,
  deadlineEnd,
  deadlineFor,
  deadlinePlaceFor,
  dueDate,
  endOfDay,
  extendedDueDate,
  holidaysOf,
  isCaliforniaBusinessDay,
  lunarNewYear,
  receiptDate,
  toDateString,
  usAddressTimeZone,
  usStatePeriod,
} from '../../functions/core/deadlines.ts';
import { deadlineCommand } from '../../cli/deadline.ts';
import { nextFollowUp } from '../../functions/core/followup.ts';
import { getProvider } from '../../functions/core/providers/catalog.ts';
import { classifyReply } from '../../functions/core/replies/index.ts';
import { extractExtension } from '../../functions/core/replies/extract.ts';

// Every expected date below was worked out by hand from a calendar, not by running the code.
// Weekday anchors used: 2024-01-01 Mon, 2025-01-01 Wed, 2026-01-01 Thu, 2027-01-01 Fri, 2028-01-01 Sat.

/** Runs `act` and returns the DeadlineInputError it throws (fails the test if it throws anything else). */
function inputErrorOf(act: () => unknown): DeadlineInputError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(DeadlineInputError);
    return error as DeadlineInputError;
  }
  throw new Error('expected a DeadlineInputError, but nothing was thrown');
}

describe('GDPR month counting (Reg. 1182/71)', () => {
  it.each([
    // [received, expected due, why]
    ['2026-02-10', '2026-03-10', 'same day number, a Tuesday'],
    ['2025-12-15', '2026-01-15', 'across the year end, a Thursday'],
    ['2026-03-31', '2026-04-30', 'April has no 31st: last day of April (Thursday)'],
    ['2026-10-31', '2026-11-30', 'November has no 31st: Monday 30th'],
    ['2024-01-31', '2024-02-29', 'leap year: Thursday 29 February'],
    ['2028-01-30', '2028-02-29', 'leap year: Tuesday 29 February'],
    ['2026-01-31', '2026-03-02', 'no 31 February: Saturday 28th, moved to Monday'],
    ['2026-01-15', '2026-02-16', 'Sunday 15 February moved to Monday'],
    ['2026-07-01', '2026-08-03', 'Saturday 1 August moved to Monday'],
  ])('gdpr: received %s -> due %s (%s)', (received, expected) => {
    // Prepare: nothing beyond the inputs.
    // Act
    const due = dueDate('gdpr', received);
    // Assess
    expect(due).toBe(expected);
  });

  it.each([
    ['2026-01-31', '2026-04-30', 'three months later, Thursday 30 April (April has no 31st)'],
    ['2025-11-30', '2026-03-02', 'February 2026 has no 30th: Saturday 28th, moved to Monday'],
    ['2026-03-15', '2026-06-15', 'Monday 15 June'],
    ['2026-05-02', '2026-08-03', 'Sunday 2 August moved to Monday'],
  ])('gdpr-extended (Art. 12(3)): received %s -> due %s (%s)', (received, expected) => {
    const due = dueDate('gdpr-extended', received);
    expect(due).toBe(expected);
  });

  it('moves past a member-state holiday only when the controller country has it', () => {
    // Prepare: 5 April 2026 is a Sunday, Monday 6 April is Easter Monday (Ireland), not 1 Jan / 25 Dec.
    // Act
    const unknownController = addGdprMonths('2026-03-05', 1);
    const irishController = addGdprMonths('2026-03-05', 1, ['IE']);
    const viaDueDate = dueDate('gdpr', '2026-03-05', { countries: ['IE'] });
    // Assess
    expect(unknownController).toBe('2026-04-06');
    expect(irishController).toBe('2026-04-07');
    expect(viaDueDate).toBe('2026-04-07');
  });
});

describe('CCPA deadlines', () => {
  it.each<[DeadlineLaw, string, string, string]>([
    ['ccpa-ack', '2026-03-02', '2026-03-16', 'two plain weeks from a Monday'],
    ['ccpa-ack', '2026-11-20', '2026-12-08', 'skips Thanksgiving and the day after'],
    ['ccpa-opt-out', '2026-11-20', '2026-12-15', 'Thanksgiving week, 15 business days'],
    ['ccpa-ack', '2026-12-18', '2027-01-05', 'skips Christmas (Fri) and New Year (Fri)'],
    ['ccpa-opt-out', '2026-12-18', '2027-01-12', 'Christmas/New Year, 15 business days'],
    ['ccpa-opt-out', '2026-03-20', '2026-04-13', 'skips Cesar Chavez Day (Tue 31 March)'],
    ['ccpa-ack', '2026-02-06', '2026-02-25', 'skips Lincoln Day, Presidents Day and Lunar New Year'],
    ['ccpa-delete', '2026-01-31', '2026-03-17', '45 calendar days'],
    ['ccpa-delete', '2026-01-07', '2026-02-23', '45 calendar days ending on Saturday 21 Feb: CCP § 12a rolls to Monday'],
    ['ccpa-delete', '2024-02-01', '2024-03-18', '45 calendar days across 29 February end on Sunday 17 March: CCP § 12a rolls to Monday'],
    ['ccpa-delete-extended', '2026-01-07', '2026-04-07', '90 calendar days'],
  ])('%s: received %s -> due %s (%s)', (law, received, expected) => {
    const due = dueDate(law, received);
    expect(due).toBe(expected);
  });

  it.each([
    ['2026-06-05', 1, '2026-06-08', 'Friday + 1 is Monday: day 1 is the first business day after receipt'],
    ['2026-06-06', 1, '2026-06-08', 'received on a Saturday'],
    ['2026-06-09', 0, '2026-06-09', 'zero days is the receipt date itself'],
    ['2027-07-02', 1, '2027-07-06', 'Sunday 4 July 2027 is observed on Monday 5 July'],
  ])('addCaliforniaBusinessDays(%s, %i) = %s (%s)', (from, days, expected) => {
    const result = addCaliforniaBusinessDays(from, days);
    expect(result).toBe(expected);
  });
});

describe('US state acts (Colorado, Virginia...): 45 calendar days, once extended by 45', () => {
  it('counts calendar days and, with no state named, rolls a Saturday end forward (never early)', () => {
    // 5 days of November, 31 of December, 9 of January: Saturday 9 January 2027 -> Monday 11 January.
    expect(dueDate('us-state', '2026-11-25')).toBe('2027-01-11');
    // 90 days: Tuesday 23 February 2027, a working day.
    expect(dueDate('us-state-extended', '2026-11-25')).toBe('2027-02-23');
  });

  it('deadlineFor names the rule of each first letter, and of its one extension', () => {
    expect(deadlineFor('us-state-request')).toBe('us-state');
    expect(deadlineFor('us-state-request', true)).toBe('us-state-extended');
    expect(deadlineFor('gdpr-objection', true)).toBe('gdpr-extended');
    expect(deadlineFor('ccpa-opt-out', true)).toBe('ccpa-opt-out'); // no extension for an opt-out
    expect(deadlineFor('ccpa-delete', true)).toBe('ccpa-delete-extended');
    expect(deadlineFor('ai-training-request')).toBe('gdpr');
  });
});

describe('California holidays', () => {
  it('lists every rule for 2026 on the hand-computed date, and nothing else', () => {
    // Prepare: 2026 has no fixed-date holiday on a Sunday, so there are no extra Mondays.
    const expected: Record<string, string> = {
      "New Year's Day": '2026-01-01',
      'Martin Luther King Jr. Day': '2026-01-19',
      'Lunar New Year': '2026-02-17',
      'Lincoln Day': '2026-02-12',
      "Presidents' Day": '2026-02-16',
      'Cesar Chavez Day': '2026-03-31',
      'Genocide Remembrance Day': '2026-04-24',
      'Memorial Day': '2026-05-25',
      Juneteenth: '2026-06-19',
      'Independence Day': '2026-07-04',
      'Labor Day': '2026-09-07',
      'Admission Day': '2026-09-09',
      'Native American Day': '2026-09-25',
      'Columbus Day': '2026-10-12',
      'Veterans Day': '2026-11-11',
      'Thanksgiving Day': '2026-11-26',
      'Day after Thanksgiving': '2026-11-27',
      'Christmas Day': '2026-12-25',
    };
    // Act
    const holidays = californiaHolidays(2026);
    // Assess: the table and the expectations name the same holidays, and the list is exactly these dates.
    expect(CALIFORNIA_HOLIDAY_RULES.map((rule) => rule.name).sort()).toEqual(Object.keys(expected).sort());
    expect(holidays).toEqual(Object.values(expected).sort());
  });

  it.each([
    ['2027-05-31', 'Memorial Day 2027: 31 May is itself the last Monday'],
    ['2027-01-18', 'MLK Day 2027: third Monday when 1 January is a Friday'],
    ['2025-09-26', 'Native American Day 2025: fourth Friday of September'],
    ['2025-11-28', 'day after Thanksgiving 2025'],
  ])('%s is a holiday (%s)', (date) => {
    const year = Number(date.slice(0, 4));
    expect(californiaHolidays(year)).toContain(date);
    expect(isCaliforniaBusinessDay(date)).toBe(false);
  });

  it.each([
    ['2027-07-04', '2027-07-05', 'Independence Day'],
    ['2030-03-31', '2030-04-01', 'Cesar Chavez Day'],
    ['2030-02-03', '2030-02-04', 'Lunar New Year'],
    ['2023-01-01', '2023-01-02', "New Year's Day"],
  ])('a Sunday holiday (%s) is observed on Monday %s (%s)', (sunday, monday) => {
    const holidays = californiaHolidays(Number(sunday.slice(0, 4)));
    expect(holidays).toContain(sunday);
    expect(holidays).toContain(monday);
    expect(isCaliforniaBusinessDay(monday)).toBe(false);
  });

  it.each([
    ['2026-07-03', 'Friday before Saturday 4 July: Saturday holidays are not moved'],
    ['2027-07-06', 'Tuesday after the observed Monday'],
    ['2027-02-08', 'Monday after 7 Feb 2027: ICU says Lunar New Year is Sunday the 7th, the true date is Saturday the 6th'],
    ['2026-02-13', 'ordinary Friday between Lincoln Day and Presidents Day'],
  ])('%s is a business day (%s)', (date) => {
    expect(isCaliforniaBusinessDay(date)).toBe(true);
  });

  it.each([
    ['2026-02-14', 'Saturday'],
    ['2026-02-15', 'Sunday'],
  ])('%s is not a business day (%s)', (date) => {
    expect(isCaliforniaBusinessDay(date)).toBe(false);
  });

  it.each([
    // Hong Kong Observatory calendar tables; 1954 and 2027 are years where ICU alone is a day late.
    [1954, '1954-02-03'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2030, '2030-02-03'],
    [2033, '2033-01-31'],
    [2034, '2034-02-19'],
  ])('Lunar New Year %i is %s and is in the holiday list', (year, expected) => {
    expect(lunarNewYear(year)).toBe(expected);
    expect(californiaHolidays(year)).toContain(expected);
  });

  it('Lunar New Year always falls between 21 January and 20 February, a lunar year apart (1950-2150)', () => {
    // Prepare: a Chinese year has 12 months (353-355 days) or 13 months (383-385 days).
    const validYearLengths = [353, 354, 355, 383, 384, 385];
    let previous: number | undefined;
    for (let year = 1950; year <= 2150; year += 1) {
      // Act
      const date = lunarNewYear(year);
      // Assess
      expect(date >= `${year}-01-21` && date <= `${year}-02-20`, `${year}: ${date}`).toBe(true);
      const time = Date.parse(`${date}T00:00:00Z`);
      if (previous !== undefined) {
        expect(validYearLengths, `${year - 1} -> ${year}`).toContain((time - previous) / 86_400_000);
      }
      previous = time;
    }
  });

  it('returns sorted, unique dates', () => {
    const holidays = californiaHolidays(2030);
    expect(holidays).toEqual([...new Set(holidays)].sort());
  });
});

describe('instants and dates', () => {
  it.each([
    ['2026-03-01T00:00:00.000Z', '2026-03-01'],
    ['2026-03-01T23:30:00-08:00', '2026-03-02'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29'],
  ])('toDateString(%s) = %s (the UTC calendar date)', (instant, expected) => {
    expect(toDateString(new Date(instant))).toBe(expected);
  });

  it.each([
    ['2026-02-28', '2026-02-28T23:59:59.999Z'],
    ['2024-12-31', '2024-12-31T23:59:59.999Z'],
  ])('endOfDay(%s) = %s', (date, expected) => {
    expect(endOfDay(date).toISOString()).toBe(expected);
  });
});

describe('deadlineCommand', () => {
  it('computes the due date for a known law', () => {
    expect(deadlineCommand({ law: 'gdpr', from: '2026-01-31' })).toEqual({ due: '2026-03-02' });
    expect(deadlineCommand({ law: 'ccpa-ack', from: '2026-11-20' })).toEqual({ due: '2026-12-08' });
  });

  it('rejects an unknown law and lists the allowed values', () => {
    const error = inputErrorOf(() => deadlineCommand({ law: 'ccpa', from: '2026-01-01' }));
    expect(error.argument).toBe('law');
    for (const law of DEADLINE_LAWS) expect(error.message).toContain(law);
  });

  it('rejects a bad from date', () => {
    expect(inputErrorOf(() => deadlineCommand({ law: 'gdpr', from: '2026-1-1' })).argument).toBe('from');
  });
});

describe('bad input names the argument', () => {
  it.each<[string, () => unknown, string, string]>([
    ['31 days in February', () => dueDate('gdpr', '2026-02-30'), 'from', '2026-02-30'],
    ['29 February in a common year', () => dueDate('ccpa-ack', '2026-02-29'), 'from', '2026-02-29'],
    ['two-digit year', () => dueDate('gdpr', '26-1-1'), 'from', '26-1-1'],
    ['month 13', () => dueDate('ccpa-delete', '2026-13-01'), 'from', '2026-13-01'],
    ['timestamp instead of date', () => dueDate('gdpr', '2026-01-01T00:00:00Z'), 'from', 'YYYY-MM-DD'],
    ['unknown law', () => dueDate('ccpa-sale' as DeadlineLaw, '2026-01-01'), 'law', 'ccpa-sale'],
    ['zero months', () => addGdprMonths('2026-01-01', 0), 'months', '0'],
    ['fractional months', () => addGdprMonths('2026-01-01', 1.5), 'months', '1.5'],
    ['bad controller country', () => addGdprMonths('2026-01-01', 1, ['Ireland']), 'country', 'Ireland'],
    ['bad time zone', () => deadlineEnd('2026-01-01', ['Mars/Olympus']), 'timeZone', 'Mars/Olympus'],
    ['bad date to deadlineEnd', () => deadlineEnd('2026-02-30', ['Europe/Dublin']), 'date', '2026-02-30'],
    ['--country for a CCPA law', () => deadlineCommand({ law: 'ccpa-delete', from: '2026-01-01', country: 'IE' }), 'country', 'ccpa-delete'],
    ['--jurisdiction not a state', () => deadlineCommand({ law: 'us-state', from: '2026-01-01', jurisdiction: 'DE' }), 'jurisdiction', 'DE'],
    [
      'named extension of zero days',
      () => extendedDueDate({ basis: 'ccpa-delete', receipt: '2026-01-07', claimedOn: '2026-01-20', claim: { days: 0 } }),
      'claim.days',
      '0',
    ],
    ['negative business days', () => addCaliforniaBusinessDays('2026-01-01', -1), 'days', '-1'],
    ['fractional year', () => californiaHolidays(2026.5), 'year', '2026.5'],
    ['year out of range', () => californiaHolidays(1800), 'year', '1800'],
    ['bad date to isCaliforniaBusinessDay', () => isCaliforniaBusinessDay('2026-00-10'), 'date', '2026-00-10'],
    ['invalid Date', () => toDateString(new Date('not a date')), 'instant', 'invalid'],
    ['bad date to endOfDay', () => endOfDay('2026-02-29'), 'date', '2026-02-29'],
  ])('%s', (_label, act, argument, mentioned) => {
    // Act
    const error = inputErrorOf(act);
    // Assess
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(`Invalid ${argument}`);
    expect(error.message).toContain(mentioned);
  });
});

// ---------------------------------------------------------------------------------------------
// Worked cases for the rules of "Letters that hold up", item 2. Each expected date was worked out by
// hand from the statute and a calendar before the code ran; the reasoning is in the test name.
// Weekday anchors: 2025-01-01 Wed, 2026-01-01 Thu, 2027-01-01 Fri, 2028-01-01 Sat, 2029-01-01 Mon,
// 2030-01-01 Tue. Easter: 2026-04-05, 2027-03-28.
// ---------------------------------------------------------------------------------------------

describe("GDPR periods skip the public holidays of the controller's Member State (Reg. 1182/71 Art. 2(1), 3)", () => {
  it.each<[string, string, string, string]>([
    // [controller, received, due, why]
    ['IE', '2026-11-28', '2026-12-29', "Mon 28 Dec 2026 is the substitute for St Stephen's Day (Sat 26 Dec), so Tue 29"],
    ['IE', '2026-01-02', '2026-02-03', "St Brigid's Day 2026: 1 Feb is a Sunday, so the first Monday (2 Feb) is the holiday"],
    ['IE', '2030-01-01', '2030-02-04', "St Brigid's Day 2030: 1 Feb is a Friday and is itself the holiday, so Mon 4 Feb"],
    ['IE', '2030-01-04', '2030-02-04', 'in 2030 the first Monday (4 Feb) is no holiday, because the Friday took its place'],
    ['IE', '2026-03-06', '2026-04-07', 'Easter Monday 6 April 2026 (Easter 5 April, computed)'],
    ['IE', '2029-02-19', '2029-03-20', "St Patrick's Day 2029 is a Saturday: Mon 19 March is its substitute day"],
    ['GB', '2027-11-27', '2027-12-29', 'UK bank holidays: Christmas 2027 on a Saturday, Boxing Day Sunday: substitutes Mon 27 and Tue 28'],
    ['GB', '2027-02-26', '2027-03-30', 'Good Friday 26 March 2027, then the weekend, then Easter Monday 29 March'],
    ['GB', '2026-04-04', '2026-05-05', 'Early May bank holiday: first Monday of May 2026 is the 4th'],
    ['DE', '2026-04-14', '2026-05-15', 'Christi Himmelfahrt: Easter + 39 = Thu 14 May 2026'],
    ['DE', '2025-09-03', '2025-10-06', 'Tag der Deutschen Einheit, Fri 3 Oct 2025, then the weekend'],
    ['FR', '2026-04-08', '2026-05-11', 'Victoire 1945, Fri 8 May 2026 (Code du travail L3133-1), then the weekend'],
    ['FR', '2026-04-25', '2026-05-26', 'Lundi de Pentecôte: Easter + 50 = Mon 25 May 2026'],
    ['NL', '2026-03-27', '2026-04-28', 'Koningsdag, Mon 27 April 2026 (Algemene termijnenwet art. 3(1))'],
    ['NL', '2026-03-03', '2026-04-07', 'Goede Vrijdag counts in the Netherlands (art. 3(2)): Fri 3 April, weekend, Easter Monday'],
    ['NL', '2026-04-14', '2026-05-18', 'Hemelvaartsdag Thu 14 May and the Friday after it (equated by decree, art. 3(3)), then the weekend'],
    ['NL', '2026-04-04', '2026-05-06', 'Bevrijdingsdag is a Tuesday in 2026: the Monday before is equated (bridging day), so Mon 4 and Tue 5 May'],
    ['NL', '2029-11-30', '2030-01-02', 'Sun 30 Dec; Mon 31 Dec 2029 is equated because 1 Jan 2030 is a Tuesday (bridging across the year end); then New Year'],
    ['LU', '2025-04-09', '2025-05-12', "Journée de l'Europe, Fri 9 May 2025 (Code du travail L. 232-2), then the weekend"],
    ['LU', '2026-05-23', '2026-06-24', 'Fête nationale, Tue 23 June 2026'],
  ])('%s controller: received %s -> due %s (%s)', (country, received, expected) => {
    // Act
    const due = dueDate('gdpr', received, { countries: [country] });
    // Assess
    expect(due).toBe(expected);
  });

  it("Germany: Reformationstag (Fri 31 Oct 2025) moves a period in the Länder that keep it, and where the controller's Land is unknown", () => {
    // 31 July + 3 months (gdpr-extended) = Fri 31 October 2025; Sat 1 Nov (Allerheiligen), Sun 2 Nov; so Mon 3 Nov.
    expect(dueDate('gdpr-extended', '2025-07-31', { countries: ['DE-NW'] })).toBe('2025-10-31'); // not a holiday in NRW
    expect(dueDate('gdpr-extended', '2025-07-31', { countries: ['DE-BB'] })).toBe('2025-11-03');
    expect(dueDate('gdpr-extended', '2025-07-31', { countries: ['DE'] })).toBe('2025-11-03'); // Land unknown: every Land's (never early)
  });

  it.each<[string, string, string, string, string]>([
    // [holiday, received, due where it is no holiday, Land where it is, due there]
    ['Fronleichnam, Easter (5 Apr 2026) + 60 = Thu 4 June 2026', '2026-05-04', '2026-06-04', 'DE-NW', '2026-06-05'],
    ['Heilige Drei Könige, Tue 6 Jan 2026', '2025-12-06', '2026-01-06', 'DE-BY', '2026-01-07'],
    ['Internationaler Frauentag, Mon 8 Mar 2027 (Berlin)', '2027-02-08', '2027-03-08', 'DE-BE', '2027-03-09'],
    ['Internationaler Frauentag, Mon 8 Mar 2027 (Mecklenburg-Vorpommern, since 2023)', '2027-02-08', '2027-03-08', 'DE-MV', '2027-03-09'],
    ['Augsburger Friedensfest, Fri 8 Aug 2025 (Augsburg only: counted for Bavaria, never early)', '2025-07-08', '2025-08-08', 'DE-BY', '2025-08-11'],
    ['Mariä Himmelfahrt, Fri 15 Aug 2025 (Bavaria: Catholic municipalities only, counted)', '2025-07-15', '2025-08-15', 'DE-BY', '2025-08-18'],
    ['Mariä Himmelfahrt, Fri 15 Aug 2025 (Saarland)', '2025-07-15', '2025-08-15', 'DE-SL', '2025-08-18'],
    ['Weltkindertag, Mon 20 Sep 2027 (Thüringen)', '2027-08-20', '2027-09-20', 'DE-TH', '2027-09-21'],
    ['Allerheiligen, Mon 1 Nov 2027', '2027-10-01', '2027-11-01', 'DE-NW', '2027-11-02'],
    ['Buß- und Bettag, the Wednesday before 23 Nov: Wed 18 Nov 2026 (Sachsen)', '2026-10-18', '2026-11-18', 'DE-SN', '2026-11-19'],
  ])('German Land holiday %s: received %s -> due %s elsewhere, in %s %s, and there too when the Land is unknown', (_, received, elsewhere, land, there) => {
    // Prepare: a Land where the day is no holiday (Hamburg keeps none of these).
    const hamburg = dueDate('gdpr', received, { countries: ['DE-HH'] });
    // Act
    const inLand = dueDate('gdpr', received, { countries: [land] });
    const unknown = dueDate('gdpr', received, { countries: ['DE'] });
    // Assess
    expect(hamburg).toBe(elsewhere);
    expect(inLand).toBe(there);
    expect(unknown).toBe(there);
  });

  it('Buß- und Bettag is the Wednesday before 23 November: 22 Nov when the 23rd is a Thursday (2023), 16 Nov when it is a Wednesday (2022)', () => {
    const bussUndBettag = (year: number) =>
      holidaysOf('DE-SN', year)
        .filter((h) => h.name === 'Buß- und Bettag')
        .map((h) => h.date);
    expect(bussUndBettag(2023)).toEqual(['2023-11-22']);
    expect(bussUndBettag(2022)).toEqual(['2022-11-16']);
    expect(holidaysOf('DE-BY', 2023).some((h) => h.name === 'Buß- und Bettag')).toBe(false);
  });

  it("takes a German controller's place from its Land, and every Land's holidays when the Land is unknown", () => {
    expect(deadlinePlaceFor(getProvider('deepl'), 'gdpr')).toMatchObject({ countries: ['DE-NW'], timeZones: ['Europe/Berlin'] });
    expect(deadlinePlaceFor(getProvider('soundcloud'), 'uk-gdpr')).toMatchObject({ countries: ['DE-BE', 'GB'] });
    const noLand = { ...getProvider('deepl'), legalEntity: { name: 'Acme GmbH', country: 'DE' } };
    expect(deadlinePlaceFor(noLand, 'gdpr').countries).toEqual(['DE']);
  });

  it.each<[string, string, string]>([
    ['2026-11-28', '2026-12-28', "Mon 28 Dec 2026 is no holiday everywhere: only 1 Jan and 25 Dec count when the controller's holidays are unknown"],
    ['2026-11-25', '2026-12-28', 'Fri 25 Dec 2026 is a holiday in every Member State, then the weekend'],
    ['2026-12-01', '2027-01-04', 'Fri 1 Jan 2027 is a holiday in every Member State, then the weekend'],
  ])('unknown controller holidays: received %s -> due %s (%s)', (received, expected) => {
    expect(dueDate('gdpr', received)).toBe(expected);
    expect(dueDate('gdpr', received, { countries: ['SE'] })).toBe(expected); // a country without a table here
  });

  it("UK GDPR with an Irish controller counts both countries' holidays (never early)", () => {
    // Received Fri 1 May 2026: 1 June is the Irish June bank holiday (Mon), 2 June a working day in both.
    expect(dueDate('gdpr', '2026-05-01', { countries: ['IE', 'GB'] })).toBe('2026-06-02');
    // Received Sat 25 April 2026: Mon 25 May is the UK spring bank holiday only.
    expect(dueDate('gdpr', '2026-04-25', { countries: ['IE'] })).toBe('2026-05-25');
    expect(dueDate('gdpr', '2026-04-25', { countries: ['IE', 'GB'] })).toBe('2026-05-26');
  });

  it('computes movable feasts and substitute days for any year, with no table that runs out', () => {
    // 2150: Easter is 12 April (computus), so Easter Monday 13 April; 25 Dec 2150 is a Friday, 26 Dec a Saturday.
    const ie2150 = holidaysOf('IE', 2150).map((h) => h.date);
    expect(ie2150).toContain('2150-04-13');
    expect(ie2150).toContain('2150-12-28');
    expect(holidaysOf('DE', 2150).map((h) => h.date)).toContain('2150-04-10'); // Karfreitag
  });
});

describe('California: Gov. Code § 6701 Veterans Day rule and CCP § 12a for calendar-day periods', () => {
  it('Veterans Day on Saturday 11 Nov 2028 makes Friday 10 Nov a holiday; no other Saturday holiday gets a weekday', () => {
    const holidays = californiaHolidays(2028);
    expect(holidays).toContain('2028-11-10');
    expect(isCaliforniaBusinessDay('2028-11-10')).toBe(false);
    // Saturday 4 July 2026: Friday 3 July stays a business day.
    expect(isCaliforniaBusinessDay('2026-07-03')).toBe(true);
  });

  it.each<[DeadlineLaw, string, string, string]>([
    ['ccpa-delete', '2026-10-12', '2026-11-30', 'day 45 is Thanksgiving (26 Nov), then the day after, then the weekend'],
    ['ccpa-delete', '2028-09-26', '2028-11-13', 'day 45 is Fri 10 Nov 2028, a holiday under § 6701 (Veterans Day on Saturday), then the weekend'],
    ['ccpa-opt-out', '2028-11-03', '2028-11-29', '15 business days skip Fri 10 Nov 2028 (§ 6701), Thanksgiving and the day after'],
    ['ccpa-delete-extended', '2026-01-07', '2026-04-07', '90 days end on Tue 7 April: a working day, not moved'],
  ])('%s: received %s -> due %s (%s)', (law, received, expected) => {
    expect(dueDate(law, received)).toBe(expected);
  });
});

describe("US state acts: the state's period and computation statute", () => {
  it.each<[string, string, string, string]>([
    // [state, received, due, why]; each + 45 days, and New Hampshire (federal days only) as the control
    ['US-IN', '2027-02-09', '2027-03-29', 'Fri 26 Mar 2027 is Good Friday (Easter 28 Mar), an Indiana legal holiday (IC 1-1-9-1); then the weekend'],
    ['US-NE', '2026-03-10', '2026-04-27', 'Fri 24 Apr 2026 is Arbor Day, the last Friday in April (Neb. Rev. Stat. § 25-2221); then the weekend'],
    ['US-KY', '2026-11-09', '2026-12-28', 'Thu 24 Dec 2026 is Christmas Eve, a Kentucky holiday (KRS 446.030); Fri 25 Christmas; then the weekend'],
  ])("%s counts the state's own legal holidays: received %s -> due %s (%s), never early", (state, received, expected) => {
    expect(dueDate('us-state', received, { usState: state })).toBe(expected);
    // The same day is a working day where only the federal holidays count.
    expect(dueDate('us-state', received, { usState: 'US-NH' }) < expected).toBe(true);
  });

  it.each<[string, string, string, string]>([
    ['US-CO', '2026-11-25', '2027-01-11', 'C.R.S. § 2-4-108(2): Saturday 9 January 2027 runs to Monday 11'],
    ['US-CO', '2026-08-21', '2026-10-06', 'day 45 is Frances Xavier Cabrini Day, first Monday in October (C.R.S. § 24-11-101)'],
    ['US-CO', '2027-05-21', '2027-07-06', 'Sunday 4 July 2027 makes Monday 5 July the holiday (C.R.S. § 24-11-101(2))'],
    ['US-CO', '2026-05-19', '2026-07-03', 'Colorado moves no Saturday holiday to Friday: Fri 3 July 2026 is a working day'],
    ['US-CO', '2026-01-16', '2026-03-02', 'Texas Independence Day (2 March) is no Colorado holiday'],
    ['US-TX', '2026-01-16', '2026-03-03', 'Tex. Gov. Code § 311.014(b): day 45 is Texas Independence Day, Mon 2 March (§ 662.003(b))'],
    ['US-TX', '2026-08-21', '2026-10-05', 'Cabrini Day is no Texas holiday: Mon 5 October stands'],
    ['US-TX', '2026-11-09', '2026-12-28', 'day 45 is 24 December, a Texas state holiday, then Christmas and the weekend'],
    ['US-VA', '2026-05-19', '2026-07-06', 'no computation statute known: rolled forward anyway, past Fri 3 July (federal observed day) and the weekend'],
    ['US-VA', '2026-11-09', '2026-12-24', '24 December is no federal holiday: Thu 24 December stands'],
    ['US-IA', '2026-01-07', '2026-04-07', 'Iowa Code § 715D.3: 90 days, not 45'],
  ])('%s: received %s -> due %s (%s)', (state, received, expected) => {
    expect(dueDate('us-state', received, { usState: state })).toBe(expected);
  });

  it('Iowa extends once by 45 more days, to 135 in all: received 7 Jan 2026 -> Fri 22 May 2026', () => {
    expect(usStatePeriod('US-IA')).toMatchObject({ responseDays: 90, extensionDays: 45 });
    expect(dueDate('us-state-extended', '2026-01-07', { usState: 'US-IA' })).toBe('2026-05-22');
  });

  it.each(['US-DE', 'US-NE', 'US-NH', 'US-MN', 'US-MD', 'US-IN', 'US-KY'])('%s: 45 days, once 45 more, with its source named', (state) => {
    const period = usStatePeriod(state);
    expect(period).toMatchObject({ responseDays: 45, extensionDays: 45 });
    expect(period.periodSource).not.toBe(usStatePeriod(undefined).periodSource);
  });
});

describe('a deadline ends at the end of the due day where the business is', () => {
  it.each<[string, string[], string, string]>([
    ['2026-11-30', ['America/Los_Angeles'], '2026-12-01T07:59:59.999Z', 'California in winter: UTC-8'],
    ['2026-12-29', ['Europe/Dublin'], '2026-12-29T23:59:59.999Z', 'Dublin in winter: UTC'],
    ['2026-07-15', ['Europe/Dublin'], '2026-07-15T22:59:59.999Z', 'Dublin in summer: UTC+1'],
    ['2027-01-11', ['Pacific/Honolulu'], '2027-01-12T09:59:59.999Z', 'a US business whose state is unknown: Hawaii, UTC-10'],
    ['2026-12-29', [], '2026-12-30T11:59:59.999Z', 'nothing known: anywhere on Earth, UTC-12'],
    ['2026-07-15', ['Europe/Dublin', 'Europe/London'], '2026-07-15T22:59:59.999Z', 'two zones: the later end wins'],
  ])('%s in %j ends at %s (%s)', (date, zones, expected) => {
    expect(deadlineEnd(date, zones).toISOString()).toBe(expected);
  });

  it('sends no reminder on the afternoon (UTC) of the due day: for California the day ends 08:00 UTC the next day', () => {
    // Prepare: a CCPA deletion request due Monday 30 November 2026.
    const state = { status: 'sent' as const, dueDate: '2026-11-30', dueTimeZones: ['America/Los_Angeles'] };
    const settings = { reminderGraceDays: 14, finalNoticeGraceDays: 7 };
    // Act
    const next = nextFollowUp(state, settings);
    // Assess: not due at 15:00 UTC on 30 November (07:00 in Los Angeles), due from 08:00 UTC on 1 December.
    expect(next.action).toBe('remind');
    expect(next.at.getTime() > Date.parse('2026-11-30T15:00:00Z')).toBe(true);
    expect(next.at.toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('with no zone known the reminder waits for the due day to end everywhere (UTC-12)', () => {
    const next = nextFollowUp({ status: 'acknowledged', dueDate: '2026-12-29' }, { reminderGraceDays: 14, finalNoticeGraceDays: 7 });
    expect(next.at.toISOString()).toBe('2026-12-30T12:00:00.000Z');
  });

  it('a letter counts as received on the later of its UTC date and its date where the business is', () => {
    // 23:30 UTC on 14 July is 00:30 on 15 July in Dublin (summer time).
    expect(receiptDate(new Date('2026-07-14T23:30:00Z'), ['Europe/Dublin'])).toBe('2026-07-15');
    // 03:00 UTC on 30 November is still 29 November in Los Angeles: the UTC date is the later one.
    expect(receiptDate(new Date('2026-11-30T03:00:00Z'), ['America/Los_Angeles'])).toBe('2026-11-30');
  });

  it('finds the zone of a US business from its address, and of each request from its provider and law', () => {
    expect(usAddressTimeZone('651 Brannan Street, San Francisco, CA 94107, USA')).toBe('America/Los_Angeles');
    expect(usAddressTimeZone('One Microsoft Way, Redmond, Washington 98052, USA')).toBe('America/Los_Angeles');
    expect(usAddressTimeZone('Attn: Privacy, 800 W Cesar Chavez St., Austin, TX 78701, US')).toBe('America/Denver'); // Texas's latest zone
    expect(usAddressTimeZone('Palmerston House, Fenian Street, Dublin 2, Ireland')).toBeUndefined();
    const pinterest = getProvider('pinterest');
    expect(deadlinePlaceFor(pinterest, 'gdpr')).toMatchObject({ countries: ['IE'], timeZones: ['Europe/Dublin'] });
    expect(deadlinePlaceFor(pinterest, 'uk-gdpr')).toMatchObject({ countries: ['IE', 'GB'], timeZones: ['Europe/Dublin', 'Europe/London'] });
    expect(deadlinePlaceFor(pinterest, 'ccpa')).toMatchObject({ timeZones: ['America/Los_Angeles'] });
    expect(deadlinePlaceFor(pinterest, 'us-state', 'US-TX')).toMatchObject({ usState: 'US-TX', timeZones: ['America/Los_Angeles'] });
  });

  it('follows the addressee: a person in a US state without an act (US-NY) writes to the US company, so its place counts', () => {
    const pinterest = getProvider('pinterest');
    // Pinterest, Inc. is a US company: a courtesy month with 1 Jan / 25 Dec only, ending in the latest US zone.
    expect(deadlinePlaceFor(pinterest, 'none', 'US-NY')).toMatchObject({ countries: ['US'], timeZones: ['Pacific/Honolulu'] });
    // Received Sat 28 Nov 2026: + 1 month = Mon 28 Dec, a working day there (no Irish substitute holiday).
    expect(dueDate('gdpr', '2026-11-28', deadlinePlaceFor(pinterest, 'none', 'US-NY'))).toBe('2026-12-28');
    // Outside the US the plain request still goes to the Irish controller.
    expect(deadlinePlaceFor(pinterest, 'none', 'JP')).toMatchObject({ countries: ['IE'], timeZones: ['Europe/Dublin'] });
  });
});

describe('an extension holds the company to the period it named, within the legal maximum', () => {
  // GDPR, Irish controller, received Sat 28 Nov 2026: first due Tue 29 Dec 2026; the maximum, three
  // months from receipt, is Sun 28 Feb 2027 -> Mon 1 Mar 2027. Claimed on 10 Dec 2026.
  const gdpr = { basis: 'gdpr-objection' as const, receipt: '2026-11-28', claimedOn: '2026-12-10', place: { countries: ['IE'] } };

  it.each<[string, { months?: number; days?: number; until?: string }, string, string]>([
    ['"a further month"', { months: 1 }, '2027-01-28', 'two months from receipt (Reg. 1182/71): Thu 28 Jan 2027'],
    ['"30 more days"', { days: 30 }, '2027-01-28', '30 days from the first deadline as it stands (29 Dec): Thu 28 Jan 2027'],
    ['"until 15 January"', { until: '--01-15' }, '2027-01-15', 'the next 15 January after the reply: Fri 15 Jan 2027'],
    ['"three further months"', { months: 3 }, '2027-03-01', 'more than Art. 12(3) allows: held to the maximum'],
    ['no period named', {}, '2027-03-01', 'the legal maximum, two further months'],
    ['"until 20 December"', { until: '--12-20' }, '2026-12-29', 'a date before the first deadline never shortens it'],
  ])('GDPR, %s %j -> %s (%s)', (_label, claim, expected) => {
    expect(extendedDueDate({ ...gdpr, claim }).due).toBe(expected);
  });

  it.each<[string, { days?: number; months?: number }, string, string]>([
    ['"30 additional days"', { days: 30 }, '2026-03-25', 'first due Mon 23 Feb (CCP § 12a) + 30 = Wed 25 March'],
    ['"an additional 45 days"', { days: 45 }, '2026-04-07', '23 Feb + 45 = 9 April is beyond 90 days from receipt: held to Tue 7 April'],
  ])('CCPA deletion received 7 Jan 2026, %s %j -> %s (%s)', (_label, claim, expected) => {
    expect(extendedDueDate({ basis: 'ccpa-delete', receipt: '2026-01-07', claimedOn: '2026-01-20', claim }).due).toBe(expected);
  });

  it('Iowa, received 7 Jan 2026, "30 additional days" -> Thu 7 May 2026 (first due 7 April + 30), not the maximum 22 May', () => {
    const result = extendedDueDate({
      basis: 'us-state-request',
      receipt: '2026-01-07',
      claimedOn: '2026-02-20',
      claim: { days: 30 },
      place: { usState: 'US-IA' },
    });
    expect(result).toMatchObject({ due: '2026-05-07', maximum: '2026-05-22', held: 'named' });
  });

  it('a CCPA opt-out has no extension: the first deadline stays', () => {
    const first = dueDate('ccpa-opt-out', '2026-11-20');
    expect(extendedDueDate({ basis: 'ccpa-opt-out', receipt: '2026-11-20', claimedOn: '2026-11-25', claim: { months: 2 } }).due).toBe(first);
  });

  it.each<[string, { months?: number; days?: number; until?: string }]>([
    ['We need to extend the period until 15 January 2027 because of the number of requests.', { until: '2027-01-15' }],
    ['We will extend the deadline and respond by January 15th.', { until: '--01-15' }],
    ['We need two further months, until Friday, 26 February 2027.', { months: 2, until: '2027-02-26' }],
    ['Wir müssen die Frist bis zum 15. Januar 2027 verlängern.', { until: '2027-01-15' }],
    ['Wir verlängern die Frist bis 15.01.2027.', { until: '2027-01-15' }],
    ['We need an additional 30 days to complete your request.', { days: 30 }],
  ])('extraction finds the period named: "%s"', (text, expected) => {
    expect(extractExtension(text, 0)).toEqual(expected);
  });

  it.each([
    ['We will extend the deadline; we will respond by 15 January or by 20 January at the latest.', 'two different dates: none'],
    ['We will extend the deadline until 31 February.', 'a day that does not exist: none'],
    ['We have extended our review; your request of 15 January was received.', 'a date not introduced by until/by: none'],
  ])('extraction stays conservative: "%s" (%s)', (text) => {
    expect(extractExtension(text, 0).until).toBeUndefined();
  });

  it('the classifier reports the date, and no made-up months, when the reply names only a date', () => {
    const got = classifyReply({
      from: 'Privacy <privacy@provider.example>',
      subject: 'Re: your request',
      text: 'We need to extend the period for our response until 15 January 2027.',
      headers: {},
    });
    expect(got).toMatchObject({ class: 'extension', extensionUntil: '2027-01-15' });
    expect(got.extensionMonths).toBeUndefined();
  });
});

describe('npx optout deadline --country / --jurisdiction (deadlineCommand)', () => {
  it.each<[Parameters<typeof deadlineCommand>[0], string, string]>([
    [{ law: 'gdpr', from: '2026-11-28', country: 'IE' }, '2026-12-29', 'an Irish controller: Mon 28 Dec 2026 is a holiday'],
    [{ law: 'gdpr', from: '2026-11-28' }, '2026-12-28', 'no country: 1 Jan and 25 Dec only'],
    [{ law: 'gdpr-extended', from: '2027-09-27', country: 'GB' }, '2027-12-29', 'UK: Christmas 2027 substitutes Mon 27 and Tue 28'],
    [{ law: 'gdpr', from: '2026-05-01', country: 'IE,GB' }, '2026-06-02', 'UK GDPR with an Irish controller: both lists'],
    [{ law: 'us-state', from: '2026-01-16', jurisdiction: 'US-TX' }, '2026-03-03', 'Texas Independence Day'],
    [{ law: 'us-state', from: '2026-01-07', jurisdiction: 'us-ia' }, '2026-04-07', 'Iowa: 90 days'],
    [{ law: 'ccpa-delete', from: '2026-10-12' }, '2026-11-30', 'CCP § 12a'],
    [{ law: 'gdpr', from: '2026-05-04', country: 'DE-NW' }, '2026-06-05', 'a controller in NRW: Fronleichnam, Thu 4 June 2026'],
    [{ law: 'gdpr', from: '2026-05-04', country: 'DE-BE' }, '2026-06-04', 'a controller in Berlin: Fronleichnam is no holiday there'],
    [{ law: 'gdpr', from: '2026-05-04', country: 'DE' }, '2026-06-05', "a German controller, Land unknown: every Land's holidays (never early)"],
  ])('%j -> %s (%s)', (args, expected) => {
    expect(deadlineCommand(args)).toEqual({ due: expected });
  });

  it('names --country when a German Land code is not a Land', () => {
    expect(inputErrorOf(() => deadlineCommand({ law: 'gdpr', from: '2026-05-04', country: 'DE-XX' })).argument).toBe('country');
  });
});
