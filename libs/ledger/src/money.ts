// Exact integer money arithmetic in øre. Products (amount × days, amount × rate) are computed in
// BigInt, so nothing is lost even when they exceed 2^53; results are checked to be safe integers.

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero
 * (2.5 → 3, -2.5 → -3), so that rounding a negated amount gives exactly the negated result.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const q = numerator / denominator; // truncates toward zero
  const r = numerator % denominator; // has the sign of the numerator
  const twiceAbsR = (r < 0n ? -r : r) * 2n;
  if (twiceAbsR >= denominator) return numerator < 0n ? q - 1n : q + 1n;
  return q;
}

/** A whole number of øre, checked: an integer within ±(2^53 - 1). */
export function assertOere(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of øre, got ${value}`);
  return value;
}

/** Back from BigInt to number, refusing anything that would lose exactness; never returns -0. */
export function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`result ${value} exceeds the exact integer range`);
  return n === 0 ? 0 : n;
}

/** -amount without producing -0 (which would make equal postings compare unequal). */
export function negate(value: number): number {
  return value === 0 ? 0 : -value;
}

export const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * The state refund of an amount at a rate: amount × rate / 10 000, rounded half away from zero
 * to whole øre (so the refund of a negative amount is the negated refund of the positive one).
 * Example: refundOf(333_333, 5000) = round(166 666.5) = 166 667.
 */
export function refundOf(amountOere: number, rateBasisPoints: number): number {
  assertOere(amountOere);
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0) {
    throw new RangeError(`rate must be a non-negative whole number of basis points, got ${rateBasisPoints}`);
  }
  return toSafeNumber(
    divideRoundHalfAwayFromZero(BigInt(amountOere) * BigInt(rateBasisPoints), BigInt(BASIS_POINTS_PER_WHOLE)),
  );
}
