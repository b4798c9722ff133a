import { DomainRuleViolation } from '../shared/domain-rule-violation.error';
import type { IsoDate } from '../shared/vocabulary';

/** endDate >= startDate (periods are inclusive: a one-day offer has startDate = endDate). */
export function assertOfferPeriod(offerId: string, startDate: IsoDate, endDate: IsoDate): void {
  if (endDate < startDate) {
    throw new DomainRuleViolation(
      'offer.invalid_period',
      `Offer ${offerId}: endDate ${endDate} is before startDate ${startDate}`,
      {
        offerId,
        startDate,
        endDate,
      },
    );
  }
}
