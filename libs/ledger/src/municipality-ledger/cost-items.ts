// The cost items of a person's ledger: an offer's expense, or the costed hours of a mentor
// agreement with the agreement's period (the refundable window is derived from it and the
// person's timeline when the item is allocated: mentor-refund-window.ts).
import type { DomainEvent } from '@app/domain';
import { itemKey } from './cost-item-keys';
import type { StoredCostItem } from './ledger-state';

type DataOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>['data'];

export const expenseItemId = (expenseId: string) => itemKey('expense', expenseId);
const mentorItemId = (agreementId: string, eventId: string) => itemKey('mentor', agreementId, eventId);

export function expenseItem(municipality: string, d: DataOf<'OfferExpenseRecorded'>): StoredCostItem {
  return {
    costItemId: expenseItemId(d.expenseId),
    personId: d.personId,
    offerId: d.offerId,
    municipality,
    offerKind: d.offerKind,
    cost: { kind: 'expense', expenseType: d.expenseType },
    amountOere: d.amountOere,
    activityFrom: d.activityFrom,
    activityTo: d.activityTo,
    mentorAgreementPeriod: null,
    fundingFrame: d.fundingFrame ?? null,
    unemploymentMonthsOn: d.unemploymentMonthsOn ?? null,
    reversed: false,
  };
}

/** The hours of one MentorHoursRecorded event (its id makes the item's id). */
export function mentorItem(
  municipality: string,
  eventId: string,
  d: DataOf<'MentorHoursRecorded'>,
): StoredCostItem {
  return {
    costItemId: mentorItemId(d.agreementId, eventId),
    personId: d.personId,
    offerId: d.offerId,
    municipality,
    offerKind: 'mentor',
    cost: { kind: 'mentor' },
    amountOere: d.costOere,
    activityFrom: d.date,
    activityTo: d.date,
    mentorAgreementPeriod: { from: d.agreementStartDate, to: d.agreementEndDate },
    mentorAgreementStartDate: d.agreementStartDate,
    reversed: false,
  };
}
