import { addDays, civil, dateOf, dayNumber, dayOfMonth, daysInMonth, isLastDayOfMonth } from './dates.js';

describe('business dates as day numbers', () => {
  it('counts days from 1970-01-01 and back, across leap days and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    for (const d of ['2000-02-29', '2023-12-31', '2024-02-29', '2100-03-01', '1999-01-01']) expect(dateOf(dayNumber(d))).toBe(d);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2023-03-01') - dayNumber('2023-02-28')).toBe(1);
  });

  it('agrees with Date for every day of 1999-2101', () => {
    const start = Date.UTC(1999, 0, 1) / 86_400_000;
    for (let n = start; n < start + 37_000; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(dateOf(n)).toBe(iso);
      if (dayOfMonth(n) !== Number(iso.slice(8))) throw new Error(`dayOfMonth ${iso}`);
    }
  });

  it('knows month ends, February of leap years included', () => {
    expect(isLastDayOfMonth(dayNumber('2024-02-29'))).toBe(true);
    expect(isLastDayOfMonth(dayNumber('2024-02-28'))).toBe(false);
    expect(isLastDayOfMonth(dayNumber('2023-02-28'))).toBe(true);
    expect(isLastDayOfMonth(dayNumber('2024-12-31'))).toBe(true);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(civil(dayNumber('2024-12-31'))).toEqual({ year: 2024, month: 12, day: 31 });
  });

  it('refuses what is not a calendar date', () => {
    expect(() => dayNumber('2023-02-29')).toThrow(RangeError);
    expect(() => dayNumber('2024-13-01')).toThrow(RangeError);
    expect(() => dayNumber('2024-1-01')).toThrow(RangeError);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
