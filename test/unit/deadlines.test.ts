import { describe, expect, it } from 'vitest';
import {
  addCaliforniaBusinessDays,
  addGdprMonths,
  CALIFORNIA_HOLIDAY_RULES,
  californiaHolidays,
  DEADLINE_LAWS,
  type DeadlineLaw,
  DeadlineInputError,
  deadlineCommand,
  deadlineFor,
  dueDate,
  endOfDay,
  isCaliforniaBusinessDay,
  lunarNewYear,
  toDateString,
} from '../../functions/core/deadlines.ts';

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

  it('moves past a member-state holiday only when the caller passes it', () => {
    // Prepare: 5 April 2026 is a Sunday, Monday 6 April is Easter Monday.
    const easterMonday = new Set(['2026-04-06']);
    // Act
    const withoutHolidays = addGdprMonths('2026-03-05', 1);
    const withHolidays = addGdprMonths('2026-03-05', 1, easterMonday);
    const viaDueDate = dueDate('gdpr', '2026-03-05', { gdprHolidays: easterMonday });
    // Assess
    expect(withoutHolidays).toBe('2026-04-06');
    expect(withHolidays).toBe('2026-04-07');
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
    ['ccpa-delete', '2026-01-07', '2026-02-21', '45 calendar days ending on a Saturday: not moved'],
    ['ccpa-delete', '2024-02-01', '2024-03-17', '45 calendar days across 29 February'],
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
  it('counts calendar days, not moved off weekends', () => {
    expect(dueDate('us-state', '2026-11-25')).toBe('2027-01-09'); // 5 days of November, 31 of December, 9 of January
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
    ['bad member-state holiday', () => addGdprMonths('2026-01-01', 1, new Set(['2026-04-31'])), 'holidays', '2026-04-31'],
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
