import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LedgerQueries, type LedgerFilter } from '@app/read-models';
import { entryJson } from './ledger-json';

interface EntriesPage {
  entries: ReturnType<typeof entryJson>[];
  nextCursor: string | null;
}

/** A page of postings matching the filter, after the cursor. */
export class GetLedgerEntries extends Query<EntriesPage> {
  constructor(
    readonly filter: LedgerFilter,
    readonly limit: number,
    readonly cursor?: { position: bigint; ordinal: number },
  ) {
    super();
  }
}

@QueryHandler(GetLedgerEntries)
export class GetLedgerEntriesHandler implements IQueryHandler<GetLedgerEntries> {
  constructor(@Inject(LedgerQueries) private readonly queries: LedgerQueries) {}

  async execute({ filter, limit, cursor }: GetLedgerEntries): Promise<EntriesPage> {
    const page = await this.queries.entries(filter, limit, cursor);
    return { entries: page.entries.map(entryJson), nextCursor: page.nextCursor };
  }
}
