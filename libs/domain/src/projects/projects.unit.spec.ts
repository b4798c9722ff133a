// RegisterProject, RegisterOffer in a project, RecordProjectExpense: one stream holds the project, its participants'
// offers and its costs, so "someone takes part in the period" is decided on one revision.
import { given } from '../testing/given-when-then';
import { aProjectParticipantRegistered, CMD_1, M } from '../testing/fixtures';
import type { CommandInput } from '../commands/domain-commands';
import { projectRegistered } from './project-registered.event';
import { projectExpenseRecorded } from './project-expense-recorded.event';
import { offerRegistered } from '../offers/offer-registered.event';
import { offerCancelled } from '../offers/offer-cancelled.event';
import { administrativeShareRecorded } from './administrative-share-recorded.event';
import type { OfferValidityCheck, OfferValidityQuery } from '../offers/offer-validity';

const now = { now: '2025-03-01T10:00:00Z' };
const registerProject: CommandInput<'RegisterProject'> = {
  type: 'RegisterProject',
  commandId: CMD_1,
  municipality: M,
  projectId: 'PR1',
  name: 'Lager og logistik',
  offerKind: 'other',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
};
const registered = projectRegistered({
  projectId: 'PR1',
  name: 'Lager og logistik',
  offerKind: 'other',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
  offerCategory: null,
  fundingFrame: null,
  provider: null,
  registrationDate: '2025-03-01',
  validityCitations: [],
});
const join = (over: Partial<CommandInput<'RegisterOffer'>> = {}): CommandInput<'RegisterOffer'> => ({
  type: 'RegisterOffer',
  commandId: CMD_1,
  municipality: M,
  offerId: 'O1',
  personId: 'P1',
  offerKind: 'other',
  startDate: '2025-03-01',
  endDate: '2025-03-31',
  projectId: 'PR1',
  ...over,
});
const joined = aProjectParticipantRegistered();
const cancelled = offerCancelled({
  offerId: 'O1',
  personId: 'P1',
  offerKind: 'other',
  startDate: '2025-03-01',
  endDate: '2025-03-31',
  reason: 'r',
  projectId: 'PR1',
});
const expense = (
  over: Partial<CommandInput<'RecordProjectExpense'>> = {},
): CommandInput<'RecordProjectExpense'> => ({
  type: 'RecordProjectExpense',
  commandId: CMD_1,
  municipality: M,
  expenseId: 'E1',
  projectId: 'PR1',
  expenseType: 'course_fee',
  amount: '9000',
  activityFrom: '2025-03-01',
  activityTo: '2025-03-31',
  ...over,
});

