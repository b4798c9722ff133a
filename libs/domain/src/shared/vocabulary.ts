// The vocabulary of API.md, shared by commands, events, the rulebook and the ledger.
import { z } from 'zod';

/** LAB § 6 target groups (number in brackets), plus integration law and "none". */
export const TARGET_GROUPS = [
  'dagpenge', // 1
  'kontanthjaelp', // 2-3
  'ung_kontanthjaelp', // 4-5
  'sygedagpenge', // 6
  'jobafklaring', // 7
  'ressourceforloeb', // 8
  'ledighedsydelse', // 9
  'revalidering', // 10
  'foertidspension', // 11
  'selvforsoergende', // 12
  'ung_under_18', // 13
  'integration_programme',
  'integration_introduction',
  'none',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const READINESS = [
  'jobparat',
  'aktivitetsparat',
  'uddannelsesparat',
  'aabenlyst_uddannelsesparat',
] as const;
export type Readiness = (typeof READINESS)[number];

/** The attributes of a target-group change, as stored: only those that were given (no key for an absent one). */
export const targetGroupAttributesSchema = z.strictObject({
  readiness: z.enum(READINESS).optional(),
  sickPayCategory: z.literal([1, 2, 3]).optional(),
  hasVocationalEducation: z.boolean().optional(),
  /** First day of the current unemployment spell: the 2014-2018 9- and 24-month rules read the months since (seed 003 L1638-L1641, L1799-L1804). */
  unemploymentSpellStart: z.iso.date().optional(), // the command bounds it like every date (isoDate)
  /** Integration programme: the participant is selvforsørgende, not a ydelsesmodtager (VEJ 9584 Bilag 1 groupings 005/006/008/011 vs 001/002/004/010). */
  selfSupporting: z.boolean().optional(),
  /** Integration programme: it has run out (IL § 16, stk. 7); offers after it are outside the rådighedsloft (000 L1531-L1532). */
  programmeExpired: z.boolean().optional(),
});
export type TargetGroupAttributes = z.output<typeof targetGroupAttributesSchema>;

export const OFFER_KINDS = [
  'ordinary_education', // LAB § 90
  'guidance_upskilling', // § 91
  'education_97a', // § 97 a
  'six_weeks_job_education',
  'mentor',
  'partnership', // § 15
  'company_internship',
  'wage_subsidy',
  'utility_work', // § 87 a
  'other',
  'basic_skills_course', // § 90 ordinary education that is a reading, writing or arithmetic course or dyslexia teaching
  'danish_education', // integration law: danskuddannelse in the programme (IL § 21, I-kursister) or the introduktionsforløb
  'integration_upskilling_24a', // integration law: opkvalificering og introduktion (IL § 24 a)
  'igu', // integrationsgrunduddannelse: the allowance during school teaching and its transport (igu § 10)
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const EXPENSE_TYPES = [
  'course_fee',
  'teaching_material', // § 172
  'extra_cost_allowance', // § 176
  'transport_allowance', // § 175
  'work_tools', // §§ 172, 178, 179
  'special_expenses', // § 173
  'rent',
  'operating_income',
  'other_operating',
  // salary for the offer's own work (VEJ 9584 6.4 B, 000_140518b2c182b2de.txt L1060-L1073): of mixed-function staff only
  // the time registered on the offer (RecordStaffTimesheet)
  'staff_cost',
  // costs the sources keep off hovedkonto 5 or out of a refund (VEJ 9584 6.4-6.10): RecordOfferExpense refuses them
  'board_and_lodging', // kost og logi outside the course price
  'certificates_and_fees', // attester, beviser, eksamensgebyr, lægeattest outside the course price
  'mentor_travel', // the mentor's own transport
  'capital_expenditure', // anlæg
  'self_insurance_damages', // actual damages of a self-insuring municipality
  'authorised_craftsmen', // rebuilding done by authorised craftsmen
  'result_grant', // resultattilskud (IL § 45): recorded apart, never netted against the costs (its own rule)
  'unused_places', // places bought and not used
  'social_mentor_training', // training bought for a social mentor (only company and education mentors, BAB § 127)
  // costs with their own rule
  'unused_places_counting_rules', // unused places paid under the counting rules of lov om betaling for visse uddannelsesaktiviteter
  'mentor_training', // training bought for a company or education mentor (BAB § 127)
] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

/**
 * How the 2014-2018 9- and 24-month rules read the months of unemployment for an offer expense (the sources leave it
 * open, seed 003 L4216-L4219): 'activity_dates' splits the cost by calendar days at the spell's monthly anniversary;
 * 'offer_start' classifies the whole cost by the months on the offer's start date.
 */
export const UNEMPLOYMENT_MONTHS_READINGS = ['activity_dates', 'offer_start'] as const;

export const PROVIDER_KINDS = ['municipality', 'other_actor', 'education_institution'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const MENTOR_TYPES = ['company', 'education', 'social'] as const;
export type MentorType = (typeof MENTOR_TYPES)[number];

export const MENTOR_KINDS = ['employee', 'municipal_employee', 'external_consultant'] as const;
export type MentorKind = (typeof MENTOR_KINDS)[number];

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;
