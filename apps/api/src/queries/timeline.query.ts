import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LedgerQueries } from '@app/read-models';

type Timeline = Awaited<ReturnType<LedgerQueries['timeline']>>;

/** A person's target-group segments as known at `asOf`. */
export class GetTimeline extends Query<Timeline> {
  constructor(
    readonly municipality: string,
    readonly personId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

@QueryHandler(GetTimeline)
export class GetTimelineHandler implements IQueryHandler<GetTimeline> {
  constructor(@Inject(LedgerQueries) private readonly queries: LedgerQueries) {}

  execute({ municipality, personId, asOf }: GetTimeline): Promise<Timeline> {
    return this.queries.timeline(municipality, personId, asOf);
  }
}
