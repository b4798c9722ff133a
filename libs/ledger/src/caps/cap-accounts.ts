// The dranst-2 accounts of a cap year. Each dranst-2 grouping refunds, under its cap, the costs of
// the dranst-1 groupings it names (seed 001, 5.68.90 dranst 2, L183-L188 and L1971-L2015), so the
// adjustment that holds a cap's refund to its limit is taken off the accounts its postings refund
// on, shared by their refunds before the cap; one cap may span several (the 2014-2015
// mentorramme: grouping 017 refunds on 5.68.90.2.001, 019 on .002).
import { divideRoundHalfAwayFromZero } from '@app/domain';
import type { Account } from '@app/rules';

/** One refund account of a cap year: the refund before the cap its postings carry, and the adjustments posted on it. */
export interface CapAccount {
  /** null where the postings' rules name no dranst-2 grouping (the integration rådighedsloft) or refund nothing. */
  refundAccount: Account | null;
  refundBeforeCapOere: bigint;
  adjustmentsOere: bigint;
}

/** 'function.dranst.grouping', '' for none: the order a cap year keeps its accounts in. */
export const refundAccountKey = (account: Account | null): string =>
  account === null ? '' : `${account.function}.${account.dranst}.${account.grouping}`;

/** The entry of `refundAccount` among a cap year's accounts, added in key order when it has none yet. */
export function capAccountOf(accounts: CapAccount[], refundAccount: Account | null): CapAccount {
  const key = refundAccountKey(refundAccount);
  const found = accounts.find((a) => refundAccountKey(a.refundAccount) === key);
  if (found) return found;
  const added: CapAccount = {
    refundAccount: refundAccount && { ...refundAccount },
    refundBeforeCapOere: 0n,
    adjustmentsOere: 0n,
  };
  const at = accounts.findIndex((a) => refundAccountKey(a.refundAccount) > key);
  accounts.splice(at === -1 ? accounts.length : at, 0, added);
  return added;
}

/** Splits an amount by weights (Σ ≠ 0) so the parts add up to it exactly: each part is the rounded cumulative share less the previous one. */
export function splitByWeights(amount: bigint, weights: readonly bigint[]): bigint[] {
  const total = weights.reduce((sum, w) => sum + w, 0n);
  let cumulative = 0n;
  let before = 0n;
  return weights.map((w) => {
    cumulative += w;
    const upTo = divideRoundHalfAwayFromZero(amount * cumulative, total);
    const part = upTo - before;
    before = upTo;
    return part;
  });
}

/** One account's part of a cap's adjustment: what it must carry now, what it carried, and the posting that makes up the difference. */
export interface CapAccountShare {
  refundAccount: Account | null;
  /** This account's refund before the cap, of the cap year's total: the weight of its share. */
  refundBeforeCapOere: bigint;
  totalRefundBeforeCapOere: bigint;
  /** Its share of the required adjustment (cumulative rounding over the accounts in key order). */
  adjustmentOere: bigint;
  adjustmentsBeforeOere: bigint;
  /** adjustment − adjustments before: the refund of the posting on this account. */
  deltaOere: bigint;
}

/**
 * The required adjustment of a cap year shared over its accounts in proportion to their refunds
 * before the cap, each account's part rounded cumulatively so the parts add up to the øre; only
 * the accounts whose part changed (delta ≠ 0). An adjustment is required only when the refund
 * before the cap exceeds the limit (≥ 0), so the weights then sum to more than 0.
 */
export function shareAdjustment(accounts: readonly CapAccount[], requiredOere: bigint): CapAccountShare[] {
  const weights = accounts.map((a) => a.refundBeforeCapOere);
  const total = weights.reduce((sum, w) => sum + w, 0n);
  // Weights summing to 0 with an adjustment required cannot arise from the cap rule; the first account would carry it.
  const parts =
    total === 0n
      ? weights.map((_, i) => (i === 0 ? requiredOere : 0n))
      : splitByWeights(requiredOere, weights);
  return accounts
    .map((a, i) => ({
      refundAccount: a.refundAccount && { ...a.refundAccount },
      refundBeforeCapOere: a.refundBeforeCapOere,
      totalRefundBeforeCapOere: total,
      adjustmentOere: parts[i],
      adjustmentsBeforeOere: a.adjustmentsOere,
      deltaOere: parts[i] - a.adjustmentsOere,
    }))
    .filter((s) => s.deltaOere !== 0n);
}