describe('projects', () => {
  it('registers a project once', () => {
    given([]).when(registerProject, now).then([registered]);
    given([registered]).when(registerProject, now).thenFails('project.already_registered');
  });

  it('a participant’s offer joins the project on its stream, with the project’s kind', () => {
    given([registered]).when(join(), now).then([joined]);
    given([]).when(join(), now).thenFails('project.not_found');
    given([registered])
      .when(join({ offerKind: 'ordinary_education' }), now)
      .thenFails('offer.project_mismatch');
    given([registered, joined]).when(join(), now).thenFails('offer.already_registered');
  });

  it('judges an imported project and its participants on the project’s registration date, not on today', () => {
    const asked: OfferValidityQuery[] = [];
    const offerValidity: OfferValidityCheck = (q) => (asked.push(q), { valid: true, citations: [] });
    const imported = { registrationDate: '2021-03-14', offerCategory: '30', fundingFrame: '1' };
    const later = { now: '2025-01-19T10:00:00Z', offerValidity };
    const [project] = given([])
      .when({ ...registerProject, offerKind: 'guidance_upskilling', ...imported }, later)
      .events();
    expect(project.data).toMatchObject({ registrationDate: '2021-03-14' });
    // A participant takes kind, category and frame from the project, and its day where it gives none of its own.
    const [inherited] = given([project])
      .when(join({ offerKind: 'guidance_upskilling' }), later)
      .events();
    const [own] = given([project])
      .when(join({ offerKind: 'guidance_upskilling', registrationDate: '2021-04-01' }), later)
      .events();
    expect([inherited.data, own.data]).toMatchObject([
      { registrationDate: '2021-03-14', offerCategory: '30', fundingFrame: '1' },
      { registrationDate: '2021-04-01' },
    ]);
    expect(asked.map((q) => q.registrationDate)).toEqual(['2021-03-14', '2021-03-14', '2021-04-01']);
  });

  it('refuses a project registration date after today in Denmark', () => {
    // 2025-02-28T23:00Z is midnight in Copenhagen: 1 March has begun there.
    given([])
      .when({ ...registerProject, registrationDate: '2025-03-01' }, { now: '2025-02-28T22:59:59Z' })
      .thenFails('project.registration_in_future');
    given([])
      .when({ ...registerProject, registrationDate: '2025-03-01' }, { now: '2025-02-28T23:00:00Z' })
      .then([registered]);
  });

  it('a cancelled participant’s event names the project', () => {
    given([registered, joined])
      .when(
        {
          type: 'CancelOffer',
          commandId: CMD_1,
          municipality: M,
          offerId: 'O1',
          projectId: 'PR1',
          reason: 'r',
        },
        now,
      )
      .then([
        offerCancelled({
          offerId: 'O1',
          personId: 'P1',
          offerKind: 'other',
          startDate: '2025-03-01',
          endDate: '2025-03-31',
          reason: 'r',
          projectId: 'PR1',
        }),
      ]);
  });

  it('records a project expense with the project’s kind and frame', () => {
    given([registered, joined])
      .when(expense(), now)
      .then([
        projectExpenseRecorded({
          expenseId: 'E1',
          projectId: 'PR1',
          offerKind: 'other',
          fundingFrame: null,
          expenseType: 'course_fee',
          amountOere: 900000,
          activityFrom: '2025-03-01',
          activityTo: '2025-03-31',
          invoiceRef: null,
        }),
      ]);
  });

  it('refuses an expense no participant can share, an unknown project, a repeated id', () => {
    given([registered, joined])
      .when(expense({ activityFrom: '2025-04-01', activityTo: '2025-04-30' }), now)
      .thenFails('project.no_participant_in_period');
    given([registered, joined, cancelled]).when(expense(), now).thenFails('project.no_participant_in_period');
    given([]).when(expense(), now).thenFails('project.not_found');
    const recorded = given([registered, joined]).when(expense(), now).events();
    given([registered, joined, ...recorded])
      .when(expense(), now)
      .thenFails('expense.already_recorded');
    given([registered, joined])
      .when(expense({ expenseType: 'capital_expenditure' }), now)
      .thenFails('expense.not_bookable');
  });

  it("keeps a reading of the months of unemployment on each participant's offer start (offer_start), none by default", () => {
    const [onStart] = given([registered, joined])
      .when(expense({ unemploymentMonthsAt: 'offer_start' }), now)
      .events();
    expect(onStart.data).toMatchObject({ unemploymentMonthsAt: 'offer_start' });
    const [byDays] = given([registered, joined])
      .when(expense({ unemploymentMonthsAt: 'activity_dates' }), now)
      .events();
    expect(byDays.data).not.toHaveProperty('unemploymentMonthsAt');
  });

  it('keeps the municipality’s booking date, refusing one after today in Denmark', () => {
    const [booked] = given([registered, joined])
      .when(expense({ bookingDate: '2025-03-31' }), { now: '2025-04-02T10:00:00Z' })
      .events();
    expect(booked.data).toMatchObject({ bookingDate: '2025-03-31' });
    given([registered, joined])
      .when(expense({ bookingDate: '2025-04-03' }), { now: '2025-04-02T10:00:00Z' })
      .thenFails('expense.booking_in_future');
  });
});

