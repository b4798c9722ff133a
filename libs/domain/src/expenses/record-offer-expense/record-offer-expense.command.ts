import type { CommandEnvelope } from '../../shared/command-envelope';
import { kroner } from '../../shared/field-schemas';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { isoDate, oneOf, maybe, text } from '../../shared/schema';
import { EXPENSE_TYPES, type ExpenseType, type IsoDate } from '../../shared/vocabulary';

/** API.md RecordOfferExpense: an operating expense of the offer relating to the activity period. */
export interface RecordOfferExpense extends CommandEnvelope<'RecordOfferExpense'> {
  expenseId: string;
  offerId: string;
  expenseType: ExpenseType;
  /** Kroner string with at most two decimals, e.g. "4200.00"; negative for operating income. */
  amount: string;
  activityFrom: IsoDate;
  activityTo: IsoDate;
  invoiceRef?: string;
}

export const parseRecordOfferExpense: (input: unknown) => RecordOfferExpense = commandParser('RecordOfferExpense', {
  expenseId: clientId(),
  offerId: clientId(),
  expenseType: oneOf(EXPENSE_TYPES),
  amount: kroner(),
  activityFrom: isoDate(),
  activityTo: isoDate(),
  invoiceRef: maybe(text(200)),
});
