// The arithmetic behind a segment's amount and refund, for the explanation endpoint.
import { type IsoDate, BASIS_POINTS_PER_WHOLE, refundOf } from '@app/domain';
import { cumulativeShare, dayShareOf } from './day-split';

export interface ExplainSegmentInput {
  /** The whole cost item: amount and activity period. */
  itemAmountOere: number;
  itemFrom: IsoDate;
  itemTo: IsoDate;
  /** The segment's activity period. */
  from: IsoDate;
  to: IsoDate;
  /** null when unresolved (no refund computed). */
  rateBasisPoints: number | null;
}

export interface SegmentExplanation {
  totalDays: number;
  daysBefore: number;
  days: number;
  /** round(A × daysBefore / totalDays) and round(A × (daysBefore + days) / totalDays). */
  cumulativeBeforeOere: number;
  cumulativeAfterOere: number;
  amountOere: number;
  /** Human-readable formula with the numbers filled in. */
  shareFormula: string;
  refundRateBasisPoints: number | null;
  refundOere: number | null;
  refundFormula: string;
  roundingRule: string;
}

export const ROUNDING_RULE =
  'cumulative day-proportional rounding: part = round(A × (d0 + d) / T) − round(A × d0 / T); ' +
  'refund = round(part × rate / 10000); round = to whole øre, halves away from zero';

/** Explain the amount and refund of the segment from..to of a cost item (works for DesiredSegment and Posting). */
export function explainSegment(input: ExplainSegmentInput): SegmentExplanation {
  const { itemAmountOere: a, itemFrom, itemTo, from, to, rateBasisPoints } = input;
  const { daysBefore, days, totalDays } = dayShareOf(itemFrom, itemTo, from, to);
  const before = cumulativeShare(a, daysBefore, totalDays);
  const after = cumulativeShare(a, daysBefore + days, totalDays);
  const amountOere = after - before;
  const refundOere = rateBasisPoints === null ? null : refundOf(amountOere, rateBasisPoints);
  return {
    totalDays,
    daysBefore,
    days,
    cumulativeBeforeOere: before,
    cumulativeAfterOere: after,
    amountOere,
    shareFormula:
      `${days} of ${totalDays} days (${from}..${to} of ${itemFrom}..${itemTo}): ` +
      `round(${a} × ${daysBefore + days} / ${totalDays}) − round(${a} × ${daysBefore} / ${totalDays}) = ` +
      `${after} − ${before} = ${amountOere} øre`,
    refundRateBasisPoints: rateBasisPoints,
    refundOere,
    refundFormula:
      rateBasisPoints === null
        ? 'no refund computed: the rulebook gave no rule or an ambiguous answer for this segment'
        : `round(${amountOere} × ${rateBasisPoints} / ${BASIS_POINTS_PER_WHOLE}) = ${refundOere} øre`,
    roundingRule: ROUNDING_RULE,
  };
}
