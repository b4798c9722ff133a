import { costCategoryOf } from './cost-category.mapper';

describe('costCategoryOf', () => {
  it.each([
    ['mentor hours', 'guidance_upskilling', { kind: 'mentor' }, 'mentor'],
    [
      'teaching material of any offer (§ 172 row of Bilag 3)',
      'ordinary_education',
      { kind: 'expense', expenseType: 'teaching_material' },
      'teaching_material',
    ],
    [
      'course fee of a § 90 offer',
      'ordinary_education',
      { kind: 'expense', expenseType: 'course_fee' },
      'ordinary_education',
    ],
    [
      'income netted against a § 91 offer',
      'guidance_upskilling',
      { kind: 'expense', expenseType: 'operating_income' },
      'guidance_upskilling',
    ],
    [
      'mentor training (course fee on a mentor offer, BAB § 127)',
      'mentor',
      { kind: 'expense', expenseType: 'course_fee' },
      'mentor',
    ],
    ['rent of a mentor offer', 'mentor', { kind: 'expense', expenseType: 'rent' }, 'mentor_indirect'],
    ["an 'other' offer", 'other', { kind: 'expense', expenseType: 'course_fee' }, 'other_offer'],
  ] as const)('%s', (_label, offerKind, cost, category) => {
    expect(costCategoryOf(offerKind, cost)).toBe(category);
  });

  it.each([
    [
      'frame 17 makes any education the § 97 a scheme (002 4.5)',
      'ordinary_education',
      'course_fee',
      '17',
      'education_97a',
    ],
    [
      'frame 14: an activity without refund (002 4.8)',
      'other',
      'other_operating',
      '14',
      'activity_without_refund',
    ],
    [
      'frame 5: the regional uddannelsespulje (002 4.2)',
      'guidance_upskilling',
      'course_fee',
      '5',
      'regional_pool',
    ],
    [
      'frames 6 and 12: the pulje til uddannelsesløft (002 4.3, 4.4)',
      'ordinary_education',
      'rent',
      '12',
      'uddannelsesloeft_pool',
    ],
    ['frame 18, the mink pool (002 4.6)', 'guidance_upskilling', 'course_fee', '18', 'other_pool'],
    [
      'Øvrig indsats (11) leaves the offer kind to decide',
      'guidance_upskilling',
      'course_fee',
      '11',
      'guidance_upskilling',
    ],
    [
      'a provision-decided expense type is not moved by the frame (Bilag 3 § 175)',
      'ordinary_education',
      'transport_allowance',
      '17',
      'transport_allowance',
    ],
  ] as const)('%s', (_label, offerKind, expenseType, frame, category) => {
    expect(costCategoryOf(offerKind, { kind: 'expense', expenseType }, frame)).toBe(category);
  });
});
