/*
 * Business dates as day numbers (days since 1970-01-01), by integer arithmetic: the COB of a million
 * loans asks "is tomorrow a due date, is today a month end" for each of them, and a Date object or a
 * time zone there would cost more than the accrual itself. Business dates are plain calendar dates
 * (no weekends or holidays), so no time zone is involved once the date is known.
 * Civil-from-days and days-from-civil are Howard Hinnant's proleptic Gregorian algorithms.
 */

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day of the year counted from 1 March, and the year of that March: the shared first half of civil-from-days. */
function marchBased(dayNumber: number): { year: number; doy: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  return { year: yoe + era * 400, doy: doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)) };
}

/** 1-31. */
export function dayOfMonth(dayNumber: number): number {
  const { doy } = marchBased(dayNumber);
  return doy - Math.floor((153 * Math.floor((5 * doy + 2) / 153) + 2) / 5) + 1;
}

export function isLastDayOfMonth(dayNumber: number): boolean {
  return dayOfMonth(dayNumber + 1) === 1;
}

export function civil(dayNumber: number): { year: number; month: number; day: number } {
  const { year, doy } = marchBased(dayNumber);
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? year + 1 : year, month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** The day number of a YYYY-MM-DD business date; refuses what is not a real calendar date. */
export function dayNumber(date: string): number {
  // Read digit by digit: the COB parses two dates per loan and date, and a regex with slices costs more than the accrual.
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH)
    throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new RangeError(`not a calendar date: ${date}`);
  return daysFromCivil(year, month, day);
}

const DASH = 45;
const ZERO = 48;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real YYYY-MM-DD date as the number yyyymmdd, otherwise −1: it orders as the dates do, and ages
 * come from it by one subtraction. Screening reads three dates per supplier this way; splitting,
 * regular expressions and Date objects cost more than all the rest of its facts.
 */
export function ymd(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return -1;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10_000 + month * 100 + day;
}

/** The day number of a yyyymmdd date (see ymd). */
export function ymdDayNumber(yyyymmdd: number): number {
  return daysFromCivil(Math.floor(yyyymmdd / 10_000), Math.floor(yyyymmdd / 100) % 100, yyyymmdd % 100);
}

/** The number written by `length` ASCII digits at `from`, or −1 when one is not a digit. */
function digits(s: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const c = s.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1];
}

export function dateOf(dayNumber: number): string {
  const { year, month, day } = civil(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}
