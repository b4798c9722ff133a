// What a decider reads of the read models (the registry's projectedContext): an offer's expenses, each on a stream
// of its own, as projected once the read models of the municipality include the log's head — so an expense whose
// command was answered before is among them. A later or concurrent change is the ledger's to net (it posts what
// the costs no longer carry as unresolved). In a batch, the expenses the earlier commands will append count too.
import type { DomainEvent, OfferCost } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { problem, ProblemException } from '@app/platform';
import { waitForPosition, type LedgerQueries } from '@app/read-models';
import type { DataSource } from 'typeorm';

export type OfferCostsReader = (municipality: string, offerId: string) => Promise<OfferCost[]>;

export function projectedOfferCosts(
  store: Pick<EventStore, 'headPosition'>,
  readModels: DataSource,
  queries: Pick<LedgerQueries, 'offerExpenseCosts'>,
  waitMs: number,
): OfferCostsReader {
  return async (municipality, offerId) => {
    const head = await store.headPosition();
    if (head !== null && !(await waitForPosition(readModels, head, waitMs, 10, municipality)))
      throw new ProblemException(
        problem(
          503,
          'not-yet-projected',
          `the read models of municipality ${municipality} have not reached position ${head} yet: the offer's costs cannot be read`,
          { retryAfter: 1 },
        ),
      );
    return queries.offerExpenseCosts(municipality, offerId);
  };
}

/**
 * The offer's costs as projected, with what the earlier commands of the same batch will append (`staged`, not
 * projected yet), in their order: an expense of the offer recorded is a cost, one reversed is none.
 */
export function withStagedCosts(
  projected: readonly OfferCost[],
  staged: readonly DomainEvent[],
  offerId: string,
): OfferCost[] {
  const costs = new Map(projected.map((c) => [c.expenseId, c]));
  for (const event of staged) {
    if (event.type !== 'OfferExpenseRecorded' && event.type !== 'OfferExpenseReversed') continue;
    const { expenseId, activityFrom, activityTo, amountOere } = event.data;
    if (event.data.offerId !== offerId) continue;
    if (event.type === 'OfferExpenseRecorded')
      costs.set(expenseId, { expenseId, activityFrom, activityTo, amountOere });
    else costs.delete(expenseId);
  }
  return [...costs.values()];
}
