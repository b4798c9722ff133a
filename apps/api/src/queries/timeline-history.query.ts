import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TimelineHistoryQueries } from '@app/read-models';

type Registrations = Awaited<ReturnType<TimelineHistoryQueries['registrations']>>;

/** Every target-group registration of a person known at `asOf`, retracted ones included. */
export class GetTimelineHistory extends Query<Registrations> {
  constructor(
    readonly municipality: string,
    readonly personId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

@QueryHandler(GetTimelineHistory)
export class GetTimelineHistoryHandler implements IQueryHandler<GetTimelineHistory> {
  constructor(@Inject(TimelineHistoryQueries) private readonly history: TimelineHistoryQueries) {}

  execute({ municipality, personId, asOf }: GetTimelineHistory): Promise<Registrations> {
    return this.history.registrations(municipality, personId, asOf);
  }
}
