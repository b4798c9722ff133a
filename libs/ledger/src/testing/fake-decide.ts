// A small, hand-written rulebook for the ledger's tests (not the real rules of libs/rules).
//   before 2014-01-01        → no_rule
//   jobafklaring             → 50 %, grouping '097' (mentor: 50 % inside the window, 0 % / '098' outside)
//   dagpenge                 → 50 % within cap, '090', until 2019-06-30; then 0 %, '091'
//   sygedagpenge             → 50 % within cap, '092', until 2019-06-30; then 0 %, '093'
//   foertidspension          → 50 %, '095', the same rule in two rows split at 2019-12-31
//   kontanthjaelp            → ambiguous between two rules, cost account '099' known
//   anything else            → no_rule, no account
import type { Account, RefundDecision, RefundQuery } from '@app/rules';

const cost = (grouping: string): Account => ({ function: '5.68.90', dranst: '1', grouping });
const refund = (grouping: string): Account => ({ function: '5.68.90', dranst: '2', grouping });
const cite = (section: string) => [{ source: '000_140518b2c182b2de.txt', section }];

export const FAR_FUTURE = '9999-12-31';

export function fakeDecide(q: RefundQuery): RefundDecision {
  if (q.date < '2014-01-01') {
    return {
      outcome: 'no_rule',
      reason: 'no rule before 2014',
      costAccount: null,
      validFrom: '0001-01-01',
      validTo: '2013-12-31',
      citations: [],
    };
  }
  const rule = (
    ruleId: string,
    rate: number,
    grouping: string,
    validFrom: string,
    validTo: string,
    cap: 'driftsloft_dagpenge_kontanthjaelp' | null = null,
  ): RefundDecision => ({
    outcome: 'rule',
    ruleId,
    rateBasisPoints: rate,
    cap,
    costAccount: cost(grouping),
    refundAccount: rate === 0 ? null : refund(grouping),
    validFrom,
    validTo,
    citations: cite(ruleId),
  });
  const july2019 = q.date >= '2019-07-01';
  switch (q.targetGroup) {
    case 'jobafklaring':
      if (q.cost.kind === 'mentor' && q.withinMentorWindow === false)
        return rule('R7-mentor-outside', 0, '098', '2014-01-01', FAR_FUTURE);
      return rule('R7', 5000, '097', '2014-01-01', FAR_FUTURE);
    case 'dagpenge':
      return july2019
        ? rule('R1-0', 0, '091', '2019-07-01', FAR_FUTURE)
        : rule('R1-50', 5000, '090', '2014-01-01', '2019-06-30', 'driftsloft_dagpenge_kontanthjaelp');
    case 'sygedagpenge':
      return july2019
        ? rule('R6-0', 0, '093', '2019-07-01', FAR_FUTURE)
        : rule('R6-50', 5000, '092', '2014-01-01', '2019-06-30');
    case 'foertidspension':
      return q.date <= '2019-12-31'
        ? rule('R11', 5000, '095', '2014-01-01', '2019-12-31')
        : rule('R11', 5000, '095', '2020-01-01', FAR_FUTURE);
    case 'kontanthjaelp':
      return {
        outcome: 'ambiguous',
        reason: 'two rules contradict each other',
        candidates: ['R2-a', 'R2-b'],
        costAccount: cost('099'),
        validFrom: '2014-01-01',
        validTo: FAR_FUTURE,
        citations: cite('R2'),
      };
    default:
      return {
        outcome: 'no_rule',
        reason: `no rule for ${q.targetGroup}`,
        costAccount: null,
        validFrom: '2014-01-01',
        validTo: FAR_FUTURE,
        citations: [],
      };
  }
}