describe('RecordAdministrativeShare', () => {
  const share = (
    over: Partial<CommandInput<'RecordAdministrativeShare'>> = {},
  ): CommandInput<'RecordAdministrativeShare'> => ({
    type: 'RecordAdministrativeShare',
    commandId: CMD_1,
    municipality: M,
    shareId: 'AS1',
    projectId: 'PR1',
    activityFrom: '2025-03-01',
    activityTo: '2025-03-31',
    method: 'standard_price',
    // VEJ 9584 3.1 L466-L469: ½ hour per job interview at the DUT standard 451 kr per hour, 2025-pl
    lines: [{ activity: 'job_interview', count: 3, hoursEach: '0.5', hourlyRate: '451' }],
    priceLevelYear: 2025,
    methodReference: 'Metode 1a, notat 2025-01-15',
    ...over,
  });
  const history = () => [registered, joined, ...given([registered, joined]).when(expense(), now).events()];

  it('measures a standard price line by line: 3 × 0.50 h × 451.00 kr = 676.50 kr', () => {
    const [event] = given(history()).when(share(), now).events();
    expect(event.data).toMatchObject({
      method: 'standard_price',
      lines: [
        { activity: 'job_interview', count: 3, hoursEach: '0.50', hourlyRateOere: 45100, amountOere: 67650 },
      ],
      hours: null,
      amountOere: 67650,
      priceLevelYear: 2025,
    });
  });

  it('measures a time registration: 2.25 h × 390.40 kr = 878.40 kr', () => {
    const [event] = given(history())
      .when(
        share({ method: 'time_registration', lines: undefined, hours: '2.25', hourlyCost: '390.40' }),
        now,
      )
      .events();
    expect(event.data).toMatchObject({ lines: [], hours: '2.25', hourlyCostOere: 39040, amountOere: 87840 });
  });

  it('refuses more than the period’s costs, the other method’s fields, no target or two, a repeated id', () => {
    // the project's costs of March: the 9000.00 invoice
    given(history())
      .when(share({ lines: [{ activity: 'job_plan', count: 20, hoursEach: '1', hourlyRate: '451' }] }), now)
      .thenFails('administrative_share.exceeds_costs');
    given(history())
      .when(share({ hours: '1' }), now)
      .thenFails('administrative_share.method_fields');
    given(history())
      .when(share({ method: 'time_registration' }), now)
      .thenFails('administrative_share.method_fields');
    given([])
      .when(share({ projectId: undefined }), now)
      .thenFails('administrative_share.project_required');
    given(history())
      .when(share({ offerId: 'O1' }), now)
      .thenFails('administrative_share.project_required');
    const recorded = given(history()).when(share(), now).events();
    given([...history(), ...recorded])
      .when(share(), now)
      .thenFails('administrative_share.already_recorded');
    // 9000.00 − 676.50 carved before = 8323.50 left for another share of March
    given([...history(), ...recorded])
      .when(
        share({
          shareId: 'AS2',
          lines: [{ activity: 'job_plan', count: 18, hoursEach: '1', hourlyRate: '462.42' }],
        }),
        now,
      )
      .thenFails('administrative_share.exceeds_costs');
  });

  it('counts what the carve-outs before left of the days it shares with them, as the ledger deducts', () => {
    // 9000.00 for March (31 days): 16–31 March carry 900,000 − round(900,000 × 15 / 31) = 464,516 øre. AS1 (676.50
    // for March) takes round(67,650 × 435,484 / 900,000) = 32,734 from 1–15 March and 34,916 from 16–31 March, so
    // 429,600 øre stand in 16–31 March for AS2: 4296.00 kr is accepted, 4296.01 kr is more.
    const recorded = given(history()).when(share(), now).events();
    const second = (hourlyCost: string) =>
      share({
        shareId: 'AS2',
        activityFrom: '2025-03-16',
        method: 'time_registration',
        lines: undefined,
        hours: '1',
        hourlyCost,
      });
    const [accepted] = given([...history(), ...recorded])
      .when(second('4296.00'), now)
      .events();
    expect(accepted.data).toMatchObject({ amountOere: 429600 });
    const refused = given([...history(), ...recorded])
      .when(second('4296.01'), now)
      .thenFails('administrative_share.exceeds_costs');
    expect(refused).toMatchObject({
      details: { amount: '4296.01', costs: '4645.16', carvedBefore: '349.16' },
    });
  });

  it('counts a project’s costs by its participants’ shares: none in days no participant takes part', () => {
    // 9000.00 for March–April with O1 its only participant, in March: the share is O1's over 1–31 March, so April
    // holds no cost to carve out of (by the expense's days it would hold round-offs of 9000.00 × 30 / 61).
    const spring = given([registered, joined])
      .when(expense({ expenseId: 'E2', activityTo: '2025-04-30' }), now)
      .events();
    const refused = given([registered, joined, ...spring])
      .when(share({ activityFrom: '2025-04-01', activityTo: '2025-04-30' }), now)
      .thenFails('administrative_share.exceeds_costs');
    expect(refused).toMatchObject({ details: { costs: '0.00', carvedBefore: '0.00' } });
  });

  it('keeps the carve-out’s booking date, refusing one after today in Denmark', () => {
    // 2025-03-31T22:30Z is 00:30 on 1 April in Copenhagen: 1 April has begun there, 2 April has not.
    const lateEvening = { now: '2025-03-31T22:30:00Z' };
    const [booked] = given(history())
      .when(share({ bookingDate: '2025-04-01' }), lateEvening)
      .events();
    expect(booked.data).toMatchObject({ bookingDate: '2025-04-01' });
    given(history())
      .when(share({ bookingDate: '2025-04-02' }), lateEvening)
      .thenFails('expense.booking_in_future');
    const [unbooked] = given(history()).when(share(), now).events();
    expect(unbooked.data).not.toHaveProperty('bookingDate');
  });

  it('an area share takes the rent’s administrative part by floor area (VEJ 9584 6.9): 9000.00 × 25.5 / 102 = 2250.00', () => {
    const area = share({
      method: 'area',
      lines: undefined,
      expenseId: 'E1',
      areas: { administration: 25.5, total: '102' },
    });
    const [event] = given(history()).when(area, now).events();
    expect(event.data).toMatchObject({
      method: 'area',
      area: { expenseId: 'E1', expenseAmountOere: 900000, administration: '25.50', total: '102.00' },
      amountOere: 225000,
    });
    given(history())
      .when(
        share({ method: 'area', lines: undefined, expenseId: 'E9', areas: { administration: 1, total: 2 } }),
        now,
      )
      .thenFails('administrative_share.method_fields');
    given(history())
      .when(share({ expenseId: 'E1' }), now)
      .thenFails('administrative_share.method_fields');
  });
});

