// The cost items of a person's ledger: an offer's expense, or the costed hours of a mentor
// agreement, with the refundable window mentor hours are judged by.
import { addDays, addMonths, minDate, type DomainEvent } from '@app/domain';
import type { StoredCostItem } from './ledger-state';

type DataOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>['data'];

export const expenseItemId = (expenseId: string) => `expense:${expenseId}`;
export const mentorItemId = (agreementId: string, eventId: string) => `mentor:${agreementId}:${eventId}`;

/**
 * The refundable window of a mentor agreement: while it runs, and for company and education
 * mentors at most 6 months beyond the start of the job or education, taken as the agreement's
 * start (API.md RegisterMentorAgreement; seed000.md on mentor support, VEJ 9584 §11).
 */
export function mentorRefundWindow(d: { mentorType: string; agreementStartDate: string; agreementEndDate: string }): { from: string; to: string } {
  if (d.mentorType === 'social') return { from: d.agreementStartDate, to: d.agreementEndDate };
  const sixMonths = addDays(addMonths(d.agreementStartDate, 6), -1);
  return { from: d.agreementStartDate, to: minDate(d.agreementEndDate, sixMonths) };
}

export function expenseItem(municipality: string, d: DataOf<'OfferExpenseRecorded'>): StoredCostItem {
  return {
    costItemId: expenseItemId(d.expenseId), personId: d.personId, offerId: d.offerId, municipality, offerKind: d.offerKind,
    cost: { kind: 'expense', expenseType: d.expenseType }, amountOere: d.amountOere, activityFrom: d.activityFrom, activityTo: d.activityTo,
    mentorWindow: null, fundingFrame: d.fundingFrame ?? null, reversed: false,
  };
}

/** The hours of one MentorHoursRecorded event (its id makes the item's id). */
export function mentorItem(municipality: string, eventId: string, d: DataOf<'MentorHoursRecorded'>): StoredCostItem {
  return {
    costItemId: mentorItemId(d.agreementId, eventId), personId: d.personId, offerId: d.offerId, municipality, offerKind: 'mentor',
    cost: { kind: 'mentor' }, amountOere: d.costOere, activityFrom: d.date, activityTo: d.date,
    mentorWindow: mentorRefundWindow(d), mentorAgreementStartDate: d.agreementStartDate, reversed: false,
  };
}
