import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatOere } from '@app/domain';
import { AuditQueries, type ChangesPage } from '@app/read-models';
import { entryJson } from './ledger-json';

function changesJson(from: string, to: string, changes: ChangesPage) {
  return {
    from,
    to,
    commands: changes.commands.map((c) => ({
      commandId: c.commandId,
      commandType: c.commandType,
      recordedAt: c.recordedAt,
      actor: c.actor,
      reason: c.reason,
      personId: c.personId,
      entries: c.entries,
      amount: formatOere(c.amountOere),
      refund: formatOere(c.refundOere),
      postings: c.postings.map(entryJson),
    })),
    totals: {
      commands: changes.totals.commands,
      entries: changes.totals.entries,
      amount: formatOere(changes.totals.amountOere),
      refund: formatOere(changes.totals.refundOere),
    },
    nextCursor: changes.nextCursor,
  };
}

type ChangesJson = ReturnType<typeof changesJson>;

/** The postings recorded in (from, to], grouped by causing command: `limit` commands after `cursor`. */
export class GetLedgerChanges extends Query<ChangesJson> {
  constructor(
    readonly municipality: string,
    readonly from: string,
    readonly to: string,
    readonly limit: number,
    readonly cursor?: bigint,
  ) {
    super();
  }
}

@QueryHandler(GetLedgerChanges)
export class GetLedgerChangesHandler implements IQueryHandler<GetLedgerChanges> {
  constructor(@Inject(AuditQueries) private readonly audit: AuditQueries) {}

  async execute({ municipality, from, to, limit, cursor }: GetLedgerChanges): Promise<ChangesJson> {
    return changesJson(from, to, await this.audit.changes(municipality, from, to, limit, cursor));
  }
}
