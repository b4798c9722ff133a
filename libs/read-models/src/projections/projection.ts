import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { EntityManager } from 'typeorm';

/** A projection applies a batch of log events to its tables, inside the runner's transaction. */
export interface Projection {
  readonly name: string;
  apply(events: RecordedEvent[], tx: EntityManager): Promise<void>;
}
