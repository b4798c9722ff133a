import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatOere } from '@app/domain';
import type { Changes } from '@app/ledger';
import { AuditQueries } from '@app/read-models';
import { entryJson } from './ledger-json';

function changesJson(from: string, to: string, changes: Changes) {
  return {
    from,
    to,
    commands: changes.commands.map((c) => ({
      commandId: c.commandId,
      commandType: c.commandType,
      recordedAt: c.recordedAt,
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
  };
}

type ChangesJson = ReturnType<typeof changesJson>;

/** Every posting recorded in (from, to], grouped by the command that caused it. */
export class GetLedgerChanges extends Query<ChangesJson> {
  constructor(
    readonly municipality: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

@QueryHandler(GetLedgerChanges)
export class GetLedgerChangesHandler implements IQueryHandler<GetLedgerChanges> {
  constructor(@Inject(AuditQueries) private readonly audit: AuditQueries) {}

  async execute({ municipality, from, to }: GetLedgerChanges): Promise<ChangesJson> {
    return changesJson(from, to, await this.audit.changes(municipality, from, to));
  }
}
