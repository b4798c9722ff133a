// Calendar dates (ISO YYYY-MM-DD; compared as strings, which orders them correctly) and
// instants: validity, periods, and arithmetic on whole day numbers in UTC, so that no time zone
// or daylight-saving shift can move a date. Periods are inclusive on both ends.
import type { IsoDate } from './vocabulary';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The dates API.md accepts ("Conventions"): anything outside is a 400. */
export const MIN_DATE: IsoDate = '2000-01-01';
export const MAX_DATE: IsoDate = '2099-12-31';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** True for an existing calendar date in the form YYYY-MM-DD (year 0001-9999). Every stored event's dates are checked with it: no arrays made. */
export function isValidIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Inclusive period test: from <= day <= to. */
export function isWithin(day: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return from <= day && day <= to;
}

/** Whether the inclusive period [innerFrom, innerTo] lies inside [outerFrom, outerTo]. */
export function isPeriodWithin(
  innerFrom: IsoDate,
  innerTo: IsoDate,
  outerFrom: IsoDate,
  outerTo: IsoDate,
): boolean {
  return outerFrom <= innerFrom && innerTo <= outerTo;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 instant with an explicit offset, e.g. 2025-03-01T10:00:00Z. */
export function isIsoInstant(value: string): boolean {
  return INSTANT.test(value) && isValidIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

const copenhagen = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const MS_PER_HOUR = 3_600_000;
/** From 1900 to 9999 Copenhagen's offset is a whole number of hours that changes only on the hour (UTC). */
const HOURLY_OFFSETS_FROM = Date.UTC(1900, 0, 1);
const HOURLY_OFFSETS_TO = Date.UTC(9999, 11, 31);

// Every event asks for the day of its instant, and Intl takes microseconds per answer: the
// zone's offset is looked up once per hour of UTC (a bounded table) and the day computed from it.
const copenhagenOffsetOfHour = memoised((hour: number): number => {
  const get = copenhagenParts(copenhagenClock, new Date(hour * MS_PER_HOUR).toISOString());
  const local = Date.UTC(
    Number(get('year')),
    Number(get('month')) - 1,
    Number(get('day')),
    Number(get('hour')),
    Number(get('minute')),
    Number(get('second')),
  );
  return local - hour * MS_PER_HOUR;
});

/**
 * The Danish calendar date (Europe/Copenhagen) of an instant: the "registration date" of a
 * command recorded at that instant, and the day a posting without a booking date is booked.
 * Pure: depends on the argument only (the zone's rules, not the machine's).
 */
export function danishDateOf(instant: string): IsoDate {
  if (!isIsoInstant(instant)) throw new RangeError(`Not an ISO 8601 instant: ${instant}`);
  const ms = Date.parse(instant);
  if (ms < HOURLY_OFFSETS_FROM || ms > HOURLY_OFFSETS_TO) {
    const get = copenhagenParts(copenhagen, instant);
    return `${get('year')}-${get('month')}-${get('day')}`;
  }
  return isoDateOfDay(Math.floor((ms + copenhagenOffsetOfHour(Math.floor(ms / MS_PER_HOUR))) / MS_PER_DAY));
}

/**
 * The booking period 'YYYY-MM' of an instant: its month on the Danish calendar (API.md
 * "Conventions": booking periods are taken in Europe/Copenhagen), so 2026-01-31T23:30Z is 2026-02.
 * Every booking period derived from a recorded instant comes from here, from the instant the
 * event carries, so a rebuild derives the same period.
 */
export function danishBookingPeriodOf(instant: string): string {
  return danishDateOf(instant).slice(0, 7);
}

/** The accounting year (the Danish calendar year) of an instant. */
export function danishYearOf(instant: string): number {
  return Number(danishDateOf(instant).slice(0, 4));
}

/** The fields of an instant on the wall clock in Copenhagen, as `format` gives them. */
function copenhagenParts(format: Intl.DateTimeFormat, instant: string): (type: string) => string {
  if (!isIsoInstant(instant)) throw new RangeError(`Not an ISO 8601 instant: ${instant}`);
  const parts = format.formatToParts(new Date(instant));
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

const copenhagenClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Denmark (Europe/Copenhagen) of an instant, "YYYY-MM-DD HH:MM:SS" (what statements show). */
export function danishLocalTimeOf(instant: string): string {
  const get = copenhagenParts(copenhagenClock, instant);
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

const MS_PER_DAY = 86_400_000;

/** An inclusive period of calendar dates. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

// Allocation asks for the same few thousand dates over and over: both directions are memoised
// (valid dates only; a bounded table, emptied when full).
function memoised<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= 50_000) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

function parseDayNumber(date: IsoDate): number {
  const m = DATE.exec(date);
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

function formatIsoDate(day: number): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of an ISO date; throws on anything that is not a real calendar date. */
export const dayNumber: (date: IsoDate) => number = memoised(parseDayNumber);

/** The ISO date of a day number (inverse of dayNumber). */
export const isoDateOfDay: (day: number) => IsoDate = memoised(formatIsoDate);

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDateOfDay(dayNumber(date) + days);
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

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return dayNumber(a) >= dayNumber(b) ? a : b;
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

/** Bounds used for open-ended validity (a rule without end date, the time before the rulebook). */
export const BEGINNING_OF_TIME: IsoDate = '0001-01-01';
export const END_OF_TIME: IsoDate = '9999-12-31';

/** isValidIsoDate as a type guard for values of any type. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && isValidIsoDate(value);
}

/** The next day; the end of time stays. */
export function nextDay(date: IsoDate): IsoDate {
  return date === END_OF_TIME ? END_OF_TIME : addDays(date, 1);
}

/** The day before; the beginning of time stays. */
export function previousDay(date: IsoDate): IsoDate {
  return date === BEGINNING_OF_TIME ? BEGINNING_OF_TIME : addDays(date, -1);
}
