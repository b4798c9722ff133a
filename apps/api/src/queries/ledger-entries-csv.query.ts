import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LedgerQueries, type LedgerFilter } from '@app/read-models';
import { entriesCsv } from './entries-csv';

/** Every posting matching the filter, as a CSV stream. */
export class GetLedgerEntriesCsv extends Query<Readable> {
  constructor(readonly filter: LedgerFilter) {
    super();
  }
}

@QueryHandler(GetLedgerEntriesCsv)
export class GetLedgerEntriesCsvHandler implements IQueryHandler<GetLedgerEntriesCsv> {
  constructor(@Inject(LedgerQueries) private readonly queries: LedgerQueries) {}

  async execute({ filter }: GetLedgerEntriesCsv): Promise<Readable> {
    return entriesCsv(this.queries.allEntries(filter));
  }
}
