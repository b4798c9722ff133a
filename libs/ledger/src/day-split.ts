// Division of an amount over consecutive segments of a period in proportion to their calendar days.
//
// ROUNDING RULE (cumulative rounding): with total T days and amount A øre, the running total up to
// and including a segment that ends after c days is C(c) = round(A × c / T), rounded half away
// from zero; the segment's part is C(c_after) − C(c_before). Hence:
//   - the parts always add up to exactly A (C(T) = A, C(0) = 0, the sum telescopes);
//   - a negative amount gives exactly the negated parts (rounding is symmetric around zero);
//   - a part depends only on where its own boundaries lie, not on how the rest of the period is
//     split: adding or moving a split elsewhere never changes this segment's øre. Retroactive
//     regrouping therefore only touches the segments that really changed (largest-remainder
//     rounding would not have this property);
//   - each part differs from its exact share A × days / T by less than one øre.
// Example: 1 øre over three one-day segments → C = round(1/3)=0, round(2/3)=1, 1 → parts 0, 1, 0.
import * as domain from '@app/domain';

// Bound once: called for every day, piece and segment of the fold, and each call through the
// domain's compiled index would go through its re-export getter.
const { assertOere, daysInclusive, divideRoundHalfAwayFromZero, toSafeOere } = domain;

/** The running total round(A × cumulativeDays / totalDays) of the cumulative rounding rule. */
export function cumulativeShare(amountOere: number, cumulativeDays: number, totalDays: number): number {
  assertOere(amountOere);
  if (!Number.isInteger(totalDays) || totalDays < 1)
    throw new RangeError(`totalDays must be ≥ 1, got ${totalDays}`);
  if (!Number.isInteger(cumulativeDays) || cumulativeDays < 0 || cumulativeDays > totalDays) {
    throw new RangeError(`cumulativeDays must lie in 0..${totalDays}, got ${cumulativeDays}`);
  }
  return toSafeOere(
    divideRoundHalfAwayFromZero(BigInt(amountOere) * BigInt(cumulativeDays), BigInt(totalDays)),
  );
}

/** The part of a segment of `days` days preceded by `daysBefore` days, out of `totalDays`. */
export function shareOfDays(amountOere: number, daysBefore: number, days: number, totalDays: number): number {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be ≥ 1, got ${days}`);
  return (
    cumulativeShare(amountOere, daysBefore + days, totalDays) -
    cumulativeShare(amountOere, daysBefore, totalDays)
  );
}

/** Split an amount over consecutive segments of the given day counts (each ≥ 1); the parts sum to the amount. */
export function splitByDays(amountOere: number, dayCounts: readonly number[]): number[] {
  const total = dayCounts.reduce((sum, d) => sum + d, 0);
  let before = 0;
  return dayCounts.map((days) => {
    const part = shareOfDays(amountOere, before, days, total);
    before += days;
    return part;
  });
}

/** Where a segment lies within its cost item's period, in days. */
export interface DayShare {
  daysBefore: number;
  days: number;
  totalDays: number;
}

/** The day counts of a segment from..to within the item period itemFrom..itemTo (inclusive). */
export function dayShareOf(itemFrom: string, itemTo: string, from: string, to: string): DayShare {
  const totalDays = daysInclusive(itemFrom, itemTo);
  const days = daysInclusive(from, to);
  const daysBefore = daysInclusive(itemFrom, from) - 1;
  if (daysBefore + days > totalDays)
    throw new RangeError(`segment ${from}..${to} lies outside ${itemFrom}..${itemTo}`);
  return { daysBefore, days, totalDays };
}
