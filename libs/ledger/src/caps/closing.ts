// Closed accounting years: nothing is posted into a closed year's booking periods; a posting that
// would land there goes to the first open period after it, and is marked as relating to the
// closed year (DOMAIN.md "Caps"). An event that gives a booking date (an expense's bookingDate)
// books in that date's period while its year is open: a January invoice for December activity
// can still go into the old year until finance closes it (the supplementary period).
import { danishBookingPeriodOf } from '@app/domain';
import type { Cause } from '../posting.types';

/** The first booking period at or after `period` ('YYYY-MM') whose year is not closed. */
export function firstOpenPeriod(period: string, closedYears: ReadonlySet<number>): string {
  let year = Number(period.slice(0, 4));
  if (!closedYears.has(year)) return period;
  while (closedYears.has(year)) year += 1;
  return `${year}-01`;
}

/** The booking period of the postings of `cause` (its booking period, else its recorded month), given the municipality's closed years. */
export function openBookingPeriod(cause: Cause, closedYears: ReadonlySet<number>): string {
  return firstOpenPeriod(cause.bookingPeriod ?? danishBookingPeriodOf(cause.recordedAt), closedYears);
}

/**
 * The closed year a posting's activity relates to, when it is booked after that year was closed:
 * the earliest closed year its activity period touches (activityFrom..activityTo), else null.
 */
export function relatedClosedYear(
  activityFrom: string,
  activityTo: string,
  closedYears: ReadonlySet<number>,
): number | null {
  for (let y = Number(activityFrom.slice(0, 4)); y <= Number(activityTo.slice(0, 4)); y++)
    if (closedYears.has(y)) return y;
  return null;
}
