import type { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { given } from '../../testing/given-when-then';
import { anExpenseRecorded, anOfferRegistered, CMD_2, M } from '../../testing/fixtures';
import { offerCancelled } from '../../offers/offer-cancelled.event';
import { offerPeriodChanged } from '../../offers/offer-period-changed.event';
import type { CommandInput } from '../../commands/domain-commands';
import type { InvalidCommandError } from '../../shared/invalid-command.error';

const record = (
  over: Partial<CommandInput<'RecordOfferExpense'>> = {},
): CommandInput<'RecordOfferExpense'> => ({
  type: 'RecordOfferExpense',
  commandId: CMD_2,
  municipality: M,
  expenseId: 'E1',
  offerId: 'O1',
  expenseType: 'course_fee',
  amount: '4200.00',
  activityFrom: '2025-02-01',
  activityTo: '2025-02-28',
  ...over,
});

const withOffer = { related: { offer: [anOfferRegistered()] } };

describe('RecordOfferExpense', () => {
  it('records the expense in øre with the offer facts a projection needs', () => {
    given([])
      .when(record({ invoiceRef: 'INV-7' }), withOffer)
      .then([
        anExpenseRecorded({
          personId: 'P1',
          offerKind: 'guidance_upskilling',
          amountOere: 420000,
          invoiceRef: 'INV-7',
          fundingFrame: '1',
        }),
      ]);
  });

  it('records operating income as a negative amount', () => {
    given([])
      .when(record({ expenseType: 'operating_income', amount: '-125.50' }), withOffer)
      .then([anExpenseRecorded({ expenseType: 'operating_income', amountOere: -12550 })]);
  });

  it('accepts an activity period equal to the whole offer period', () => {
    given([])
      .when(record({ activityFrom: '2025-02-01', activityTo: '2025-04-30', amount: '12' }), withOffer)
      .then([anExpenseRecorded({ activityTo: '2025-04-30', amountOere: 1200 })]);
  });

  it('judges the period against the offer period as changed', () => {
    const changed = offerPeriodChanged({
      offerId: 'O1',
      personId: 'P1',
      offerKind: 'guidance_upskilling',
      startDate: '2025-02-01',
      endDate: '2025-05-31',
      previousStartDate: '2025-02-01',
      previousEndDate: '2025-04-30',
      validityCitations: [],
    });
    given([])
      .when(record({ activityFrom: '2025-05-01', activityTo: '2025-05-31' }), {
        related: { offer: [anOfferRegistered(), changed] },
      })
      .then([anExpenseRecorded({ activityFrom: '2025-05-01', activityTo: '2025-05-31' })]);
  });

  it.each([
    ['board_and_lodging', 'L1130-L1131'],
    ['certificates_and_fees', 'L1130-L1131'],
    ['mentor_travel', 'L1256-L1257'],
    ['capital_expenditure', 'L1336-L1339'],
    ['self_insurance_damages', 'L1099-L1101'],
    ['authorised_craftsmen', 'L1373-L1376'],
    ['unused_places', 'L1113-L1116'],
    ['social_mentor_training', 'L1267-L1270'],
  ] as const)(
    'refuses %s with the passage of VEJ 9584 that keeps it out (%s), recording nothing',
    (expenseType, lines) => {
      const error = given([])
        .when(record({ expenseType }), withOffer)
        .thenFails('expense.not_bookable') as DomainRuleViolation;
      expect(error.details).toMatchObject({
        expenseType,
        citations: [{ source: '000_140518b2c182b2de.txt', section: expect.stringContaining(lines) }],
      });
    },
  );

  it("reads the months of unemployment on the offer's start date when asked (offer_start copies it), on the activity dates by default", () => {
    given([])
      .when(record({ unemploymentMonthsAt: 'offer_start' }), withOffer)
      .then([anExpenseRecorded({ unemploymentMonthsOn: '2025-02-01' })]);
    given([])
      .when(record({ unemploymentMonthsAt: 'activity_dates' }), withOffer)
      .then([anExpenseRecorded()]);
  });

  it('records resultattilskud (IL § 45) as its own type, which the rulebook keeps out of the netting (Bilag 1, L1597-L1598)', () => {
    given([])
      .when(record({ expenseType: 'result_grant', amount: '-15000.00' }), withOffer)
      .then([anExpenseRecorded({ expenseType: 'result_grant', amountOere: -1_500_000 })]);
  });

  it('refuses books and other teaching material on seks ugers jobrettet uddannelse (L1187-L1191), not on other offers', () => {
    const sixWeeks = { related: { offer: [anOfferRegistered({ offerKind: 'six_weeks_job_education' })] } };
    given([])
      .when(record({ expenseType: 'teaching_material' }), sixWeeks)
      .thenFails('expense.not_bookable');
    given([])
      .when(record({ expenseType: 'teaching_material' }), withOffer)
      .then([anExpenseRecorded({ expenseType: 'teaching_material' })]);
  });

  it('keeps the municipality’s booking date, a day that has begun in Denmark; a later one records nothing', () => {
    given([])
      .when(record({ bookingDate: '2025-12-31' }), { ...withOffer, now: '2026-01-15T10:00:00Z' })
      .then([anExpenseRecorded({ bookingDate: '2025-12-31' })]);
    given([])
      .when(record({ bookingDate: '2026-01-16' }), { ...withOffer, now: '2026-01-15T22:59:59Z' })
      .thenFails('expense.booking_in_future');
    given([])
      .when(record({ bookingDate: '2026-01-16' }), { ...withOffer, now: '2026-01-15T23:00:00Z' })
      .then([anExpenseRecorded({ bookingDate: '2026-01-16' })]);
  });

  it('refuses an expenseId recorded before', () => {
    given([anExpenseRecorded()]).when(record(), withOffer).thenFails('expense.already_recorded');
  });

  it('refuses an unknown offer', () => {
    given([]).when(record()).thenFails('expense.offer_not_found');
  });

  it('refuses a cancelled offer', () => {
    const cancelled = offerCancelled({
      offerId: 'O1',
      personId: 'P1',
      offerKind: 'guidance_upskilling',
      startDate: '2025-02-01',
      endDate: '2025-04-30',
      reason: 'x',
    });
    given([])
      .when(record(), { related: { offer: [anOfferRegistered(), cancelled] } })
      .thenFails('expense.offer_cancelled');
  });

  it.each([
    ['starts before the offer', '2025-01-31', '2025-02-28'],
    ['ends after the offer', '2025-04-01', '2025-05-01'],
    ['lies wholly after the offer', '2025-06-01', '2025-06-30'],
  ])('refuses an activity period that %s', (_, activityFrom, activityTo) => {
    given([]).when(record({ activityFrom, activityTo }), withOffer).thenFails('expense.outside_offer_period');
  });

  it('refuses activityTo before activityFrom', () => {
    given([])
      .when(record({ activityFrom: '2025-02-28', activityTo: '2025-02-01' }), withOffer)
      .thenFails('expense.invalid_period');
  });

  it('refuses money with more than two decimals, or not as a kroner string', () => {
    const error = given([])
      .when(record({ amount: '4200.005' }), withOffer)
      .thenFails('command.invalid') as InvalidCommandError;
    expect(error.errors[0].path).toBe('amount');
    given([])
      .when(record({ amount: 4200 as unknown as string }), withOffer)
      .thenFails('command.invalid');
    given([])
      .when(record({ amount: '4.200,00' }), withOffer)
      .thenFails('command.invalid');
  });

  it('refuses invalid dates and expense types', () => {
    given([])
      .when(record({ activityTo: '2025-02-29' }), withOffer)
      .thenFails('command.invalid');
    given([])
      .when(record({ expenseType: 'coffee' as never }), withOffer)
      .thenFails('command.invalid');
  });
});
