import type { DecideRefund } from '@app/ledger';
import { EventTypeCountProjection } from './event-type-count.projection';
import { LedgerProjection } from './ledger.projection';
import type { Projection } from './projection';

/** Every projection the projector runs, in the order they apply each batch. */
export function allProjections(decide: DecideRefund): Projection[] {
  return [new EventTypeCountProjection(), new LedgerProjection(decide)];
}
