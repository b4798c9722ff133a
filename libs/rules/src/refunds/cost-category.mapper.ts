// Maps the API vocabulary (offer kind × expense type × bevillingsramme, or mentor hours) to the cost categories the
// sources use.
import { REFUSED_EXPENSE_TYPES, type ExpenseType, type OfferKind } from '@app/domain';
import type { CostKind } from '../rulebook.types';
import type { CostCategory } from './refund-rule.model';

/**
 * Expense types decided by their own provision whatever the offer (VEJ 9584 Bilag 3 rows § 172, § 176, §§ 172/178/179,
 * § 173, § 175). Those the sources keep off hovedkonto 5 or out of the refund (6.4-6.10) are refused when recorded
 * (REFUSED_EXPENSE_TYPES, with the passage) and are 'not_bookable' here.
 */
const CATEGORY_BY_EXPENSE_TYPE: Partial<Record<ExpenseType, CostCategory>> = {
  teaching_material: 'teaching_material',
  extra_cost_allowance: 'extra_cost_allowance',
  work_tools: 'work_tools',
  special_expenses: 'special_expenses',
  transport_allowance: 'transport_allowance',
  result_grant: 'result_grant', // IL § 45 resultattilskud: income the refund never nets (Bilag 1, L1597-L1598)
  mentor_training: 'mentor', // BAB § 127: training of a company or education mentor is a mentor cost (VEJ 9584 6.5, L1267-L1270)
};

/**
 * Bevillingsrammer that decide the refund of an offer's operating costs, whatever the offer kind (seed 002): 17 is the
 * § 97 a scheme (4.5; 80 %, 001 grp 113), 14 activities without refund (4.8), 5 the regional uddannelsespulje (4.2;
 * 001 grp 100), 6 and 12 the pulje til uddannelsesløft (4.3, 4.4; 001 grp 101), 13, 15 and 18 other pools (4.13, 4.10,
 * 4.6). Every other frame leaves the offer kind to decide (the offer-validity check refuses a frame seed 002 does not
 * know, so none reaches a cost).
 */
const CATEGORY_BY_FUNDING_FRAME: Readonly<Record<string, CostCategory>> = {
  '17': 'education_97a',
  '14': 'activity_without_refund',
  '5': 'regional_pool',
  '6': 'uddannelsesloeft_pool',
  '12': 'uddannelsesloeft_pool',
  '13': 'other_pool',
  '15': 'other_pool',
  '18': 'other_pool',
};

/** Operating expenses of an offer (course fees incl. deltagerbetaling, rent, other costs, and income netted against them). */
const CATEGORY_BY_OFFER_KIND: Record<OfferKind, CostCategory> = {
  ordinary_education: 'ordinary_education',
  guidance_upskilling: 'guidance_upskilling',
  education_97a: 'education_97a',
  six_weeks_job_education: 'six_weeks_job_education',
  mentor: 'mentor', // course fee = mentor training (BAB § 127); see MENTOR_INDIRECT for rent and other costs
  partnership: 'partnership',
  company_internship: 'company_internship',
  wage_subsidy: 'wage_subsidy',
  utility_work: 'utility_work',
  other: 'other_offer',
  basic_skills_course: 'basic_skills_course',
  danish_education: 'danish_education',
  integration_upskilling_24a: 'integration_24a',
  igu: 'other_offer', // the scheme decides its allowance and transport (the engine asks igu's rows for this kind)
};

/** Rent and other costs of a mentor offer are not mentor costs (VEJ 9584 6.5: only wage cost, fee or training). */
const MENTOR_INDIRECT: ReadonlySet<ExpenseType> = new Set<ExpenseType>(['rent', 'other_operating']);

export function costCategoryOf(offerKind: OfferKind, cost: CostKind, fundingFrame?: string): CostCategory {
  if (cost.kind === 'mentor') return 'mentor';
  if (REFUSED_EXPENSE_TYPES.includes(cost.expenseType)) return 'not_bookable';
  const byType = CATEGORY_BY_EXPENSE_TYPE[cost.expenseType];
  if (byType) return byType;
  if (offerKind === 'mentor' && MENTOR_INDIRECT.has(cost.expenseType)) return 'mentor_indirect';
  const byFrame = fundingFrame === undefined ? undefined : CATEGORY_BY_FUNDING_FRAME[fundingFrame];
  return byFrame ?? CATEGORY_BY_OFFER_KIND[offerKind];
}
