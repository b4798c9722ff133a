// ISO calendar dates (YYYY-MM-DD) compared as strings, which orders them correctly.
import type { IsoDate } from './vocabulary';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The dates API.md accepts ("Conventions"): anything outside is a 400. */
export const MIN_DATE: IsoDate = '2000-01-01';
export const MAX_DATE: IsoDate = '2099-12-31';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True for an existing calendar date in the form YYYY-MM-DD (year 0001-9999). */
export function isValidIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareIsoDate(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inclusive period test: from <= day <= to. */
export function isWithin(day: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return from <= day && day <= to;
}

/** Whether the inclusive period [innerFrom, innerTo] lies inside [outerFrom, outerTo]. */
export function isPeriodWithin(innerFrom: IsoDate, innerTo: IsoDate, outerFrom: IsoDate, outerTo: IsoDate): boolean {
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

/**
 * The Danish calendar date (Europe/Copenhagen) of an instant: the "registration date" of a
 * command recorded at that instant. Pure: depends on the argument only.
 */
export function danishDateOf(instant: string): IsoDate {
  if (!isIsoInstant(instant)) throw new RangeError(`Not an ISO 8601 instant: ${instant}`);
  const parts = copenhagen.formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
