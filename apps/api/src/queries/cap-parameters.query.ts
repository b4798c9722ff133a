import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatOere } from '@app/domain';
import { capAllowance } from '@app/ledger';
import { CapParametersQueries } from '@app/read-models';

type Settings = Awaited<ReturnType<CapParametersQueries['history']>>;

function historyJson(year: number, settings: Settings) {
  return {
    year,
    settings: settings.map((s) => ({
      cap: s.cap,
      amountPerFullYearPerson: formatOere(s.amountPerFullYearPersonOere),
      fullYearPersons: (s.fullYearPersonsHundredths / 100).toFixed(2),
      allowance: formatOere(capAllowance(s)),
      reason: s.reason,
      recordedAt: s.recordedAt,
      commandId: s.commandId,
    })),
  };
}

/** Every cap-parameter setting of an accounting year recorded by `asOf`, oldest first. */
export class GetCapParameterHistory extends Query<ReturnType<typeof historyJson>> {
  constructor(
    readonly municipality: string,
    readonly year: number,
    readonly asOf: string,
  ) {
    super();
  }
}

@QueryHandler(GetCapParameterHistory)
export class GetCapParameterHistoryHandler implements IQueryHandler<GetCapParameterHistory> {
  constructor(@Inject(CapParametersQueries) private readonly queries: CapParametersQueries) {}

  async execute({
    municipality,
    year,
    asOf,
  }: GetCapParameterHistory): Promise<ReturnType<typeof historyJson>> {
    return historyJson(year, await this.queries.history(municipality, year, asOf));
  }
}
