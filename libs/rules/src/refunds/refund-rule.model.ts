// The shape of one row of data/refund-rules.json: a rule, an explicit "no rule" or an explicit contradiction,
// valid for a date interval and a set of query dimensions.
import { type IsoDate, type TargetGroup, READINESS } from '@app/domain';
import type { CapId, Citation } from '../rulebook.types';

/** What a cost is, in the terms the sources use (derived from offer kind and expense type, see cost-category.mapper). */
export const COST_CATEGORIES = [
  'ordinary_education', // LAB § 90 (kategori 1)
  'guidance_upskilling', // LAB § 91 (kategori 2)
  'partnership', // § 15
  'teaching_material', // § 172
  'extra_cost_allowance', // § 176
  'mentor', // kap. 26
  'work_tools', // §§ 172, 178, 179
  'special_expenses', // § 173
  'transport_allowance', // § 175
  'education_97a', // § 97 a
  'six_weeks_job_education', // kap. 9
  'company_internship', // kap. 11
  'wage_subsidy',
  'utility_work', // § 87 a / IL § 23 g
  'other_offer',
  'mentor_indirect', // rent and other indirect costs of a mentor offer
  'activity_without_refund', // bevillingsramme 14: LAB § 41, stk. 2, nr. 5
  'regional_pool', // bevillingsramme 5: regional uddannelsespulje (LAB § 97)
  'uddannelsesloeft_pool', // bevillingsrammer 6 and 12: pulje til uddannelsesløft (LAB § 96)
  'other_pool', // bevillingsrammer 13, 15, 18: other pools with their own grant
  'not_bookable', // expense types RecordOfferExpense refuses (VEJ 9584 6.4-6.10)
  'basic_skills_course', // § 90 regne-, læse- og stavekurser og ordblindeundervisning (outside the 9-month rule)
  'danish_education', // IL § 21 danskuddannelse
  'integration_24a', // IL § 24 a opkvalificering og introduktion
  'result_grant', // IL § 45, stk. 9 resultattilskud: not netted against the costs (from rulebook 2026.12-4)
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The query dimensions besides target group and cost category, each with a finite set of values. */
export const CONDITION_VALUES = {
  readiness: [...READINESS, 'unknown'],
  sickPayCategory: ['1', '2', '3', 'unknown'],
  months: ['lt9', '9to24', 'ge24', 'unknown'],
  mentorWindow: ['yes', 'no', 'unknown'],
  /** The target group on the day the mentor agreement was made: only jobafklaring matters to any source. */
  mentorAgreement: ['jobafklaring', 'other', 'unknown'],
  scheme: ['none', 'igu'],
  /** Integration programme: selvforsørgende ('yes') or ydelsesmodtager ('no') — Bilag 1 books them on different groupings. */
  selfSupporting: ['yes', 'no', 'unknown'],
  /** Integration programme: run out (IL § 16, stk. 7); absent means it runs. */
  programmeExpired: ['yes', 'no'],
} as const;
export type ConditionDimension = keyof typeof CONDITION_VALUES;
export const CONDITION_DIMENSIONS = Object.keys(CONDITION_VALUES) as ConditionDimension[];
/** A row without a `scheme` condition applies to ordinary offers only. */
export const DEFAULT_CONDITIONS: Partial<Record<ConditionDimension, readonly string[]>> = {
  scheme: ['none'],
};

export interface RuleConditions {
  targetGroups: TargetGroup[];
  categories: CostCategory[];
  readiness?: string[];
  sickPayCategory?: string[];
  months?: string[];
  mentorWindow?: string[];
  mentorAgreement?: string[];
  scheme?: string[];
  selfSupporting?: string[];
  programmeExpired?: string[];
}

/** Account reference 'function/dranst/grouping', e.g. '5.68.90/1/097' (see data/account-groupings.json). */
export type AccountKey = string;

interface RefundRuleBase {
  id: string;
  title: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  when: RuleConditions;
  sources: Citation[];
}

export interface RateRule extends RefundRuleBase {
  outcome: 'rule';
  rateBasisPoints: number;
  cap: CapId | null;
  costAccount: AccountKey;
  refundAccount: AccountKey | null;
}

export interface UnresolvedRule extends RefundRuleBase {
  outcome: 'no_rule' | 'ambiguous';
  reason: string;
  candidates?: string[];
  costAccount?: AccountKey;
  indicatedRateBasisPoints?: number;
  indicatedCap?: CapId | null;
}

export type RefundRule = RateRule | UnresolvedRule;

export interface MonthsBucket {
  id: string;
  fromMonths: number;
  toMonths: number | null;
  source: Citation;
}

/**
 * Where the sources tie a mentor refund to the target group the person had when the mentor agreement was made rather
 * than on the activity date (the 2014-2018 groupings 017/019, whose groups are `agreementGroups`): for a person now in
 * one of `followsAgreementFor` the agreement's group decides; for any other group whose decision differs from the
 * agreement group's, the outcome is `ambiguous` with `reason`.
 */
export interface MentorAgreementReading {
  id: string;
  title: string;
  validFrom: IsoDate;
  validTo: IsoDate;
  agreementGroups: TargetGroup[];
  followsAgreementFor: TargetGroup[];
  followNote: string;
  reason: string;
  sources: Citation[];
}

/**
 * Which dranst-2 account a cap's adjustment is posted on. Without this entry (versions before
 * 2026.12-5): the refund account of the cap year's first capped posting.
 */
export interface CapAdjustmentAccountsReading {
  id: string;
  reading: 'per_refund_account';
  title: string;
  note: string;
  sources: Citation[];
}

/**
 * Which cap year a capped posting on a 2014-2018 driftsloft grouping counts against when it is booked after the year
 * whose allowance the chart names for it (afløb): that year. Without this entry (versions before 2026.12-6): its
 * booking year.
 */
export interface AfloebCapYearsReading {
  id: string;
  title: string;
  note: string;
  allowances: { cap: CapId; costAccounts: string[]; capYear: number; source: Citation }[];
}

export interface RefundRulesDocument {
  version: string;
  description: string;
  monthsBuckets: MonthsBucket[];
  mentorAgreementReading: MentorAgreementReading;
  capAdjustmentAccounts?: CapAdjustmentAccountsReading;
  afloebCapYears?: AfloebCapYearsReading;
  rules: RefundRule[];
}
