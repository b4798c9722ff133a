// Calendar-date arithmetic on ISO dates (YYYY-MM-DD) as whole day numbers, in UTC so that no
// time zone or daylight-saving shift can move a date. Periods are inclusive on both ends.
import type { IsoDate } from '@app/domain/shared/vocabulary';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An inclusive period of calendar dates. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

// Allocation asks for the same few thousand dates over and over: both directions are memoised
// (valid dates only; a bounded table, emptied when full).
const MEMO_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, IsoDate>();

/** Days since 1970-01-01 of an ISO date; throws on anything that is not a real calendar date. */
export function dayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const day = parseDayNumber(date);
  if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

function parseDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999; the round trip rejects 2019-02-30.
  const exact = new Date(0);
  exact.setUTCFullYear(y, mo - 1, d);
  if (exact.getUTCFullYear() !== y || exact.getUTCMonth() !== mo - 1 || exact.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return Math.round(exact.getTime() / MS_PER_DAY);
}

/** The ISO date of a day number (inverse of dayNumber). */
export function isoDate(day: number): IsoDate {
  const known = isoDates.get(day);
  if (known !== undefined) return known;
  const date = formatIsoDate(day);
  if (isoDates.size >= MEMO_LIMIT) isoDates.clear();
  isoDates.set(day, date);
  return date;
}

function formatIsoDate(day: number): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDate(dayNumber(date) + days);
}

/** Number of days in the inclusive period from..to (1 when from = to); throws when to < from. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  const n = dayNumber(to) - dayNumber(from) + 1;
  if (n < 1) throw new RangeError(`period ends before it starts: ${from}..${to}`);
  return n;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return dayNumber(a) <= dayNumber(b) ? a : b;
}

/** The date `months` calendar months after `date`, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  dayNumber(date); // validate
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12; // 0-based
  const last = new Date(0);
  last.setUTCFullYear(ty, tm + 1, 0);
  const day = Math.min(d, last.getUTCDate());
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Last day of the calendar month of `date`. */
export function endOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

/** Last day of the calendar year of `date`. */
export function endOfYear(date: IsoDate): IsoDate {
  return `${date.slice(0, 4)}-12-31`;
}