describe('RecordAdministrativeShare of an offer outside a project', () => {
  // The offer lives on its own stream (offer-{m}-O7); its expenses each on theirs, so the decision reads them as the
  // read models know them (context.offerCosts).
  const own = offerRegistered({
    offerId: 'O7',
    personId: 'P7',
    offerKind: 'ordinary_education',
    startDate: '2025-03-01',
    endDate: '2025-04-30',
    offerCategory: null,
    fundingFrame: null,
    provider: null,
    registrationDate: '2025-03-01',
    validityCitations: [],
  });
  // March's course fee 3100.00 and an invoice of 6100.00 for 1 March–30 April (61 days, 31 of them in March).
  const offerCosts = [
    { expenseId: 'E1', activityFrom: '2025-03-01', activityTo: '2025-03-31', amountOere: 310000 },
    { expenseId: 'E2', activityFrom: '2025-03-01', activityTo: '2025-04-30', amountOere: 610000 },
  ];
  const share = (
    over: Partial<CommandInput<'RecordAdministrativeShare'>> = {},
  ): CommandInput<'RecordAdministrativeShare'> => ({
    type: 'RecordAdministrativeShare',
    commandId: CMD_1,
    municipality: M,
    shareId: 'AS7',
    offerId: 'O7',
    activityFrom: '2025-03-01',
    activityTo: '2025-03-31',
    method: 'time_registration',
    // VEJ 9584 3.1 L479-L482: a time registration, at the DUT standard 451 kr per hour (L466-L469)
    hours: '4.00',
    hourlyCost: '451.00',
    priceLevelYear: 2025,
    methodReference: 'Metode 2, tidsregistrering 2025',
    ...over,
  });

  it('records it on the offer’s stream with the offer’s person: 4.00 h × 451.00 kr = 1804.00 kr', () => {
    given([own])
      .when(share(), { ...now, offerCosts })
      .then([
        administrativeShareRecorded({
          shareId: 'AS7',
          offerId: 'O7',
          personId: 'P7',
          activityFrom: '2025-03-01',
          activityTo: '2025-03-31',
          method: 'time_registration',
          lines: [],
          hours: '4.00',
          hourlyCostOere: 45100,
          amountOere: 180400,
          priceLevelYear: 2025,
          methodReference: 'Metode 2, tidsregistrering 2025',
        }),
      ]);
  });

  it('refuses more than the offer’s costs of the period as the read models know them, less carve-outs before', () => {
    // March's costs: 3100.00 + round(610,000 × 31 / 61) = 310,000 øre = 3100.00, together 6200.00
    // (the day split the ledger deducts by, carve-outs-in-order.ts). 13.75 h × 451.00 = 6201.25 is more; 13.74 h = 6196.74 is not.
    given([own])
      .when(share({ hours: '13.75' }), { ...now, offerCosts })
      .thenFails('administrative_share.exceeds_costs');
    const [first] = given([own])
      .when(share({ hours: '13.74' }), { ...now, offerCosts })
      .events();
    expect(first.data).toMatchObject({ amountOere: 619674 });
    // 6200.00 − 6196.74 = 3.26 left: 0.01 h × 451.00 = 4.51 is more.
    given([own, first])
      .when(share({ shareId: 'AS8', hours: '0.01' }), { ...now, offerCosts })
      .thenFails('administrative_share.exceeds_costs');
    given([own, first])
      .when(share({ hours: '0.01' }), { ...now, offerCosts })
      .thenFails('administrative_share.already_recorded');
    // Costs the read models do not know yet are no costs to the decision.
    given([own]).when(share(), now).thenFails('administrative_share.exceeds_costs');
  });

  it('refuses an offer not on its own stream (a project’s participant) and a cancelled one', () => {
    given([])
      .when(share(), { ...now, offerCosts })
      .thenFails('administrative_share.offer_not_found');
    given([registered, joined])
      .when(share({ offerId: 'O1' }), { ...now, offerCosts })
      .thenFails('administrative_share.offer_not_found');
    given([own, offerCancelled({ ...cancelled.data, offerId: 'O7', personId: 'P7', projectId: undefined })])
      .when(share(), { ...now, offerCosts })
      .thenFails('administrative_share.offer_cancelled');
  });

  it('an area share of the offer’s rent: 6100.00 × 10 / 40 = 1525.00', () => {
    const [event] = given([own])
      .when(
        share({
          method: 'area',
          hours: undefined,
          hourlyCost: undefined,
          expenseId: 'E2',
          activityTo: '2025-04-30',
          areas: { administration: 10, total: 40 },
        }),
        { ...now, offerCosts },
      )
      .events();
    expect(event.data).toMatchObject({ offerId: 'O7', amountOere: 152500, area: { expenseId: 'E2' } });
  });
});
