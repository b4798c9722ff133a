// Exact money: amounts are integer øre (1 krone = 100 øre), rates are integer basis points
// (1 % = 100 bp). Parsing works on the decimal string, never through floating point.
// Øre are JavaScript numbers restricted to safe integers (|x| <= 2^53 - 1, about 90 trillion
// kroner), so they survive JSON; products are computed in bigint and rounded explicitly.

const KRONER = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** The largest amount a person enters (API.md "Conventions"): 1,000,000,000.00 kr in absolute value. */
export const MAX_AMOUNT_OERE = 100_000_000_000;

/** Whether `value` is a kroner string with at most two decimals ("4200.00", "-125.50", "12", "0.5"). */
export function isKroner(value: unknown): value is string {
  const m = typeof value === 'string' ? KRONER.exec(value) : null;
  return m !== null && Number.isSafeInteger(kronerToOere(m));
}

function kronerToOere(m: RegExpExecArray): number {
  const oere = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] && oere !== 0 ? -oere : oere;
}

/**
 * Kroner string -> integer øre, exactly: "4200.00" -> 420000, "-125.50" -> -12550, "12" -> 1200,
 * "0.5" -> 50. Refuses (RangeError) more than two decimals, exponents, commas, spaces, a "+"
 * sign, and amounts whose øre are not a safe integer (above about 90 trillion kroner).
 */
export function parseKroner(value: string): number {
  if (!isKroner(value))
    throw new RangeError(`Not a kroner amount with at most two decimals: ${JSON.stringify(value)}`);
  return kronerToOere(KRONER.exec(value)!);
}

/** Integer øre -> kroner string with exactly two decimals: 420000 -> "4200.00", -12550 -> "-125.50", -5 -> "-0.05". */
export function formatOere(oere: number | bigint): string {
  if (typeof oere === 'number' && !Number.isSafeInteger(oere))
    throw new RangeError(`Not an integer øre amount: ${oere}`);
  const n = BigInt(oere);
  const abs = n < 0n ? -n : n;
  const kroner = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${n < 0n ? '-' : ''}${kroner}.${rest}`;
}

/** Percent string with at most two decimals -> basis points: "50" -> 5000, "12.5" -> 1250, "0" -> 0. Max "100". */
export function parsePercentToBasisPoints(value: string): number {
  const m = typeof value === 'string' ? PERCENT.exec(value) : null;
  const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
  if (!(bp >= 0 && bp <= 10000))
    throw new RangeError(`Not a percentage 0-100 with at most two decimals: ${JSON.stringify(value)}`);
  return bp;
}

/** Basis points -> percent string without superfluous zeros: 5000 -> "50", 1250 -> "12.5", 1234 -> "12.34". */
export function formatBasisPoints(bp: number): string {
  if (!Number.isSafeInteger(bp) || bp < 0) throw new RangeError(`Not a basis-point rate: ${bp}`);
  const whole = Math.trunc(bp / 100);
  const frac = (bp % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/**
 * `numerator / denominator` for bigints, rounded to the nearest integer, halves away from zero
 * (0.5 -> 1, -0.5 -> -1, 2.5 -> 3). The one rounding rule of money in this domain.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) return divideRoundHalfAwayFromZero(-numerator, -denominator);
  const q = numerator / denominator; // truncates toward zero
  const r = numerator % denominator;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= denominator) return numerator < 0n ? q - 1n : q + 1n;
  return q;
}

/** Converts a bigint øre result back to a safe-integer number, refusing overflow. */
export function toSafeOere(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Øre amount out of range: ${value}`);
  }
  return Number(value);
}

/** A whole number of øre, checked: an integer within ±(2^53 - 1). */
export function assertOere(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${what} must be a whole number of øre, got ${value}`);
  return value;
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
  return toSafeOere(
    divideRoundHalfAwayFromZero(BigInt(amountOere) * BigInt(rateBasisPoints), BigInt(BASIS_POINTS_PER_WHOLE)),
  );
}
