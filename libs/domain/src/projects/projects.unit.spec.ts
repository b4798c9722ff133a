// RegisterProject, RegisterOffer in a project, RecordProjectExpense: one stream holds the project, its participants'
// offers and its costs, so "someone takes part in the period" is decided on one revision.
import { given } from '../testing/given-when-then';
import { CMD_1, M } from '../testing/fixtures';
import type { CommandInput } from '../commands/domain-commands';
import { projectRegistered } from './project-registered.event';
import { projectExpenseRecorded } from './project-expense-recorded.event';
import { offerRegistered } from '../offers/offer-registered.event';
import { offerCancelled } from '../offers/offer-cancelled.event';

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
const joined = offerRegistered({
  offerId: 'O1',
  personId: 'P1',
  offerKind: 'other',
  startDate: '2025-03-01',
  endDate: '2025-03-31',
  offerCategory: null,
  fundingFrame: null,
  provider: null,
  registrationDate: '2025-03-01',
  validityCitations: [],
  projectId: 'PR1',
});
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
