import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RefundStatement } from '@app/ledger';
import { StatementQueries, type StatementPosting, type StatementRequest } from '@app/read-models';

/** The refund statement of an accounting year (or quarter) as of an instant; the controller picks its format. */
export class GetRefundStatement extends Query<RefundStatement> {
  constructor(readonly request: StatementRequest) {
    super();
  }
}

@QueryHandler(GetRefundStatement)
export class GetRefundStatementHandler implements IQueryHandler<GetRefundStatement> {
  constructor(@Inject(StatementQueries) private readonly statements: StatementQueries) {}

  execute({ request }: GetRefundStatement): Promise<RefundStatement> {
    return this.statements.statement(request);
  }
}

/** The postings behind a refund statement (its booking periods, as it stands), streamed, for the CSV and the workbook. */
export class GetRefundStatementPostings extends Query<AsyncIterable<StatementPosting>> {
  constructor(readonly request: StatementRequest) {
    super();
  }
}

@QueryHandler(GetRefundStatementPostings)
export class GetRefundStatementPostingsHandler implements IQueryHandler<GetRefundStatementPostings> {
  constructor(@Inject(StatementQueries) private readonly statements: StatementQueries) {}

  async execute({ request }: GetRefundStatementPostings): Promise<AsyncIterable<StatementPosting>> {
    return this.statements.postings(request);
  }
}
