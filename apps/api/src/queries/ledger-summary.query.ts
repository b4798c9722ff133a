import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatOere } from '@app/domain';
import { type LedgerFilter, LedgerQueries, type SummaryKey } from '@app/read-models';

interface Summary {
  groupBy: SummaryKey[];
  lines: Record<string, unknown>[];
  totals: { amount: string; refund: string };
}

/** Totals of amount and refund of the filtered postings, grouped by `groupBy`. */
export class GetLedgerSummary extends Query<Summary> {
  constructor(
    readonly filter: LedgerFilter,
    readonly groupBy: SummaryKey[],
  ) {
    super();
  }
}

@QueryHandler(GetLedgerSummary)
export class GetLedgerSummaryHandler implements IQueryHandler<GetLedgerSummary> {
  constructor(@Inject(LedgerQueries) private readonly queries: LedgerQueries) {}

  async execute({ filter, groupBy }: GetLedgerSummary): Promise<Summary> {
    const lines = await this.queries.summary(filter, groupBy);
    const total = (key: 'amountOere' | 'refundOere') =>
      formatOere(lines.reduce((sum, l) => sum + l[key], 0n));
    return {
      groupBy,
      lines: lines.map((l) => ({
        ...Object.fromEntries(groupBy.map((k) => [k, l[k]])),
        unresolved: l.unresolved,
        entries: l.entries,
        amount: formatOere(l.amountOere),
        refund: formatOere(l.refundOere),
      })),
      totals: { amount: total('amountOere'), refund: total('refundOere') },
    };
  }
}
