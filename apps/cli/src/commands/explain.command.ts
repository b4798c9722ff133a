// `npm run cli -- explain --date 2025-03-01 --target-group jobafklaring --offer-kind mentor --mentor
// --within-mentor-window true` prints one refund decision of the rulebook: outcome, rate, cap, accounts, the
// interval in which the same decision holds, and the citations it rests on.
import type { ExpenseType, OfferKind, Readiness, TargetGroup, TargetGroupAttributes } from '@app/domain';
import {
  RULEBOOK_VERSION,
  accountKey,
  decideRefund,
  groupingByKey,
  ruleById,
  type Account,
  type RefundDecision,
  type RefundQuery,
} from '@app/rules';
import { isCalendarDate } from './rulebook.command';
import { UsageError } from './usage-error';

/** The options as the command line gives them (commander checks the choices). */
export interface ExplainOptions {
  date: string;
  targetGroup: TargetGroup;
  offerKind: OfferKind;
  expenseType?: ExpenseType;
  mentor?: boolean;
  readiness?: Readiness;
  sickPayCategory?: '1' | '2' | '3';
  monthsUnemployed?: string;
  withinMentorWindow?: 'true' | 'false';
  mentorAgreementTargetGroup?: TargetGroup;
  scheme?: 'igu';
}

/** The refund query the options describe (throws UsageError for bad combinations). Pure. */
export function explainQuery(options: ExplainOptions): RefundQuery {
  const { date, targetGroup, offerKind, expenseType, readiness } = options;
  if (!isCalendarDate(date)) throw new UsageError('--date must be a calendar date YYYY-MM-DD');
  if ((expenseType === undefined) === (options.mentor !== true))
    throw new UsageError('give exactly one of --expense-type <type> or --mentor');

  const attributes: TargetGroupAttributes = {};
  if (readiness) attributes.readiness = readiness;
  if (options.sickPayCategory) attributes.sickPayCategory = Number(options.sickPayCategory) as 1 | 2 | 3;

  const query: RefundQuery = {
    date,
    targetGroup,
    offerKind,
    cost: expenseType ? { kind: 'expense', expenseType } : { kind: 'mentor' },
  };
  if (readiness || options.sickPayCategory) query.attributes = attributes;
  const months = options.monthsUnemployed;
  if (months !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(months))
      throw new UsageError('--months-unemployed takes a non-negative number');
    query.monthsUnemployed = Number(months);
  }
  if (options.withinMentorWindow) query.withinMentorWindow = options.withinMentorWindow === 'true';
  if (options.mentorAgreementTargetGroup)
    query.mentorAgreementTargetGroup = options.mentorAgreementTargetGroup;
  if (options.scheme) query.scheme = options.scheme;
  return query;
}

function percent(basisPoints: number): string {
  return `${basisPoints / 100} %`;
}

function account(a: Account | null): string {
  if (!a) return 'none';
  const key = accountKey(a);
  const title = groupingByKey(key)?.title;
  return title ? `${key}  ${title}` : key;
}

/** What was asked, in one line. */
export function describeQuery(q: RefundQuery): string {
  const cost = q.cost.kind === 'mentor' ? 'mentor support' : `expense ${q.cost.expenseType}`;
  const extras = [
    q.attributes?.readiness && `readiness ${q.attributes.readiness}`,
    q.attributes?.sickPayCategory !== undefined && `sick-pay category ${q.attributes.sickPayCategory}`,
    q.monthsUnemployed !== undefined && `${q.monthsUnemployed} months unemployed`,
    q.withinMentorWindow !== undefined &&
      (q.withinMentorWindow ? 'inside the mentor window' : 'outside the mentor window'),
    q.mentorAgreementTargetGroup && `mentor agreement made while ${q.mentorAgreementTargetGroup}`,
    q.scheme && `scheme ${q.scheme}`,
  ].filter((x): x is string => typeof x === 'string');
  return [`${q.date}: ${q.targetGroup}, offer kind ${q.offerKind}, ${cost}`, ...extras].join(', ');
}

/** The decision as labelled lines with its citations. Pure. */
export function formatExplanation(query: RefundQuery, decision: RefundDecision): string {
  const field = (label: string, value: string) => `  ${label.padEnd(14)}${value}`;
  const lines = [`Refund decision for ${describeQuery(query)} (rulebook ${RULEBOOK_VERSION})`, ''];
  const rule = decision.ruleId ? ruleById(decision.ruleId) : undefined;
  lines.push(
    field(
      'outcome',
      decision.ruleId
        ? `${decision.outcome} — ${decision.ruleId}${rule ? `: ${rule.title}` : ''}`
        : decision.outcome,
    ),
  );
  if (decision.outcome === 'rule') {
    lines.push(
      field(
        'refund rate',
        decision.rateBasisPoints === 0 ? '0 % (explicitly no refund)' : percent(decision.rateBasisPoints),
      ),
    );
    lines.push(field('cap', decision.cap ?? 'none (not counted against a cap)'));
    lines.push(field('cost account', account(decision.costAccount)));
    lines.push(field('refund acct', account(decision.refundAccount)));
  } else {
    lines.push(field('reason', decision.reason));
    if (decision.candidates?.length) lines.push(field('contradicts', decision.candidates.join(', ')));
    if (decision.indicatedRateBasisPoints !== undefined)
      lines.push(
        field(
          'indicated',
          `${percent(decision.indicatedRateBasisPoints)} (what the sources say; not booked as a refund)`,
        ),
      );
    if (decision.indicatedCap !== undefined)
      lines.push(field('indicated cap', decision.indicatedCap ?? 'none'));
    lines.push(
      field('cost account', decision.costAccount ? account(decision.costAccount) : 'none the sources name'),
    );
  }
  const to = decision.validTo === '9999-12-31' ? 'open-ended' : decision.validTo;
  const from = decision.validFrom === '0001-01-01' ? 'the beginning' : decision.validFrom;
  lines.push(field('valid', `${from} – ${to} (the same decision for this query on every date in between)`));
  lines.push('', '  citations (shared/seeds):');
  if (decision.citations.length === 0) lines.push('    none');
  for (const c of decision.citations)
    lines.push(`    - ${c.source}  ${c.section}${c.note ? ` (${c.note})` : ''}`);
  return lines.join('\n');
}

export async function explainCommand(options: ExplainOptions): Promise<void> {
  const query = explainQuery(options);
  let decision: RefundDecision;
  try {
    decision = decideRefund(query);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  console.log(formatExplanation(query, decision));
}
