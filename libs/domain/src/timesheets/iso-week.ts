// ISO 8601 weeks (`2025-W10`): Bilag 2's timesheet is one per week ("6. Uge nr.", 000_140518b2c182b2de.txt L1633),
// Monday to Sunday (L1635-L1640).
import { addDays, dayNumber, isoDateOfDay } from '../shared/calendar-date';
import type { IsoDate } from '../shared/vocabulary';

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Monday of ISO week 1 of the year: the week holding 4 January. */
function mondayOfWeekOne(year: number): number {
  const jan4 = dayNumber(`${year}-01-04`);
  // Day 0 is 1970-01-01, a Thursday: (day + 3) mod 7 counts the days since Monday (from 2000 on, days are positive).
  return jan4 - ((jan4 + 3) % 7);
}

/** The Monday and Sunday of an ISO week `YYYY-Www`, or undefined when it is no week of that year. */
export function isoWeekDates(week: string): { from: IsoDate; to: IsoDate } | undefined {
  const m = WEEK.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (year < 2000 || year > 2099 || n < 1) return undefined;
  const monday = mondayOfWeekOne(year) + (n - 1) * 7;
  if (n > 52 && monday >= mondayOfWeekOne(year + 1)) return undefined;
  const from = isoDateOfDay(monday);
  return { from, to: addDays(from, 6) };
}
