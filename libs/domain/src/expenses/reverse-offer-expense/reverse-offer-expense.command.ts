import type { CommandEnvelope } from '../../shared/command-envelope';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { text } from '../../shared/schema';

/** API.md ReverseOfferExpense: the expense was booked in error. */
export interface ReverseOfferExpense extends CommandEnvelope<'ReverseOfferExpense'> {
  expenseId: string;
  reason: string;
}

export const parseReverseOfferExpense: (input: unknown) => ReverseOfferExpense = commandParser('ReverseOfferExpense', {
  expenseId: clientId(),
  reason: text(),
});
