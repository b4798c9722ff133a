// rulesInForce(date): the rule rows valid on a date, flattened into printable strings (for the CLI and explanations).
import type { IsoDate } from '@app/domain';
import { type RefundRule, CONDITION_DIMENSIONS } from './refund-rule.model';
import { refundRules } from './refund-rules.catalog';

export interface RuleTableRow {
  id: string;
  title: string;
  outcome: RefundRule['outcome'];
  /** '50 %', '0 %', or '-' for no_rule / ambiguous. */
  rate: string;
  cap: string;
  costAccount: string;
  refundAccount: string;
  targetGroups: string;
  categories: string;
  /** Extra conditions, e.g. 'readiness=jobparat; months=lt9'. */
  conditions: string;
  validFrom: IsoDate;
  /** '' when open-ended. */
  validTo: string;
  sources: string;
}

function percent(basisPoints: number): string {
  return `${basisPoints / 100} %`;
}

export function toTableRow(rule: RefundRule): RuleTableRow {
  const isRule = rule.outcome === 'rule';
  return {
    id: rule.id,
    title: rule.title,
    outcome: rule.outcome,
    rate: isRule ? percent(rule.rateBasisPoints) : '-',
    cap: (isRule ? rule.cap : rule.indicatedCap) ?? '',
    costAccount: rule.costAccount ?? '',
    refundAccount: (isRule ? rule.refundAccount : null) ?? '',
    targetGroups: rule.when.targetGroups.join(', '),
    categories: rule.when.categories.join(', '),
    conditions: CONDITION_DIMENSIONS.filter((d) => rule.when[d] !== undefined)
      .map((d) => `${d}=${rule.when[d]!.join('/')}`)
      .join('; '),
    validFrom: rule.validFrom,
    validTo: rule.validTo ?? '',
    sources: rule.sources.map((c) => `${c.source} ${c.section}`).join('; '),
  };
}

/** The rows in force on `date` (validFrom ≤ date ≤ validTo), in data order, ready to print as a table. */
export function rulesInForce(date: IsoDate): RuleTableRow[] {
  return refundRules()
    .filter((rule) => rule.validFrom <= date && (rule.validTo === null || date <= rule.validTo))
    .map(toTableRow);
}
