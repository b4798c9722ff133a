// Loads data/refund-rules.json once, validates it (throws at import if the data is broken) and freezes it.
import { groupingByKey } from '../accounts/account-groupings.catalog';
import rulesDocument from '../data/refund-rules.json';
import type {
  MentorAgreementReading,
  MonthsBucket,
  RefundRule,
  RefundRulesDocument,
} from './refund-rule.model';
import { validateRefundRules } from './refund-rules.validator';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function load(): RefundRulesDocument {
  const document = rulesDocument as unknown as RefundRulesDocument;
  const errors = validateRefundRules(document, groupingByKey);
  if (errors.length > 0) throw new Error(`refund-rules.json is invalid:\n${errors.join('\n')}`);
  return deepFreeze(document);
}

const DOCUMENT = load();
const RULES_BY_ID = new Map(DOCUMENT.rules.map((rule) => [rule.id, rule]));

/** Version of the rule data; stored with postings so a replay can tell which rulebook decided. */
export const RULEBOOK_VERSION: string = DOCUMENT.version;

/** Every row of the rulebook, in data order. */
export function refundRules(): readonly RefundRule[] {
  return DOCUMENT.rules;
}

/** When the mentor agreement's target group rather than the activity date's decides (2014-2018 groupings 017/019). */
export function mentorAgreementReading(): MentorAgreementReading {
  return DOCUMENT.mentorAgreementReading;
}

/** A rule row by id (for explanations), or undefined. */
export function ruleById(id: string): RefundRule | undefined {
  return RULES_BY_ID.get(id);
}

/** The months-of-unemployment bucket ('lt9', '9to24', 'ge24') of a query, or 'unknown'. */
export function monthsBucketOf(monthsUnemployed: number | undefined): string {
  if (monthsUnemployed === undefined || !Number.isFinite(monthsUnemployed) || monthsUnemployed < 0)
    return 'unknown';
  const bucket = DOCUMENT.monthsBuckets.find(
    (b: MonthsBucket) => b.toMonths === null || monthsUnemployed < b.toMonths,
  );
  return bucket ? bucket.id : 'unknown';
}
