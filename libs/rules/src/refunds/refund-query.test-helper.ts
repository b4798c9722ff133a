// Test helper: terse refund queries and a compact summary of a decision ('rule:5000', 'no_rule', 'ambiguous').
import type { ExpenseType, OfferKind, TargetGroup, TargetGroupAttributes } from '@app/domain';
import type { CapId, RefundDecision, RefundQuery } from '../rulebook.types';
import { decideRefund } from './refund-decision.engine';

export interface QueryOptions {
  attributes?: TargetGroupAttributes;
  monthsUnemployed?: number;
  withinMentorWindow?: boolean;
  mentorAgreementTargetGroup?: TargetGroup;
  scheme?: 'igu';
}

export function expenseQuery(
  date: string,
  targetGroup: TargetGroup,
  offerKind: OfferKind,
  expenseType: ExpenseType,
  options: QueryOptions = {},
): RefundQuery {
  return { date, targetGroup, offerKind, cost: { kind: 'expense', expenseType }, ...options };
}

export function mentorQuery(date: string, targetGroup: TargetGroup, options: QueryOptions = {}): RefundQuery {
  return { date, targetGroup, offerKind: 'mentor', cost: { kind: 'mentor' }, ...options };
}

export function summary(decision: RefundDecision): string {
  return decision.outcome === 'rule' ? `rule:${decision.rateBasisPoints}` : decision.outcome;
}

export function decide(query: RefundQuery): RefundDecision {
  return decideRefund(query);
}

/** 'function/dranst/grouping' of the cost account, or '' when none. */
export function costAccountOf(decision: RefundDecision): string {
  const account = decision.costAccount;
  return account ? `${account.function}/${account.dranst}/${account.grouping}` : '';
}

export const CAP_A: CapId = 'driftsloft_dagpenge_kontanthjaelp';
export const CAP_B: CapId = 'driftsloft_sygedagpenge_revalidering';
