// The trivial projection that proves the loop: how many events of each type the log holds.
import type { RecordedEvent } from '@app/event-store';
import type { EntityManager } from 'typeorm';
import { isFanOutCopy } from '../runner/rulebook-adoption';
import { preparedQuery } from './prepared-query';
import type { Projection } from './projection';

export class EventTypeCountProjection implements Projection {
  readonly name = 'event-type-count';

  async apply(events: RecordedEvent[], tx: EntityManager): Promise<void> {
    const counts = new Map<string, number>();
    for (const event of events)
      if (!isFanOutCopy(event)) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    // In one order for every worker: concurrent workers then wait for each other's rows instead of deadlocking.
    const types = [...counts.keys()].sort();
    await preparedQuery(
      tx,
      'event-type-count-add',
      `INSERT INTO event_type_count (type, count) SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (type) DO UPDATE SET count = event_type_count.count + excluded.count`,
      [types, types.map((t) => counts.get(t))],
    );
  }
}
