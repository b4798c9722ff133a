import { divideRoundHalfAwayFromZero, toSafeOere } from '../shared/money';

/**
 * The cost of mentor hours in øre (BAB § 126; seed000.md §12.4): direct-contact hours × actual
 * hourly wage cost, or the consultant's fee as given. Preparation is never costed.
 *
 * Rounding: contactHours are hundredths of an hour, so hours × hourly cost is
 * (hundredths × øre) / 100, rounded to whole øre, halves away from zero:
 * 1.33 h × 333.33 kr = 443.3289 kr -> 443.33 kr; 0.01 h × 0.50 kr = 0.005 kr -> 0.01 kr.
 */
export function mentorCostOere(
  basis: { contactHundredths: number; hourlyCostOere: number } | { feeOere: number },
): number {
  if ('feeOere' in basis) return basis.feeOere;
  const { contactHundredths, hourlyCostOere } = basis;
  if (!Number.isSafeInteger(contactHundredths) || !Number.isSafeInteger(hourlyCostOere)) {
    throw new RangeError('mentorCostOere needs integer hundredths and integer øre');
  }
  return toSafeOere(divideRoundHalfAwayFromZero(BigInt(contactHundredths) * BigInt(hourlyCostOere), 100n));
}
