import { costCategoryOf } from './cost-category.mapper';

describe('costCategoryOf', () => {
  it.each([
    ['mentor hours', 'guidance_upskilling', { kind: 'mentor' }, 'mentor'],
    ['teaching material of any offer (§ 172 row of Bilag 3)', 'ordinary_education', { kind: 'expense', expenseType: 'teaching_material' }, 'teaching_material'],
    ['course fee of a § 90 offer', 'ordinary_education', { kind: 'expense', expenseType: 'course_fee' }, 'ordinary_education'],
    ['income netted against a § 91 offer', 'guidance_upskilling', { kind: 'expense', expenseType: 'operating_income' }, 'guidance_upskilling'],
    ['mentor training (course fee on a mentor offer, BAB § 127)', 'mentor', { kind: 'expense', expenseType: 'course_fee' }, 'mentor'],
    ['rent of a mentor offer', 'mentor', { kind: 'expense', expenseType: 'rent' }, 'mentor_indirect'],
    ["an 'other' offer", 'other', { kind: 'expense', expenseType: 'course_fee' }, 'other_offer'],
  ] as const)('%s', (_label, offerKind, cost, category) => {
    expect(costCategoryOf(offerKind, cost)).toBe(category);
  });
});
