// Closed accounting years: nothing is posted into a closed year's booking periods; a posting that
// would land there goes to the first open period after it, and is marked as relating to the
// closed year (DOMAIN.md "Caps").
import { bookingPeriodOf } from '../reconcile';

/** The first booking period at or after `period` ('YYYY-MM') whose year is not closed. */
export function firstOpenPeriod(period: string, closedYears: ReadonlySet<number>): string {
  let year = Number(period.slice(0, 4));
  if (!closedYears.has(year)) return period;
  while (closedYears.has(year)) year += 1;
  return `${year}-01`;
}

/** The booking period of postings caused at `recordedAt`, given the municipality's closed years. */
export function openBookingPeriod(recordedAt: string, closedYears: ReadonlySet<number>): string {
  return firstOpenPeriod(bookingPeriodOf(recordedAt), closedYears);
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
