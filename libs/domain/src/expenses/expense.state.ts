import type { DomainEvent } from '../events/domain-events';
import type { ExpenseType, IsoDate, OfferKind } from '../shared/vocabulary';

export interface RecordedExpense {
  status: 'recorded' | 'reversed';
  expenseId: string;
  offerId: string;
  personId: string;
  offerKind: OfferKind;
  expenseType: ExpenseType;
  amountOere: number;
  activityFrom: IsoDate;
  activityTo: IsoDate;
}

/** Aggregate "offer expense" (one per expense), stream expense-{municipality}-{expenseId}. */
export type ExpenseState = { status: 'none' } | RecordedExpense;

export const initialExpenseState: ExpenseState = { status: 'none' };

export function evolveExpense(state: ExpenseState, event: DomainEvent): ExpenseState {
  switch (event.type) {
    case 'OfferExpenseRecorded': {
      const d = event.data;
      return {
        status: 'recorded',
        expenseId: d.expenseId,
        offerId: d.offerId,
        personId: d.personId,
        offerKind: d.offerKind,
        expenseType: d.expenseType,
        amountOere: d.amountOere,
        activityFrom: d.activityFrom,
        activityTo: d.activityTo,
      };
    }
    case 'OfferExpenseReversed':
      return state.status === 'none' ? state : { ...state, status: 'reversed' };
    default:
      return state;
  }
}
