// ISO calendar dates (YYYY-MM-DD) compare correctly as strings; these helpers step them by one day.
import type { IsoDate } from '@app/domain/shared/vocabulary';

/** Bounds used for open-ended validity (a rule without end date, the time before the rulebook). */
export const BEGINNING_OF_TIME: IsoDate = '0001-01-01';
export const END_OF_TIME: IsoDate = '9999-12-31';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function shift(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function nextDay(date: IsoDate): IsoDate {
  return date === END_OF_TIME ? END_OF_TIME : shift(date, 1);
}

export function previousDay(date: IsoDate): IsoDate {
  return date === BEGINNING_OF_TIME ? BEGINNING_OF_TIME : shift(date, -1);
}
