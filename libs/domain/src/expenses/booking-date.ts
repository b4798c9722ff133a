import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleViolation } from '../shared/domain-rule-violation.error';
import { danishDateOf } from '../shared/calendar-date';
import type { IsoDate } from '../shared/vocabulary';

/**
 * A cost's booking date as the municipality gave it (API.md: never in the future — a day that has begun in
 * Denmark), or undefined when it gave none (its postings are then booked when recorded).
 */
export function checkedBookingDate(
  bookingDate: IsoDate | undefined,
  context: DecisionContext,
  ids: Record<string, string>,
): IsoDate | undefined {
  if (bookingDate === undefined) return undefined;
  const today = danishDateOf(context.now);
  if (bookingDate > today)
    throw new DomainRuleViolation(
      'expense.booking_in_future',
      `Booking date ${bookingDate} is after today (${today})`,
      { ...ids, bookingDate, today },
    );
  return bookingDate;
}
