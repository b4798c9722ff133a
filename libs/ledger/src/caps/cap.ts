// Caps: the refund of costs that count against a cap is 50 % of the lesser of the eligible costs
// and the allowance (amount per full-year person × full-year persons), per municipality,
// accounting (booking) year and cap (DOMAIN.md "Caps"; seed003.md §2.1 "Formula implied by the
// text", Refund[cap] = 50 % × min(EligibleCapped, Allowance); seed000.md 2B / Bilag 1 for the
// integration rådighedsloft). The postings of capped costs carry their uncapped refund; the cap
// is applied by separate 'cap_adjustment' postings that post only the difference.
import type { CapId, Citation } from '@app/rules';
import { danishBookingPeriodOf, divideRoundHalfAwayFromZero, toSafeOere } from '@app/domain';
import type { Cause, Posting } from '../posting.types';
import { refundAccountKey, type CapAccountShare } from './cap-accounts';

export interface CapParameters {
  /** Integer øre per full-year person. */
  amountPerFullYearPersonOere: number;
  /** Full-year persons in hundredths (1250 = 12.50). */
  fullYearPersonsHundredths: number;
}

/** Allowance = amount per full-year person × full-year persons, rounded to whole øre (halves away from zero). */
export function capAllowance(p: CapParameters): bigint {
  return divideRoundHalfAwayFromZero(
    BigInt(p.amountPerFullYearPersonOere) * BigInt(p.fullYearPersonsHundredths),
    100n,
  );
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** The running figures of one municipality × accounting year × cap; sums in exact bigint øre. */
export interface CapYearFigures {
  municipality: string;
  year: number;
  cap: CapId;
  /** The refund rate of the capped rules (the rulebook's rows; 5000 = 50 %); null before any capped posting. */
  rateBasisPoints: number | null;
  parameters: CapParameters | null;
  /** Σ amount of the capped postings booked in the year (originals, reversals, rebookings). */
  eligibleCostsOere: bigint;
  /** Σ refund of those postings: the refund before the cap. */
  refundBeforeCapOere: bigint;
  /** Σ refund of the cap adjustments booked so far. */
  adjustmentsOere: bigint;
}

/** The figures of a cap with no capped postings and no parameters yet. */
export const noCapFigures = (cap: CapId): Omit<CapYearFigures, 'municipality' | 'year'> => ({
  cap,
  rateBasisPoints: null,
  parameters: null,
  eligibleCostsOere: 0n,
  refundBeforeCapOere: 0n,
  adjustmentsOere: 0n,
});

export type CapStatus = 'no_parameters' | 'within_allowance' | 'allowance_exceeded';

export interface CapComputation {
  municipality: string;
  year: number;
  cap: CapId;
  status: CapStatus;
  rateBasisPoints: number | null;
  parameters: CapParameters | null;
  allowanceOere: bigint | null;
  eligibleCostsOere: bigint;
  /** round(min(eligible, allowance) × rate); null without parameters. */
  limitOere: bigint | null;
  refundBeforeCapOere: bigint;
  /** The refund the year's capped costs give: min(refund before cap, limit); the refund before cap without parameters. */
  cappedRefundOere: bigint;
  /** cappedRefund − refundBeforeCap: what the cap adjustments must add up to (≤ 0). */
  requiredAdjustmentOere: bigint;
  adjustmentsBeforeOere: bigint;
  /** requiredAdjustment − adjustments so far: the amount of the adjusting posting to make now (0: none). */
  deltaOere: bigint;
  formula: string;
  /** Where the adjustment is shared over several refund accounts: this posting's account and its part. */
  account?: CapAccountShare;
}

const DRIFTSLOFTER: ReadonlySet<CapId> = new Set<CapId>([
  'driftsloft_dagpenge_kontanthjaelp',
  'driftsloft_sygedagpenge_revalidering',
]);

/**
 * Why nothing is capped without parameters. The driftslofter end with 2018 (dagpenge and sygedagpenge with 1. halvår
 * 2019), so what counts against one in a later booking year is afløb, which the chart refunds within the allowance of
 * 2018 (kontant- og uddannelseshjælp, ledighedsydelse, revalidering) or of 1. halvår 2019 (dagpenge, sygedagpenge)
 * (001 L1967-L2021): from rulebook 2026.12-6 such afløb counts against that cap year itself; under earlier versions it
 * counted against its booking year, whose parameters finance set to that allowance. Until parameters are set the
 * refund before the cap stands, and the computation says so rather than assume an amount.
 */
function withoutParameters(f: CapYearFigures): string {
  if (!DRIFTSLOFTER.has(f.cap) || f.year < 2019)
    return 'no cap parameters for this year: the refund before the cap stands';
  return (
    `no cap parameters for ${f.year}: the refund before the cap stands. What counts here is afløb of activity before 2019, ` +
    'which the chart refunds within the allowance of 2018 (kontant- og uddannelseshjælp, ledighedsydelse, revalidering) ' +
    `or of 1. halvår 2019 (dagpenge, sygedagpenge) (001 L1967-L2021): from rulebook 2026.12-6 it counts against that cap year; ` +
    `what an earlier version counted here, ${f.year}'s parameters set to that allowance cap`
  );
}

/**
 * The capped refund of one municipality × year × cap. With parameters the refund is
 * min(Σ posted refunds, round(min(eligible, allowance) × rate)) — so under the allowance the
 * postings' own refunds (each rounded per segment) stand untouched, and over it the refund is
 * exactly 50 % of the allowance. Without parameters nothing is capped (status 'no_parameters';
 * the statement shows it): the sources give no cap amounts for most years (DOMAIN.md), so the
 * cap waits for finance instead of assuming one.
 */
export function computeCap(f: CapYearFigures): CapComputation {
  const rate = f.rateBasisPoints;
  let allowanceOere: bigint | null = null;
  let limitOere: bigint | null = null;
  let cappedRefundOere = f.refundBeforeCapOere;
  let status: CapStatus = 'no_parameters';
  let formula = withoutParameters(f);
  if (f.parameters !== null) {
    allowanceOere = capAllowance(f.parameters);
    limitOere =
      rate === null
        ? 0n
        : divideRoundHalfAwayFromZero(min(f.eligibleCostsOere, allowanceOere) * BigInt(rate), 10_000n);
    cappedRefundOere = min(f.refundBeforeCapOere, limitOere);
    status = f.eligibleCostsOere > allowanceOere ? 'allowance_exceeded' : 'within_allowance';
    formula =
      `allowance = ${f.parameters.amountPerFullYearPersonOere} øre × ${f.parameters.fullYearPersonsHundredths / 100} full-year persons = ${allowanceOere} øre; ` +
      `limit = round(min(eligible ${f.eligibleCostsOere}, allowance ${allowanceOere}) × ${rate ?? 0} / 10000) = ${limitOere} øre; ` +
      `capped refund = min(refund before cap ${f.refundBeforeCapOere}, limit ${limitOere}) = ${cappedRefundOere} øre`;
  }
  const requiredAdjustmentOere = cappedRefundOere - f.refundBeforeCapOere;
  const deltaOere = requiredAdjustmentOere - f.adjustmentsOere;
  return {
    municipality: f.municipality,
    year: f.year,
    cap: f.cap,
    status,
    rateBasisPoints: rate,
    parameters: f.parameters === null ? null : { ...f.parameters },
    allowanceOere,
    eligibleCostsOere: f.eligibleCostsOere,
    limitOere,
    refundBeforeCapOere: f.refundBeforeCapOere,
    cappedRefundOere,
    requiredAdjustmentOere,
    adjustmentsBeforeOere: f.adjustmentsOere,
    deltaOere,
    formula: `${formula}; adjustment = ${requiredAdjustmentOere} − ${f.adjustmentsOere} already adjusted = ${deltaOere} øre`,
  };
}

/** Where each cap is cited: seed 003 §2.1 for the 2014-2018 driftslofter and the mentor frame, seed 000 Bilag 1 for the rådighedsloft. */
export function capCitations(cap: CapId): Citation[] {
  if (cap === 'integration_raadighedsloft') {
    return [
      {
        source: '000_140518b2c182b2de.txt',
        section: '2B, Bilag 1',
        note: 'rådighedsloft per helårsdeltager, 50 % within it',
      },
    ];
  }
  return [
    {
      source: '003_ba212cd929ee8ae7.txt',
      section: '2.1 [L273-L291, L1955-L1990]',
      note: 'driftsloft per helårsperson; refund 50 % of min(eligible, rådighedsbeløb)',
    },
  ];
}

/**
 * The booking period of a cap adjustment of `year`: the causing event's period, but never
 * outside the year (parameters settled after year end are booked in the year's last period).
 */
export function capAdjustmentPeriod(year: number, cause: Cause): string {
  const period = cause.bookingPeriod ?? danishBookingPeriodOf(cause.recordedAt);
  const first = `${year}-01`;
  const last = `${year}-12`;
  return period < first ? first : period > last ? last : period;
}

export const capItemId = (year: number, cap: CapId) => `cap:${year}:${cap}`;

/**
 * The adjusting posting of a computation whose delta is not 0, on `refundAccount`: entryId
 * `${eventId}:cap:${year}:${cap}`, followed by `:${function.dranst.grouping}` (or `:none`) where
 * the cap year posts on several accounts; its refund is the account's delta where it has a part.
 */
export function capAdjustmentPosting(
  c: CapComputation,
  cause: Cause,
  refundAccount: Posting['refundAccount'],
  ofSeveralAccounts = false,
  bookingPeriod = capAdjustmentPeriod(c.year, cause),
): Posting {
  const itemId = capItemId(c.year, c.cap);
  const suffix = ofSeveralAccounts ? `:${refundAccountKey(refundAccount) || 'none'}` : '';
  return {
    entryId: `${cause.eventId}:${itemId}${suffix}`,
    kind: 'cap_adjustment',
    costItemId: itemId,
    personId: null,
    offerId: null,
    municipality: c.municipality,
    account: null,
    refundAccount: refundAccount === null ? null : { ...refundAccount },
    targetGroup: null,
    activityFrom: `${c.year}-01-01`,
    activityTo: `${c.year}-12-31`,
    bookingPeriod,
    amountOere: 0,
    refundRateBasisPoints: c.rateBasisPoints,
    refundOere: toSafeOere(c.account?.deltaOere ?? c.deltaOere),
    ruleId: null,
    citations: capCitations(c.cap),
    cap: c.cap,
    unresolved: null,
    causedBy: { eventId: cause.eventId, commandId: cause.commandId },
    reverses: null,
    recordedAt: cause.recordedAt,
    rulebookVersion: cause.rulebookVersion ?? null,
  };
}
